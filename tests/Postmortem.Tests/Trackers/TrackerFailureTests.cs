namespace Postmortem.Tests.Trackers;

/// <summary>Every way a tracker can answer badly is a diagnostic naming it, and nothing is half-written in the postmortems.</summary>
public sealed class TrackerFailureTests : IDisposable
{
    private readonly SyncBed bed = new();
    private readonly FakeGitHub github = new();

    public void Dispose()
    {
        github.Dispose();
        bed.Dispose();
    }

    public static TheoryData<string, int, string, string> Failures => new()
    {
        { "GET", 401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""", "PM0704" },
        { "GET", 403, """{"message":"Resource not accessible by personal access token"}""", "PM0705" },
        { "GET", 404, """{"message":"Not Found"}""", "PM0706" },
        { "GET", 410, """{"message":"Issues are disabled for this repo"}""", "PM0706" },
        { "POST", 422, """{"message":"Validation Failed","errors":[{"resource":"Issue","code":"invalid","field":"assignees"}]}""", "PM0707" },
        { "POST", 401, """{"message":"Bad credentials"}""", "PM0704" },
        { "GET", 200, """[{"number": 1, "title": """, "PM0710" },
        { "GET", 200, """{"message":"an object, not the documented array"}""", "PM0710" },
        { "POST", 201, "not json at all", "PM0710" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_bad_answer_is_its_diagnostic_and_the_postmortems_are_unchanged(string method, int status, string body, string code)
    {
        bed.Postmortems(files: 1, actionsEach: 2);
        bed.Index();
        using var tracker = bed.GitHub(github);
        await bed.SyncAsync(tracker, dryRun: true);
        var before = Contents();
        github.Faults.Add(new Fault(r => r.Method == method, status, body));

        var report = await bed.SyncAsync(tracker);

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal(code, error.Code);
        Assert.DoesNotContain(FakeGitHub.Token, error.Message, StringComparison.Ordinal);
        if (method == "GET")
        {
            // Nothing was listed, so nothing was done; the ids minted before the listing are the only change.
            Assert.Empty(report.Done);
            Assert.Equal(0, bed.Links());
        }
        else
        {
            // The create that failed left no link and no half-written file; a 422 is one issue's problem, the next is made.
            Assert.Equal(before.Count, Contents().Count);
            Assert.Equal(code == "PM0707" ? 1 : 0, bed.Links());
        }

        Assert.All(bed.Files(), f => Assert.DoesNotContain(".tmp", string.Join(",", Directory.GetFiles(Path.GetDirectoryName(f)!)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_retried()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = bed.GitHub(github);
        github.Faults.Add(new Fault(r => r.Method == "POST", 429, """{"message":"You have exceeded a secondary rate limit."}""", Headers: ("Retry-After", "1")));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var report = await bed.SyncAsync(tracker);

        Assert.Empty(report.Diagnostics);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {watch.Elapsed}, before Retry-After");
        Assert.Single(github.RealIssues);
        Assert.Equal(2, github.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_secondary_rate_limit_403_with_x_ratelimit_reset_is_retried_and_a_far_reset_stops_with_the_time()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = bed.GitHub(github);
        var soon = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var late = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        github.Faults.Add(new Fault(r => r.Method == "GET", 403, """{"message":"API rate limit exceeded"}""", Headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", soon)]));

        var waited = await bed.SyncAsync(tracker);
        github.Faults.Add(new Fault(r => r.Method == "GET", 429, """{"message":"API rate limit exceeded"}""", Headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", late)]));
        var stopped = await bed.SyncAsync(tracker);

        Assert.Empty(waited.Diagnostics);
        Assert.True(stopped.Stopped);
        var limit = Assert.Single(stopped.Diagnostics);
        Assert.Equal("PM0708", limit.Code);
        Assert.Contains("UTC", limit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_read_is_retried_with_backoff_and_then_reported()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = bed.GitHub(github);
        github.Faults.Add(new Fault(r => r.Method == "GET", 502, "<html>Bad gateway</html>"));
        var recovered = await bed.SyncAsync(tracker, dryRun: true);
        for (var i = 0; i < 3; i++)
        {
            github.Faults.Add(new Fault(r => r.Method == "GET", 503, """{"message":"Service unavailable"}"""));
        }

        var failed = await bed.SyncAsync(tracker, dryRun: true);

        Assert.Empty(recovered.Diagnostics);
        Assert.Equal("PM0709", Assert.Single(failed.Diagnostics).Code);
        Assert.Contains("3 attempts", failed.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_on_a_create_is_not_repeated_blindly()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = bed.GitHub(github);
        github.Faults.Add(new Fault(r => r.Method == "POST", 502, string.Empty));

        var report = await bed.SyncAsync(tracker);

        Assert.Equal("PM0709", Assert.Single(report.Diagnostics).Code);
        Assert.Equal(1, github.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(0, bed.Links());
    }

    [Fact]
    public async Task A_slow_answer_past_the_time_out_is_reported_not_waited_for()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = bed.GitHub(github, SyncBed.FastHttp with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 });
        for (var i = 0; i < 2; i++)
        {
            github.Faults.Add(new Fault(r => r.Method == "GET", 200, "[]", Delay: TimeSpan.FromSeconds(3)));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await bed.SyncAsync(tracker);

        Assert.Equal("PM0709", Assert.Single(report.Diagnostics).Code);
        Assert.Contains("0.3 s", report.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Equal(0, bed.Links());
    }

    [Fact]
    public async Task A_server_message_that_echoes_the_token_is_redacted()
    {
        bed.Postmortems(files: 1, actionsEach: 1);
        using var tracker = bed.GitHub(github);
        github.Faults.Add(new Fault(r => r.Method == "GET", 403, $$"""{"message":"token {{FakeGitHub.Token}} lacks the issues scope"}"""));

        var report = await bed.SyncAsync(tracker);

        var error = Assert.Single(report.Diagnostics);
        Assert.Equal("PM0705", error.Code);
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHub.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pagination_link_to_another_host_is_not_followed()
    {
        using var tracker = bed.GitHub(github);
        github.Faults.Add(new Fault(r => r.Method == "GET", 200, "[]", Headers: ("Link", "<https://evil.example/steal?page=2>; rel=\"next\"")));

        var listed = await tracker.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("PM0710", Assert.Single(listed.Diagnostics).Code);
        Assert.Single(github.Requests);
    }

    private List<string> Contents() => [.. bed.Files().Select(File.ReadAllText)];
}
