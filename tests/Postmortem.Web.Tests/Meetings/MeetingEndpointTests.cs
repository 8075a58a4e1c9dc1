using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Web.Meetings;

namespace Postmortem.Web.Tests.Meetings;

/// <summary>The meeting over HTTP and SignalR on the test server: who may start, join, move on and close; what Close writes.</summary>
public sealed class MeetingEndpointTests : IDisposable
{
    private const string Meridian = "pm/meridian/incident.yml";

    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    private MeetingRegistry Registry => host.Services.GetRequiredService<MeetingRegistry>();

    [Theory]
    [InlineData("/Meetings/Start?path=pm/meridian/incident.yml")]
    [InlineData("/Meetings/Room?id=mtg-0123456789ab")]
    public async Task An_anonymous_request_is_sent_to_sign_in(string page)
    {
        var response = await host.Client().Get(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_joins_a_meeting_but_cannot_start_or_close_one()
    {
        var meeting = Registry.Start(Meridian, "Meridian", 50, "editor");
        var viewer = await host.SignedIn("viewer");

        var room = await viewer.Get("/Meetings/Room?id=" + meeting.Id);
        var start = await viewer.Get("/Meetings/Start?path=" + Meridian);
        var token = await WebHost.Token(viewer, "/SignIn");
        var close = await viewer.Post($"/Meetings/Room?id={meeting.Id}&handler=Close", Form(token));

        Assert.Equal(HttpStatusCode.OK, room.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.DoesNotContain("close-meeting", await room.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_starts_a_meeting_and_its_page_shows_the_agenda_and_the_gap_questions()
    {
        var editor = await host.SignedIn("editor");
        var token = await WebHost.Token(editor, "/Meetings/Start?path=" + Meridian);

        var noToken = await editor.Post("/Meetings/Start?path=" + Meridian, new FormUrlEncodedContent(new Dictionary<string, string> { ["Minutes"] = "30" }));
        var tooLong = await editor.Post("/Meetings/Start?path=" + Meridian, Form(token, ("Minutes", "600")));
        var outside = await editor.Post("/Meetings/Start?path=secret.yml", Form(token, ("Minutes", "30")));
        var started = await editor.Post("/Meetings/Start?path=" + Meridian, Form(token, ("Minutes", "30")));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var page = await editor.Read(started.Headers.Location!.OriginalString);
        Assert.Contains("Set the tone (1 min)", page, StringComparison.Ordinal);
        Assert.Contains("Discuss contributing factors (9 min)", page, StringComparison.Ordinal);
        Assert.Contains("Ask about this gap: what happened between", page, StringComparison.Ordinal);
        Assert.Contains("Detection to escalation: 20 minutes", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/signalr.min.js\"></script>", page, StringComparison.Ordinal);
        Assert.Single(Registry.For(Meridian));
    }

    [Fact]
    public async Task The_scripts_are_served_by_the_app_and_the_policy_allows_only_them()
    {
        var client = host.Client();

        var signalr = await client.Get("/js/signalr.min.js");
        var page = await client.Get("/js/meeting.js");
        var policy = string.Join(";", signalr.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.OK, signalr.StatusCode);
        Assert.Equal("text/javascript", signalr.Content.Headers.ContentType!.MediaType);
        Assert.Contains("HubConnectionBuilder", await signalr.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_connection_without_sign_in_is_refused()
    {
        await using var anonymous = Connect(cookie: null);

        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_participants_see_each_other_s_additions_live_and_only_the_facilitator_moves_on()
    {
        // Given
        var meeting = Registry.Start(Meridian, "Meridian", 50, "editor");
        await using var facilitator = Connect(await Cookie("editor"));
        await using var participant = Connect(await Cookie("viewer"));
        var seen = new TaskCompletionSource<MeetingView>();
        facilitator.On<MeetingView>("state", v =>
        {
            if (v.Factors.Count > 0)
            {
                seen.TrySetResult(v);
            }
        });
        await facilitator.StartAsync(TestContext.Current.CancellationToken);
        await participant.StartAsync(TestContext.Current.CancellationToken);
        await facilitator.InvokeAsync<MeetingView>("Join", meeting.Id, TestContext.Current.CancellationToken);
        await participant.InvokeAsync<MeetingView>("Join", meeting.Id, TestContext.Current.CancellationToken);

        // When
        var tips = await participant.InvokeAsync<List<Rendering.Review.FacilitationTip>>("AddFactor", meeting.Id, "human", "The on-call engineer forgot to check the pool <img src=x onerror=alert(1)>", TestContext.Current.CancellationToken);
        var view = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<HubException>(() => participant.InvokeAsync("Next", meeting.Id, TestContext.Current.CancellationToken));
        await facilitator.InvokeAsync("Next", meeting.Id, TestContext.Current.CancellationToken);

        // Then
        var factor = Assert.Single(view.Factors);
        Assert.Equal("The on-call engineer forgot to check the pool <img src=x onerror=alert(1)>", factor.Text);
        Assert.Equal("viewer", factor.Author);
        Assert.Contains(tips, t => t.Tip == Rendering.Review.FacilitationTips.Redirect);
        Assert.Contains("facilitator", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, meeting.Part);
    }

    [Fact]
    public async Task Close_is_refused_with_the_reason_until_owners_and_dates_are_set_then_writes_the_file_and_the_schedule()
    {
        // Given: an action without an owner
        var meeting = Registry.Start(Meridian, "Meridian", 50, "editor");
        await using var hub = Connect(await Cookie("viewer"));
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync<List<Rendering.Review.FacilitationTip>>("AddFactor", meeting.Id, "technical", "Pool limit of 50 left no headroom", TestContext.Current.CancellationToken);
        await hub.InvokeAsync<List<Rendering.Review.FacilitationTip>>("AddAction", meeting.Id, "Raise the Redis pool limit to 200 in the config", "mitigate", "small", TestContext.Current.CancellationToken);
        var id = meeting.Actions[0].Id;
        var editor = await host.SignedIn("editor");
        var file = Path.Combine(host.Folder, "pm", "meridian", "incident.yml");
        var before = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);

        // When
        var token = await WebHost.Token(editor, "/Meetings/Room?id=" + meeting.Id);
        var refused = await editor.Post($"/Meetings/Room?id={meeting.Id}&handler=Close", Form(token));
        var unchanged = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        await hub.InvokeAsync("Assign", meeting.Id, id, "Platform Team", "2099-01-15", TestContext.Current.CancellationToken);
        var closed = await editor.Post($"/Meetings/Room?id={meeting.Id}&handler=Close", Form(token));

        // Then
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("&quot;Raise the Redis pool limit to 200 in the config&quot; has no owner", await refused.Text(), StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.StartsWith(before.TrimEnd('\n'), after.Replace("    - Pool limit of 50 left no headroom\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"  - id: {id}\n    action: Raise the Redis pool limit to 200 in the config\n    type: mitigate\n    owner: Platform Team\n    due: 2099-01-15\n    effort: small\n", after, StringComparison.Ordinal);
        Assert.Contains("    - Pool limit of 50 left no headroom\n", after, StringComparison.Ordinal);
        Assert.NotNull(meeting.Outcome);
        Assert.Equal("2023-12-11", meeting.Outcome.ActionReview); // Meridian's postmortem date 2023-11-27 + 14 days
        Assert.Contains("Action item review: 2023-12-11", await editor.Read("/Meetings/Room?id=" + meeting.Id), StringComparison.Ordinal);
        Assert.Contains("Raise the Redis pool limit", await editor.Read("/Actions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_linked_to_a_factor_raised_in_the_meeting_is_written_with_that_factor_s_id()
    {
        // Given: two factors raised, an action linked live to the second (and a link made and undone to the first)
        var meeting = Registry.Start(Meridian, "Meridian", 50, "editor");
        await using var hub = Connect(await Cookie("viewer"));
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync<List<Rendering.Review.FacilitationTip>>("AddFactor", meeting.Id, "process", "No freeze on peak days", TestContext.Current.CancellationToken);
        await hub.InvokeAsync<List<Rendering.Review.FacilitationTip>>("AddFactor", meeting.Id, "technical", "Pool limit of 50 left no headroom", TestContext.Current.CancellationToken);
        await hub.InvokeAsync<List<Rendering.Review.FacilitationTip>>("AddAction", meeting.Id, "Raise the Redis pool limit to 200 in the config", "mitigate", null, TestContext.Current.CancellationToken);
        var id = meeting.Actions[0].Id;
        await hub.InvokeAsync("Link", meeting.Id, id, 0, TestContext.Current.CancellationToken);
        await hub.InvokeAsync("Link", meeting.Id, id, 1, TestContext.Current.CancellationToken);
        await hub.InvokeAsync("Link", meeting.Id, id, 0, TestContext.Current.CancellationToken);
        var stray = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Link", meeting.Id, id, 2, TestContext.Current.CancellationToken));
        await hub.InvokeAsync("Assign", meeting.Id, id, "Platform Team", "2099-01-15", TestContext.Current.CancellationToken);
        var editor = await host.SignedIn("editor");

        // When
        var token = await WebHost.Token(editor, "/Meetings/Room?id=" + meeting.Id);
        var closed = await editor.Post($"/Meetings/Room?id={meeting.Id}&handler=Close", Form(token));

        // Then: the action names the id the file gives the new technical factor, and reads back linked to it
        Assert.Contains("no such factor", stray.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var file = Path.Combine(host.Folder, "pm", "meridian", "incident.yml");
        var read = (await Postmortems.AnalyzeFileAsync(file, cancellationToken: TestContext.Current.CancellationToken)).Value!.Document;
        var action = Assert.Single(read.Actions, a => a.Id == id);
        var factor = Assert.Single(action.Factors);
        Assert.Equal("Pool limit of 50 left no headroom", Assert.Single(read.Factors, f => f.Id == factor).Text);
        Assert.Contains($"    due: 2099-01-15\n    factors: [{factor}]\n", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_meeting_on_a_markdown_record_writes_the_rows_and_the_bullet()
    {
        // Given: Meridian drafted to Markdown, and a meeting on it with a factor and an assigned action
        var analyzed = (await Postmortems.AnalyzeFileAsync(WebHost.Example("examples/meridian/incident.yml"), cancellationToken: TestContext.Current.CancellationToken)).Value!;
        using var markdown = new MemoryStream();
        Postmortems.Render(analyzed, "markdown", markdown);
        var file = Path.Combine(host.Folder, "pm", "record", "postmortem.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, markdown.ToArray(), TestContext.Current.CancellationToken);
        var before = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var meeting = Registry.Start("pm/record/postmortem.md", "Meridian", 50, "editor");
        Registry.Change(meeting, (m, _) => MeetingRules.AddFactor(m, "technical", "Pool limit of 50 left no headroom", "viewer"));
        Registry.Change(meeting, (m, _) => MeetingRules.AddAction(m, "Raise the Redis pool limit to 200 in the config", "mitigate", "small", "viewer"));
        var id = meeting.Actions[0].Id;
        Registry.Change(meeting, (m, _) => MeetingRules.Assign(m, id, "Platform Team", "2099-01-15"));
        var editor = await host.SignedIn("editor");

        // When
        var token = await WebHost.Token(editor, "/Meetings/Room?id=" + meeting.Id);
        var closed = await editor.Post($"/Meetings/Room?id={meeting.Id}&handler=Close", Form(token));

        // Then: the row after the table's last row, the bullet after the technical factors, the effort in the front matter
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var row = $"| {id} | Raise the Redis pool limit to 200 in the config | Mitigate | Platform Team | Jan 15, 2099 | Open | — | — |\n";
        Assert.Contains("| Dec 1, 2023 | Open | — | — |\n" + row + "\n### Follow-up schedule", after, StringComparison.Ordinal);
        Assert.Contains("<!-- factor: no-pool-alert -->\n- Pool limit of 50 left no headroom\n\n**Human factors:**", after, StringComparison.Ordinal);
        Assert.Contains($"  {id}:\n    effort: small\n---\n", after, StringComparison.Ordinal);
        var removed = after.Replace(row, string.Empty, StringComparison.Ordinal).Replace("- Pool limit of 50 left no headroom\n", string.Empty, StringComparison.Ordinal)
            .Replace($"  {id}:\n    effort: small\n", string.Empty, StringComparison.Ordinal);
        Assert.Equal(before, removed);
        Assert.NotNull(meeting.Outcome);
        Assert.Equal(4, meeting.Outcome.AddedLines);
    }

    [Fact]
    public void A_restarted_registry_rejoins_the_meetings_it_kept()
    {
        var meeting = Registry.Start(Meridian, "Meridian", 40, "editor");
        Registry.Change(meeting, (m, _) => MeetingRules.AddFactor(m, "process", "No freeze on peak days", "viewer"));

        var again = new MeetingRegistry(host.Services.GetRequiredService<Hosting.WebSettings>(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<MeetingRegistry>.Instance);

        var kept = again.Get(meeting.Id);
        Assert.NotNull(kept);
        Assert.Equal(40, kept.Minutes);
        Assert.Equal("No freeze on peak days", Assert.Single(kept.Factors).Text);
    }

    private async Task<string> Cookie(string name)
    {
        var response = await WebHost.SignIn(host.Client(), name, WebHost.Password);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("postmortem.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private HubConnection Connect(string? cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri("http://localhost" + MeetingHub.Route), o =>
        {
            o.HttpMessageHandlerFactory = _ => host.Handler();
            o.Transports = HttpTransportType.LongPolling;
            if (cookie is not null)
            {
                o.Headers["Cookie"] = cookie;
            }
        })
        .Build();

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, v.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
