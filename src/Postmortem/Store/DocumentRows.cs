using NodaTime.Text;
using Postmortem.Analysis;
using Postmortem.Diagnostics;

namespace Postmortem.Store;

/// <summary>What one file puts in the store: the document's row and its actions, factors and diagnostics (parameter values in column order).</summary>
internal sealed record DocumentRows(string Path, FileStamp Stamp, object?[] Document, List<object?[]> Actions, List<object?[]> Factors, List<object?[]> Diagnostics)
{
    /// <summary>The owning team (schema 3).</summary>
    public string? Team { get; init; }

    /// <summary>The services affected, one row each (schema 3).</summary>
    public List<object?[]> Services { get; init; } = [];

    public static DocumentRows Of(string path, FileStamp stamp, string hash, string inputs, IndexedRead result)
    {
        var pm = result.Postmortem;
        var d = pm?.Document;
        var k = pm?.Keys;
        object?[] document =
        [
            path, hash, inputs, d?.Id, d?.Type.ToString().ToLowerInvariant(), d?.Title, IncidentDate(pm), pm?.Severity?.Level ?? d?.Severity,
            Time(k?.ImpactStart), Time(k?.Detection), Time(k?.Escalation), Time(k?.Mitigation), Time(k?.Resolution), Time(k?.Communication),
            pm?.DurationMinutes, result.Diagnostics.Count(x => x.Severity == DiagnosticSeverity.Error),
        ];

        var seq = 0;
        var actions = new List<object?[]>();
        foreach (var a in d?.Actions ?? [])
        {
            actions.Add([path, seq++, a.Id, a.Action, a.Type?.ToString().ToLowerInvariant(), a.Owner, a.Due is { } due ? LocalDatePattern.Iso.Format(due) : null, a.Status, Model.ActionStatus.Of(a.Status), a.Line, a.Note, a.Tracker, null]);
        }

        seq = 0;
        var factors = new List<object?[]>();
        foreach (var f in d?.Factors ?? [])
        {
            factors.Add([path, seq++, f.Id, f.Category, f.Text]);
        }

        seq = 0;
        var diagnostics = new List<object?[]>();
        foreach (var x in result.Diagnostics)
        {
            diagnostics.Add([path, seq++, x.Code, Diagnostic.SeverityWord(x.Severity), x.Line, x.Column, x.Message]);
        }

        seq = 0;
        var services = new List<object?[]>();
        foreach (var service in d?.Services ?? [])
        {
            services.Add([path, seq++, service]);
        }

        return new DocumentRows(path, stamp, document, actions, factors, diagnostics) { Team = d?.Team.Name, Services = services };
    }

    private static string? Time(KeyTimestamp? key) => key is null ? null : InstantPattern.General.Format(key.Time);

    private static string? IncidentDate(AnalyzedPostmortem? pm) => pm?.IncidentDate is { } value ? LocalDatePattern.Iso.Format(value) : null;
}
