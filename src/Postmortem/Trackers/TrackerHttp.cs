using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Postmortem.Diagnostics;

namespace Postmortem.Trackers;

/// <summary>How patient a tracker client is; the defaults suit the real services, tests shorten them.</summary>
public sealed record TrackerHttpOptions
{
    /// <summary>Longest wait for one attempt's answer.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (rate limits, 5xx and time-outs of reads).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First back-off delay; it doubles with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait a rate limit (Retry-After, x-ratelimit-reset) may ask for; beyond it the sync stops with PM0708.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Pause between two writes (GitHub asks for about a second between mutating requests).</summary>
    public TimeSpan WritePace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a just-created issue may take to appear in a search (Jira's search is eventually consistent).</summary>
    public TimeSpan SearchLag { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The HTTP handler (tests may wrap one); null for a new <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Receives one line per request and retry (method, path, status, time; never a header or token): <c>--verbose</c>.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>An answer with a success status.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body text.</param>
/// <param name="NextLink">The <c>Link: rel="next"</c> URL, when given.</param>
internal sealed record TrackerResponse(int Status, string Body, string? NextLink);

/// <summary>
/// One tracker's HTTP client: the token in one header, a time-out on every attempt, retries with exponential back-off and
/// jitter (Polly) for rate limits and, for reads, 5xx and time-outs; <c>Retry-After</c> and <c>x-ratelimit-reset</c>
/// honoured; writes paced. Every failure becomes a PM07xx diagnostic in which the token never appears.
/// </summary>
internal sealed class TrackerHttp : IDisposable
{
    private readonly HttpClient client;
    private readonly string tracker;
    private readonly string secret;
    private readonly TrackerHttpOptions options;
    private readonly ResiliencePipeline<HttpResponseMessage> reads;
    private readonly ResiliencePipeline<HttpResponseMessage> writes;
    private long nextWrite;

    public TrackerHttp(string tracker, Uri baseAddress, AuthenticationHeaderValue authorization, string secret, TrackerHttpOptions options, params (string Name, string Value)[] headers)
    {
        this.tracker = tracker;
        this.secret = secret;
        this.options = options;
        BaseAddress = baseAddress;

        // No automatic redirects: a redirect to another host must not carry the token, and the APIs used do not redirect.
        client = new HttpClient(options.Handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: options.Handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.Authorization = authorization;
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("postmortem-sync", "0.1"));
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        reads = Pipeline(idempotent: true);
        writes = Pipeline(idempotent: false);
    }

    /// <summary>The API root every request path is relative to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Sends one request; a success answer, or a diagnostic.</summary>
    /// <param name="method">GET, POST, PATCH.</param>
    /// <param name="target">A path under <see cref="BaseAddress"/>, or an absolute URL on its host (a pagination link).</param>
    /// <param name="json">The JSON body, when any.</param>
    /// <param name="cancellation">Stops waiting.</param>
    /// <param name="read">True for a POST that only reads (Jira's search): retried like a GET, not paced.</param>
    public async Task<Result<TrackerResponse>> SendAsync(HttpMethod method, string target, string? json, CancellationToken cancellation, bool read = false)
    {
        var uri = Resolve(target);
        var request = $"{method} {uri.AbsolutePath}";
        if (!SameOrigin(uri))
        {
            return Fail(DiagnosticCatalog.TrackerBadResponse(tracker, request, "a link to another host was not followed"));
        }

        var idempotent = read || method == HttpMethod.Get;
        if (!idempotent)
        {
            await PaceAsync(cancellation).ConfigureAwait(false);
        }

        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await (idempotent ? reads : writes).ExecuteAsync(
                async token =>
                {
                    using var message = new HttpRequestMessage(method, uri);
                    if (json is not null)
                    {
                        message.Content = new StringContent(json, Encoding.UTF8, "application/json");
                    }

                    return await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                cancellation).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return Fail(DiagnosticCatalog.TrackerUnavailable(tracker, request, $"no answer within {options.AttemptTimeout.TotalSeconds:0.#} s" + (idempotent ? $", {options.MaxRetries + 1} attempts" : " (a write is not repeated: the next sync finds what it made)")));
        }
        catch (HttpRequestException e)
        {
            return Fail(DiagnosticCatalog.TrackerUnavailable(tracker, request, Redact(e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString())));
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return Fail(DiagnosticCatalog.TrackerUnavailable(tracker, request, "the connection was dropped"));
        }

        using (response)
        {
            if (!idempotent)
            {
                nextWrite = Stopwatch.GetTimestamp() + (long)(options.WritePace.TotalSeconds * Stopwatch.Frequency);
            }

            var status = (int)response.StatusCode;
            options.Log?.Invoke($"{tracker}: {request} -> {status} ({watch.ElapsedMilliseconds} ms)");
            var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            if (status is >= 200 and < 300)
            {
                var next = response.Headers.TryGetValues("Link", out var links) ? NextLink(string.Join(",", links)) : null;
                return new(new TrackerResponse(status, body, next), []);
            }

            return Fail(Failure(request, response, status, body));
        }
    }

    /// <summary>Reads a success answer as <typeparamref name="T"/>; PM0710 when it is not that JSON.</summary>
    public Result<T> Parse<T>(TrackerResponse response, JsonTypeInfo<T> type, string request)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) is { } value
                ? new(value, [])
                : Fail<T>(DiagnosticCatalog.TrackerBadResponse(tracker, request, "the body is empty (null)"));
        }
        catch (JsonException e)
        {
            return Fail<T>(DiagnosticCatalog.TrackerBadResponse(tracker, request, $"malformed JSON ({Redact(e.Message.Split('.')[0])})"));
        }
    }

