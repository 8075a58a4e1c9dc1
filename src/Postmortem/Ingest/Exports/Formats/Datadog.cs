using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>Datadog events API v1 (<c>event</c> or <c>events[]</c> with <c>date_happened</c> in epoch seconds; ids from <c>id_str</c>).</summary>
internal sealed class DatadogEventsV1 : JsonFormat
{
    private const int Date = 0, Title = 1, Text = 2, AlertType = 3, IdStr = 4, SourceType = 5;

    public override string Name => "datadog-events-v1";

    public override string Source => "Datadog";

    public override FieldSet Fields { get; } = new("date_happened", "title", "text", "alert_type", "id_str", "source_type_name");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("events", "date_happened") ? RecordPath.ItemsOf("events") : shape.Has("event", "date_happened") ? RecordPath.Single("event") : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var title = r.String(Title);
        AddAt(r, sink, Date, () => Join(": ", title, FirstLine(r.String(Text))), DatadogKinds.Of(title, r.String(AlertType)), "datadog event " + (r.String(AlertType) ?? "event"),
            r.String(SourceType), $"event {r.String(IdStr)} date_happened {Written(r, Date)}: {title}", unit: EpochUnit.Seconds);
    }
}

/// <summary>Datadog events API v2 (<c>data[]</c> of <c>type: event</c>; ISO <c>attributes.timestamp</c>, or epoch ms inside).</summary>
internal sealed class DatadogEventsV2 : JsonFormat
{
    private const int Timestamp = 0, InnerTimestamp = 1, Title = 2, Message = 3, Status = 4, Id = 5;

    public override string Name => "datadog-events-v2";

    public override string Source => "Datadog";

    public override FieldSet Fields { get; } = new("attributes.timestamp", "attributes.attributes.timestamp", "attributes.attributes.title", "attributes.message", "attributes.attributes.status", "id");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("data", "attributes") && (shape.Value("data.type") is null or "event") && !shape.Has("data", "log") && !shape.Has("data", "tinyId")
            ? RecordPath.ItemsOf("data")
            : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var field = Time(r, Timestamp, out _) || r.Utf8(InnerTimestamp).IsEmpty ? Timestamp : InnerTimestamp;
        if (r.Utf8(field).IsEmpty)
        {
            return; // The intake's POST response carries only ids, no time: nothing to place on a timeline.
        }

        var title = r.String(Title);
        AddAt(r, sink, field, () => Join(": ", title, FirstLine(r.String(Message))), DatadogKinds.Of(title, r.String(Status)), "datadog event " + (r.String(Status) ?? "event"),
            null, $"event {r.String(Id)} {Written(r, field)}: {title}", unit: field == InnerTimestamp ? EpochUnit.Milliseconds : EpochUnit.BySize);
    }
}

/// <summary>Datadog webhook integration payloads (a team-defined template; epoch-ms strings in <c>date</c>/<c>last_updated</c>).</summary>
internal sealed class DatadogWebhook : JsonFormat
{
    private const int Date = 0, LastUpdated = 1, Title = 2, Body = 3, Message = 4, EventType = 5, Transition = 6, Id = 7;

    public override string Name => "datadog-webhook";

    public override string Source => "Datadog";

    public override FieldSet Fields { get; } = new("date", "last_updated", "title", "body", "message", "event_type", "alert_transition", "id");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Root == System.Text.Json.JsonTokenType.StartObject && shape.Has("event_type") && shape.Has("title") && (shape.Has("date") || shape.Has("last_updated"))
            ? RecordPath.Root
            : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var field = r.Has(Date) ? Date : LastUpdated;
        var title = r.String(Title);
        var transition = r.String(Transition);
        AddAt(r, sink, field, () => Join(": ", title, FirstLine(r.String(Body) ?? r.String(Message))), DatadogKinds.Of(transition is null ? title : $"[{transition}]", null),
            "datadog webhook " + (transition ?? r.String(EventType)), null, $"{r.String(EventType)} {r.String(Id)} {Written(r, field)}: {title}", unit: EpochUnit.Milliseconds);
    }
}

/// <summary>The kind of a Datadog event from its title prefix (<c>[Triggered]</c>, <c>[Recovered]</c>) or alert type.</summary>
internal static class DatadogKinds
{
    public static EventKind? Of(string? title, string? alertType)
    {
        var t = title ?? string.Empty;
        if (t.StartsWith("[Recovered", StringComparison.OrdinalIgnoreCase) || alertType is "success")
        {
            return EventKind.Mitigation;
        }

        if (t.StartsWith("[Triggered", StringComparison.OrdinalIgnoreCase) || t.StartsWith("[Warn", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("[Re-Triggered", StringComparison.OrdinalIgnoreCase) || alertType is "error" or "warning")
        {
            return EventKind.Alert;
        }

        return null; // Deploys, comments and other events: the lexicon reads the text.
    }
}
