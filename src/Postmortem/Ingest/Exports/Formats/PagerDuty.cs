using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>PagerDuty REST log entries (<c>GET /incidents/{id}/log_entries</c>, <c>/log_entries</c>).</summary>
internal sealed class PagerDutyLogEntries : JsonFormat
{
    private const int Type = 0, Created = 1, Summary = 2, Agent = 3, Incident = 4, Note = 5, ChannelSummary = 6;

    public override string Name => "pagerduty-log-entries";

    public override string Source => "PagerDuty";

    public override FieldSet Fields { get; } = new("type", "created_at", "summary", "agent.summary", "incident.summary", "note", "channel.summary");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("log_entries") ? RecordPath.ItemsOf("log_entries") : shape.Has("log_entry") ? RecordPath.Single("log_entry") : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        if (!Time(r, Created, out var time))
        {
            sink.NoTime(r.Line, r.Column, "log entry");
            return;
        }

        if (!sink.Accept(time))
        {
            return;
        }

        var type = r.String(Type) ?? "log_entry";
        var summary = r.String(Summary) ?? type;
        var kind = KindOf(type);
        var text = type switch
        {
            "trigger_log_entry" => Join(": ", summary, r.String(Incident)),
            "annotate_log_entry" => Join(": ", summary, r.String(Note) ?? r.String(ChannelSummary)),
            "resolve_log_entry" when r.String(Note) is { Length: > 0 } note => $"{summary} (note: {note})",
            _ => summary,
        };
        sink.Add(time, Written(r, Created), text, kind, "pagerduty " + type, r.String(Agent), r.Line, r.Column, $"{type} {Written(r, Created)}: {summary}");
    }

    /// <summary>The event kind of a log entry type (docs/exports.md).</summary>
    public static EventKind KindOf(string type) => type switch
    {
        "trigger_log_entry" => EventKind.Alert,
        "notify_log_entry" or "acknowledge_log_entry" or "assign_log_entry" => EventKind.Page,
        "escalate_log_entry" or "delegate_log_entry" => EventKind.Escalation,
        "resolve_log_entry" => EventKind.Resolution,
        _ => EventKind.Other,
    };
}

/// <summary>PagerDuty REST incidents (<c>GET /incidents</c>, <c>GET /incidents/{id}</c>).</summary>
internal sealed class PagerDutyIncidents : JsonFormat
{
    private const int Created = 0, Resolved = 1, Title = 2, Number = 3, Status = 4, Changed = 5, ChangedBy = 6, Service = 7;

    public override string Name => "pagerduty-incidents";

    public override string Source => "PagerDuty";

    public override FieldSet Fields { get; } = new("created_at", "resolved_at", "title", "incident_number", "status", "last_status_change_at", "last_status_change_by.summary", "service.summary");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("incidents", "incident_number") ? RecordPath.ItemsOf("incidents")
        : shape.Has("incident", "incident_number") ? RecordPath.Single("incident")
        : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var name = $"Incident #{r.String(Number)}";
        var title = r.String(Title);
        AddAt(r, sink, Created, () => Join(": ", $"{name} triggered", title), EventKind.Alert, "pagerduty incident created", r.String(Service), $"created_at {Written(r, Created)}: {title}");
        if (Time(r, Resolved, out _))
        {
            AddAt(r, sink, Resolved, () => $"{name} resolved", EventKind.Resolution, "pagerduty incident resolved_at", r.String(ChangedBy), $"resolved_at {Written(r, Resolved)}");
        }
        else if (r.Is(Status, "acknowledged"u8) && Time(r, Changed, out _))
        {
            AddAt(r, sink, Changed, () => $"{name} acknowledged", EventKind.Page, "pagerduty incident acknowledged", r.String(ChangedBy), $"last_status_change_at {Written(r, Changed)}");
        }
    }
}

/// <summary>PagerDuty webhooks: V2 (<c>messages[]</c> with <c>incident.*</c> events) and V3 (<c>event</c> with <c>event_type</c>).</summary>
internal sealed class PagerDutyWebhook : JsonFormat
{
    private const int V2Event = 0, V2Created = 1, V2Number = 2, V2Title = 3, V3Type = 4, V3At = 5, V3Title = 6, V3Number = 7, V3Agent = 8, V2Agent = 9;

    public override string Name => "pagerduty-webhook";

    public override string Source => "PagerDuty";

    public override FieldSet Fields { get; } = new(
        "messages[].event", "messages[].created_on", "messages[].incident.incident_number", "messages[].incident.title",
        "event.event_type", "event.occurred_at", "event.data.title", "event.data.number", "event.agent.summary",
        "messages[].incident.last_status_change_by.summary");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("messages", "event") && shape.Value("messages.event")?.StartsWith("incident.", StringComparison.Ordinal) != false && shape.Has("messages", "incident")
        || shape.Has("event", "event_type") && shape.Has("event", "occurred_at")
            ? RecordPath.Root
            : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        foreach (var i in r.ItemsOf(V2Event))
        {
            var type = r.String(V2Event, i) ?? "incident";
            var title = r.String(V2Title, i);
            AddAt(r, sink, V2Created, () => Join(": ", $"Incident #{r.String(V2Number, i)} {type["incident.".Length..]}", title), KindOf(type), "pagerduty webhook " + type,
                r.String(V2Agent, i), $"{type} {Written(r, V2Created, i)}: {title}", i);
        }

        if (r.Has(V3Type))
        {
            var type = r.String(V3Type) ?? "incident";
            var title = r.String(V3Title);
            AddAt(r, sink, V3At, () => Join(": ", $"Incident #{r.String(V3Number)} {type.Replace("incident.", string.Empty, StringComparison.Ordinal)}", title), KindOf(type),
                "pagerduty webhook " + type, r.String(V3Agent), $"{type} {Written(r, V3At)}: {title}");
        }
    }

    private static EventKind KindOf(string type) => type switch
    {
        "incident.trigger" or "incident.triggered" or "incident.reopened" => EventKind.Alert,
        "incident.acknowledge" or "incident.acknowledged" or "incident.assign" or "incident.reassigned" => EventKind.Page,
        "incident.escalate" or "incident.escalated" or "incident.delegate" or "incident.responder.added" => EventKind.Escalation,
        "incident.resolve" or "incident.resolved" => EventKind.Resolution,
        "incident.status_update_published" => EventKind.Communication,
        _ => EventKind.Other,
    };
}
