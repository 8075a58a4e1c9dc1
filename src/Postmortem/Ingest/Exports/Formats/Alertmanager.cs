using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// Prometheus Alertmanager webhook payloads (version 4), one payload or an array of them. Each alert
/// gives an alert event at <c>startsAt</c>, and a recovery at <c>endsAt</c> only when it is resolved
/// (a firing alert's <c>endsAt</c> is Go's zero time or an expiry in the future, not an event).
/// </summary>
public sealed class Alertmanager : JsonFormat
{
    private const int Status = 0, AlertName = 1, Severity = 2, Summary = 3, Description = 4, Message = 5, Starts = 6, Ends = 7, GroupStatus = 8, Instance = 9;

    public override string Name => "alertmanager-webhook";

    public override string Source => "Alertmanager";

    public override FieldSet Fields { get; } = new(
        "alerts[].status", "alerts[].labels.alertname", "alerts[].labels.severity", "alerts[].annotations.summary", "alerts[].annotations.description",
        "alerts[].annotations.message", "alerts[].startsAt", "alerts[].endsAt", "status", "alerts[].labels.instance");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("alerts", "startsAt") && (shape.Has("receiver") || shape.Has("version") || shape.Has("groupLabels"))
            ? shape.Root == System.Text.Json.JsonTokenType.StartArray ? RecordPath.RootArray : RecordPath.Root
            : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        foreach (var i in r.ItemsOf(Starts))
        {
            var name = r.String(AlertName, i) ?? "alert";
            var what = r.String(Summary, i) ?? r.String(Message, i) ?? FirstLine(r.String(Description, i));
            var status = r.String(Status, i) ?? r.String(GroupStatus) ?? "firing";
            var where = r.String(Instance, i);
            AddAt(r, sink, Starts, () => Join(": ", $"{name} firing" + (r.String(Severity, i) is { } sev ? $" ({sev})" : string.Empty) + (where is null ? string.Empty : $" on {where}"), what),
                EventKind.Alert, "alertmanager startsAt", "Alertmanager", $"{name} {status} startsAt {Written(r, Starts, i)}", i);
            if (status == "resolved" && Time(r, Ends, out _, i))
            {
                AddAt(r, sink, Ends, () => Join(": ", $"{name} resolved", what), EventKind.Mitigation, "alertmanager resolved endsAt", "Alertmanager",
                    $"{name} resolved endsAt {Written(r, Ends, i)}", i);
            }
        }
    }
}
