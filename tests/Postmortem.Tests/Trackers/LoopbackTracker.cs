using System.Collections.Concurrent;
using System.Text;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Postmortem.Tests.Trackers;

/// <summary>One request as the loopback tracker received it.</summary>
internal sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>An answer the server gives instead of (or, with <see cref="Process"/>, after) its own, to the first request it matches.</summary>
internal sealed record Fault(Func<Received, bool> When, int Status, string Body = "", TimeSpan Delay = default, bool Process = false, params (string Name, string Value)[] Headers);

/// <summary>
/// A WireMock.Net server on loopback that plays a tracker with state (issues made, closed, listed), checks every request
/// against the documented shape (violations collected, asserted empty by the tests), and injects faults on demand.
/// </summary>
internal abstract class LoopbackTracker : IDisposable
{
    private readonly WireMockServer server;

    protected LoopbackTracker()
    {
        server = WireMockServer.Start();
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public string Url => server.Urls[0];

    public ConcurrentQueue<Received> Requests { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public List<Fault> Faults { get; } = [];

    public int Writes => Requests.Count(r => r.Method != "GET" && !r.Path.EndsWith("/search/jql", StringComparison.Ordinal));

    public void Dispose() => server.Stop();

    protected void Violation(bool ok, string what)
    {
        if (!ok)
        {
            Violations.Enqueue(what);
        }
    }

    protected abstract (int Status, string Body, (string Name, string Value)[] Headers) Answer(Received request);

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var received = new Received(message.Method, message.AbsolutePath,
            message.Query?.ToDictionary(q => q.Key, q => q.Value.ToString() ?? string.Empty) ?? [],
            message.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase) ?? new Dictionary<string, string>(),
            message.Body ?? string.Empty);
        Requests.Enqueue(received);
        Fault? fault;
        lock (Faults)
        {
            fault = Faults.FirstOrDefault(f => f.When(received));
            if (fault is not null)
            {
                Faults.Remove(fault);
            }
        }

        (int Status, string Body, (string, string)[] Headers) answer;
        lock (this)
        {
            answer = fault is null || fault.Process ? Answer(received) : (fault.Status, fault.Body, fault.Headers);
        }

        if (fault is not null)
        {
            await Task.Delay(fault.Delay).ConfigureAwait(false);
        }

        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = answer.Body.Length == 0 ? null : new BodyData { BodyAsString = answer.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        foreach (var (name, value) in answer.Headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }
}
