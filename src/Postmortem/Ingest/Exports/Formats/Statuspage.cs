using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>
/// Atlassian Statuspage incidents (<c>/api/v2/incidents.json</c>, one incident) with their updates.
/// Every update is a communication, placed at <c>display_at</c> — the time readers saw — falling back to <c>created_at</c>.
/// </summary>
public sealed class Statuspage : JsonFormat
{
    private const int Title = 0, Status = 1, Body = 2, Created = 3, Display = 4, Impact = 5;

    public override string Name => "statuspage-incidents";

    public override string Source => "Status page";

    public override FieldSet Fields { get; } = new("name", "incident_updates[].status", "incident_updates[].body", "incident_updates[].created_at", "incident_updates[].display_at", "impact");

    public override RecordPath? Match(JsonShape shape) =>
        shape.Has("incidents", "incident_updates") ? RecordPath.ItemsOf("incidents")
        : shape.Has("incident", "incident_updates") ? RecordPath.Single("incident")
        : null;

    public override void Map(JsonRecord r, ExportSink sink)
    {
        var incident = r.String(Title);
        foreach (var i in r.ItemsOf(Created))
        {
            var field = Time(r, Display, out _, i) ? Display : Created;
            var status = r.String(Status, i) ?? "update";
            AddAt(r, sink, field, () => Join(": ", $"Status page {status}", Join(" — ", incident, FirstLine(r.String(Body, i), 300))), EventKind.Communication,
                "statuspage update " + status, "Status page", $"{status} {(field == Display ? "display_at" : "created_at")} {Written(r, field, i)}: {FirstLine(r.String(Body, i), 300)}", i);
        }
    }
}