    /// <summary>Removes the token from text that came from outside (a server's message, an exception's).</summary>
    public string Redact(string text) => secret.Length < 4 ? text : text.Replace(secret, "***", StringComparison.Ordinal);

    public void Dispose() => client.Dispose();

    internal static Result<T> Fail<T>(Diagnostic diagnostic)
        where T : class => new(null, [diagnostic]);

    private static Result<TrackerResponse> Fail(Diagnostic diagnostic) => Fail<TrackerResponse>(diagnostic);

    private Uri Resolve(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute
            : new Uri(BaseAddress.AbsoluteUri.TrimEnd('/') + "/" + target.TrimStart('/'));

    private bool SameOrigin(Uri uri) =>
        uri.Scheme == BaseAddress.Scheme && string.Equals(uri.Host, BaseAddress.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == BaseAddress.Port;

    private async Task PaceAsync(CancellationToken cancellation)
    {
        var wait = nextWrite - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellation).ConfigureAwait(false);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Pipeline(bool idempotent) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxWait,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, idempotent)),

                // The server's own wait (Retry-After, x-ratelimit-reset) when it gives one, else the exponential back-off.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r && ServerWait(r) is { } wait ? wait + Jitter() : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?";
                    options.Log?.Invoke($"{tracker}: retry {args.AttemptNumber + 1} after {args.RetryDelay.TotalSeconds:0.##} s ({why})");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private static TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent)
    {
        if (outcome.Exception is not null)
        {
            // A write that timed out may have been made: it is not repeated (the next sync finds it by its marker).
            return idempotent && outcome.Exception is TimeoutRejectedException or HttpRequestException;
        }

        var response = outcome.Result!;
        if (IsRateLimit(response))
        {
            return (ServerWait(response) ?? TimeSpan.Zero) <= options.MaxWait;
        }

        return idempotent && (int)response.StatusCode is 500 or 502 or 503 or 504;
    }

    // 429, or GitHub's 403 for a primary (x-ratelimit-remaining: 0) or secondary (Retry-After) rate limit.
    private static bool IsRateLimit(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.Forbidden && (response.Headers.RetryAfter is not null || Header(response, "x-ratelimit-remaining") == "0"));

    private static TimeSpan? ServerWait(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } after)
        {
            return after.Delta ?? (after.Date is { } date ? Max(date - DateTimeOffset.UtcNow) : null);
        }

        if (Header(response, "x-ratelimit-remaining") == "0" && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            return Max(DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(reset, 0, 253402300799)) - DateTimeOffset.UtcNow);
        }

        return null;

        static TimeSpan Max(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private Diagnostic Failure(string request, HttpResponseMessage response, int status, string body)
    {
        var detail = ServerMessage(body);
        if (IsRateLimit(response))
        {
            var wait = ServerWait(response);
            return DiagnosticCatalog.TrackerRateLimited(tracker, request,
                wait is { } w ? $"after {DateTimeOffset.UtcNow.Add(w):yyyy-MM-dd HH:mm:ss} UTC (asked to wait {w.TotalSeconds:0} s)" : "later");
        }

        return status switch
        {
            401 => DiagnosticCatalog.TrackerUnauthorized(tracker, request),
            403 => DiagnosticCatalog.TrackerForbidden(tracker, request, detail),
            404 or 410 => DiagnosticCatalog.TrackerNotFound(tracker, request, status),
            >= 500 => DiagnosticCatalog.TrackerUnavailable(tracker, request, $"{status} {response.ReasonPhrase}".TrimEnd() + (request.StartsWith("GET", StringComparison.Ordinal) || request.EndsWith("/search/jql", StringComparison.Ordinal) ? $" after {options.MaxRetries + 1} attempts" : string.Empty)),
            _ => DiagnosticCatalog.TrackerRejected(tracker, request, status, detail),
        };
    }

    // GitHub: {"message": …, "errors": [{"field", "code", "message"}]}; Jira: {"errorMessages": […], "errors": {"field": "text"}}.
    private string ServerMessage(string body)
    {
        var parts = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                parts.Add(message.GetString()!);
            }

            if (root.TryGetProperty("errorMessages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
            }

            if (root.TryGetProperty("errors", out var errors))
            {
                if (errors.ValueKind == JsonValueKind.Object)
                {
                    parts.AddRange(errors.EnumerateObject().Select(e => $"{e.Name}: {e.Value}"));
                }
                else if (errors.ValueKind == JsonValueKind.Array)
                {
                    parts.AddRange(errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e =>
                        string.Join(" ", new[] { "field", "code", "message" }.Select(k => e.TryGetProperty(k, out var v) ? v.ToString() : null).OfType<string>())));
                }
            }
        }
        catch (JsonException)
        {
            return string.Empty;
        }

        var text = Redact(string.Join("; ", parts.Where(p => p.Length > 0)));
        return text.Length == 0 ? string.Empty : ": " + (text.Length > 300 ? text[..300] + "…" : text);
    }

    private static string? NextLink(string header)
    {
        // <https://api.github.com/repositories/1/issues?page=2>; rel="next", <…>; rel="last"
        foreach (var part in header.Split(','))
        {
            var pieces = part.Split(';');
            if (pieces.Length > 1 && pieces.Skip(1).Any(p => p.Trim() is "rel=\"next\"" or "rel=next"))
            {
                var url = pieces[0].Trim();
                return url.StartsWith('<') && url.EndsWith('>') ? url[1..^1] : null;
            }
        }

        return null;
    }
}
