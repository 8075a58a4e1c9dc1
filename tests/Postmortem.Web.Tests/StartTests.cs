using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Tests;

/// <summary>The one-command start: the app as <c>dotnet run --project src/Postmortem.Web -- --store … --urls …</c> builds it, on Kestrel, with the repository's examples indexed.</summary>
public sealed class StartTests
{
    [Fact]
    public async Task The_plain_store_and_urls_arguments_start_the_app_on_that_store_with_the_examples_indexed()
    {
        var folder = Directory.CreateTempSubdirectory("postmortem-start-").FullName;
        var store = Path.Combine(folder, "x.db");
        try
        {
            // Given the arguments as a newcomer types them (the admin password as the environment would give it).
            await using var app = WebApp.Build(["--store", "sqlite:" + store, "--urls", "http://127.0.0.1:0", "--Postmortem:AdminPassword=" + WebHost.AdminPassword]);

            // When the app starts
            await app.StartAsync(TestContext.Current.CancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

            // Then it serves / on that address, from that store, with the examples in it.
            Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
            Assert.True(File.Exists(store));
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            Assert.Equal(HttpStatusCode.Redirect, (await client.Get("/")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await WebHost.SignIn(client, "admin", WebHost.AdminPassword)).StatusCode);
            var page = await client.Read("/");
            Assert.Contains("examples/meridian/incident.yml", page, StringComparison.Ordinal);
            Assert.Contains("Checkout Outage — Black Friday Cache Stampede", page, StringComparison.Ordinal);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_hosts_on_real_ports_at_once_each_get_a_fresh_loopback_port()
    {
        // Given two hosts on Kestrel at the same time (the browser tests run in parallel)
        using var first = new WebHost(kestrel: true);
        using var second = new WebHost(kestrel: true);

        // Then each listens on its own port on loopback, never on Kestrel's default 5000, and both answer.
        Assert.NotEqual(first.Address.Port, second.Address.Port);
        Assert.All(new[] { first.Address, second.Address }, a => Assert.NotEqual(5000, a.Port));
        foreach (var host in new[] { first, second })
        {
            using var client = new HttpClient { BaseAddress = host.Address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/site.css", TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Theory]
    [InlineData("--store", "sqlite:/tmp/x.db", "Postmortem:Store")]
    [InlineData("--base", "/srv/records", "Postmortem:Base")]
    [InlineData("--index", "examples;postmortems", "Postmortem:Index")]
    public void Each_plain_argument_sets_its_setting(string argument, string value, string key)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine([argument, value], WebArguments.Switches).Build();

        Assert.Equal(value, configuration[key]);
    }
}
