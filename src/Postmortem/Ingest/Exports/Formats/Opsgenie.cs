using NodaTime;
using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>Opsgenie alert logs (<c>GET /v2/alerts/{id}/logs</c>).</summary>
internal sealed class OpsgenieLogs : JsonFormat
{
    private const int Log = 0, Type = 1, Owner = 2, Created = 3;

    public override string Name => "opsgenie-alert-logs";

    public override string Source => "Opsgenie";

    public override FieldSet Fields { get; } = new("log", "type", "owner", "createdAt");

    public override RecordPath? Match(JsonShape shape) => shape.Has("data", "log") && shape.Has("data", "createdAt") ? RecordPath.ItemsOf("data") : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var log = r.String(Log) ?? string.Empty;
        AddAt(r, sink, Created, () => log, KindOf(log), "opsgenie log", r.String(Owner), $"{r.String(Type)} {Written(r, Created)}: {log}", unit: EpochUnit.Milliseconds);
    }

    /// <summary>The kind of a log line, from the words Opsgenie writes ("Alert acknowledged via web").</summary>
    public static EventKind? KindOf(string log)
    {
        var l = log.ToLowerInvariant();
        return l.Contains("acknowledged", StringComparison.Ordinal) && !l.Contains("unacknowledged", StringComparison.Ordinal) ? EventKind.Page
            : l.Contains("closed", StringComparison.Ordinal) ? EventKind.Resolution
            : l.Contains("escalat", StringComparison.Ordinal) ? EventKind.Escalation
            : l.Contains("created", StringComparison.Ordinal) ? EventKind.Alert
            : EventKind.Other;
    }
}

/// <summary>Opsgenie alerts (<c>GET /v2/alerts</c>, <c>GET /v2/alerts/{id}</c>): creation, and acknowledgement and close from <c>report</c>.</summary>
internal sealed class OpsgenieAlerts : JsonFormat
{
    private static readonly long LatestSeconds = DateRange.Max.PlusDays(1).AtMidnight().InUtc().ToInstant().ToUnixTimeSeconds();

    private const int Created = 0, Message = 1, TinyId = 2, AckTime = 3, CloseTime = 4, AckBy = 5, ClosedBy = 6, AlertSource = 7, Priority = 8;

    public override string Name => "opsgenie-alerts";

    public override string Source => "Opsgenie";

    public override FieldSet Fields { get; } = new("createdAt", "message", "tinyId", "report.ackTime", "report.closeTime", "report.acknowledgedBy", "report.closedBy", "source", "priority");

    public override RecordPath? Match(JsonShape shape) => shape.Has("data", "tinyId") && shape.Has("data", "createdAt") ? RecordPath.ItemsOf("data") : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        if (!Time(r, Created, out var created, unit: EpochUnit.Milliseconds))
        {
            NoTime(r, sink, Created, "alert", unit: EpochUnit.Milliseconds);
            return;
        }

        var name = $"Opsgenie alert #{r.String(TinyId)}";
        var message = r.String(Message);
        if (sink.Accept(created))
        {
            sink.Add(created, Written(r, Created), Join(" ", $"{name} ({r.String(Priority)}) created:", message), EventKind.Alert, "opsgenie alert createdAt",
                r.String(AlertSource), r.Line, r.Column, $"createdAt {Written(r, Created)}: {message}");
        }

        // report.ackTime and report.closeTime are milliseconds after creation.
        Later(r, sink, created, AckTime, AckBy, $"{name} acknowledged", EventKind.Page, "opsgenie alert report.ackTime");
        Later(r, sink, created, CloseTime, ClosedBy, $"{name} closed", EventKind.Resolution, "opsgenie alert report.closeTime");
    }

    private static void Later(JsonRecord r, ExportSink sink, ExportInstant created, int field, int by, string text, EventKind kind, string rule)
    {
        if (!long.TryParse(r.Utf8(field), out var ms) || ms < 0)
        {
            return;
        }

        // A huge offset would take the sum past the dates the tool computes with (and past NodaTime's range).
        if (ms / 1000 >= LatestSeconds - created.Instant.ToUnixTimeSeconds())
        {
            sink.Diagnostics.Add(Diagnostics.DiagnosticCatalog.ExportTimeOutOfRange(sink.File, r.Line, r.Column, $"{Written(r, Created)} + {ms} ms", "read as milliseconds after creation falls"
                + $" in year {1970 + ((created.Instant.ToUnixTimeSeconds() + (ms / 1000)) / 31_556_952):N0}"));
            return;
        }

        var at = new ExportInstant(created.Instant.Plus(Duration.FromMilliseconds(ms)), created.Zone);
        if (sink.Accept(at))
        {
            var written = $"{Written(r, Created)} + {ms} ms";
            sink.Add(at, written, text, kind, rule, r.String(by), r.Line, r.Column, $"{rule.Split(' ')[^1]} {ms}");
        }
    }
}

/// <summary>Opsgenie outgoing webhook payloads (<c>action</c> + <c>alert</c>); epochs in ms or ns, as numbers or strings.</summary>
internal sealed class OpsgenieWebhook : JsonFormat
{
    private const int Action = 0, Created = 1, Updated = 2, Message = 3, TinyId = 4, User = 5, AlertSource = 6;

    public override string Name => "opsgenie-webhook";

    public override string Source => "Opsgenie";

    public override FieldSet Fields { get; } = new("action", "alert.createdAt", "alert.updatedAt", "alert.message", "alert.tinyId", "alert.username", "alert.source");

    public override RecordPath? Match(JsonShape shape) => shape.Has("action") && shape.Has("alert", "alertId") ? RecordPath.Root : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var action = r.String(Action) ?? "Unknown";
        var message = r.String(Message);
        var field = action == "Create" || !r.Has(Updated) ? Created : Updated;
        var (kind, verb) = action switch
        {
            "Create" => (EventKind.Alert, "created"),
            "Acknowledge" => (EventKind.Page, "acknowledged"),
            "Close" => (EventKind.Resolution, "closed"),
            "Escalate" or "AddResponder" or "AddTeam" => (EventKind.Escalation, action.ToLowerInvariant()),
            "Assign" or "TakeOwnership" => (EventKind.Page, action.ToLowerInvariant()),
            _ => (EventKind.Other, action),
        };
        var actor = action == "Create" ? r.String(AlertSource) ?? r.String(User) : r.String(User);
        AddAt(r, sink, field, () => Join(": ", $"Opsgenie alert #{r.String(TinyId)} {verb}", message), kind, "opsgenie webhook " + action, actor, $"{action} {Written(r, field)}: {message}",
            unit: field == Updated ? EpochUnit.Nanoseconds : EpochUnit.Milliseconds);
    }
}
