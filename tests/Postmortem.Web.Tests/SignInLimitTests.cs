using System.Net;

namespace Postmortem.Web.Tests;

/// <summary>Sign-in attempts are limited per client address, so passwords cannot be guessed at speed.</summary>
public sealed class SignInLimitTests
{
    [Fact]
    public async Task Sign_in_is_rate_limited()
    {
        using var host = new WebHost(signInPermitsPerMinute: 3);
        var client = host.Client();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await WebHost.SignIn(client, "admin", "wrong-password-" + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/SignIn")).StatusCode);
    }
}
