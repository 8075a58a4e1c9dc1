using System.Globalization;
using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Rendering;

/// <summary>
/// The sentences an incident document states about its analysis (duration, key timestamps, gaps, silent stretches,
/// follow-up), in words shared by every document format; each format passes its own escaping of input text.
/// </summary>
internal static class IncidentProse
{
    /// <summary>The gaps the document lists (seed step 2), in order.</summary>
    private static readonly string[] ListedGaps = ["detection-to-escalation", "escalation-to-mitigation", "detection-to-communication", "first-report-to-communication"];

    /// <summary>"1 minute", "85 minutes".</summary>
    public static string Minutes(long minutes) =>
        minutes.ToString(CultureInfo.InvariantCulture) + (Math.Abs(minutes) == 1 ? " minute" : " minutes");

    /// <summary>"85 minutes (07:22 ET — 08:47 ET, user-facing)", or why it is unknown.</summary>
    public static string Duration(AnalyzedPostmortem pm, TimeFormat f, string? note)
    {
        if (pm.DurationMinutes is not { } minutes || pm.Keys.ImpactStart is not { } start || pm.Keys.Resolution is not { } end)
        {
            return "unknown (" + (pm.Keys.ImpactStart is null ? "impact start" : "resolution") + " not in the timeline)";
        }

        var span = $"{f.Local(start.Time)} — {f.Local(end.Time)}";
        return $"{Minutes(minutes)} ({span}{(note is null ? string.Empty : ", " + note)})";
    }

    /// <summary>"SEV-1 — Critical": the level and the label the team's scale gives it.</summary>
    public static string Severity(SeverityAssessment s, Func<string, string> text) => s.Label.Length > 0 ? $"{s.Level} — {text(s.Label)}" : s.Level.ToString();

    /// <summary>The key timestamps as (name, sentence) pairs: detection, escalation, mitigation, resolution, communication.</summary>
    public static IReadOnlyList<(string Name, string Text)> KeyTimestamps(AnalyzedPostmortem pm, TimeFormat f, Func<string, string> text)
    {
        var k = pm.Keys;
        var detection = "unknown — no alert, page, internal observation or customer report in the timeline";
        if (k.Detection is { } det)
        {
            detection = $"{f.Key(det.Time)} ({k.DetectionMethod}: {text(det.Event.Text)})";
            if (k.FirstCustomerReport is { } report && report.Time < det.Time)
            {
                detection += $" — {Minutes(KeyTimestampAnalyzer.Minutes(report, det)!.Value)} after the first customer report at {f.Key(report.Time)}";
            }
        }

        return
        [
            ("Detection", detection),
            ("Escalation", Key(k.Escalation, f, k.Detection, "detection", "no escalation in the timeline", text)),
            ("Mitigation", Key(k.Mitigation, f, null, null, "no mitigation in the timeline", text)),
            ("Resolution", Key(k.Resolution, f, null, null, "no resolution in the timeline", text)),
            ("Communication", Key(k.Communication, f, k.FirstCustomerReport ?? k.Detection,
                k.FirstCustomerReport is null ? "detection" : "the first customer report", "no customer or stakeholder update in the timeline", text)),
        ];
    }

    /// <summary>
    /// Impact start and the duration of impact, for the <c>timeline</c> command, which has no header to carry them
    /// (the draft shows them as its Date and Duration lines).
    /// </summary>
    public static IReadOnlyList<(string Name, string Text)> Impact(AnalyzedPostmortem pm, TimeFormat f, Func<string, string> text) =>
    [
        ("Impact start", Key(pm.Keys.ImpactStart, f, null, null, "no impact or customer report in the timeline", text)),
        ("Duration of impact", Duration(pm, f, null)),
    ];

    /// <summary>The gaps to investigate as (label, "20 minutes" or "unknown") pairs.</summary>
    public static IEnumerable<(string Label, string Text)> Gaps(AnalyzedPostmortem pm) =>
        pm.Gaps.Where(g => ListedGaps.Contains(g.Name) && !(g.Name == "first-report-to-communication" && g.From is null))
            .Select(g => (g.Label, g.Minutes is { } m ? Minutes(m) : "unknown"));

    /// <summary>Where a silent stretch starts: the end of the event before it when that is a range.</summary>
    public static NodaTime.Instant SilenceStart(SilentStretch silence) =>
        silence.Before.EndTime is { } e && e > silence.Before.Time ? e : silence.Before.Time;

    /// <summary>"12:33–12:51 (07:33–07:51 ET), 18 minutes with no recorded event between "…" and "…"".</summary>
    public static string Silence(SilentStretch silence, TimeFormat f, Func<string, string> text) =>
        $"{f.Cell(SilenceStart(silence), silence.After.Time)}, {Minutes(silence.Minutes)} with no recorded event between \"{text(silence.Before.Text)}\" and \"{text(silence.After.Text)}\"";

    /// <summary>What the timeline says happened in an assessment phase, when the file does not say.</summary>
    public static string Observed(string phase, AnalyzedPostmortem pm, TimeFormat f)
    {
        var k = pm.Keys;
        KeyTimestamp? key = phase switch
        {
            "detection" => k.Detection,
            "communication" => k.Communication,
            "mitigation" => k.Mitigation,
            "resolution" => k.Resolution,
            _ => null,
        };
        if (phase == "triage")
        {
            return "to discuss";
        }

        return key is null ? $"No {phase} event in the timeline" : $"{f.Local(key.Time)}: {key.Event.Text}";
    }

    /// <summary>The follow-up schedule as (name, text) pairs.</summary>
    public static IReadOnlyList<(string Name, string Text)> FollowUp(FollowUpSchedule followUp) =>
    [
        ("Action item review", followUp.ActionReview is { } review ? $"{TimeFormat.LongDate(review)} (postmortem date + {FollowUpSchedule.ReviewAfterDays} days)" : "unknown (postmortem date not given)"),
        ("Retro check-in", followUp.RetroCheckIn is { } retro ? $"{TimeFormat.LongDate(retro)} ({followUp.RetroRule})" : followUp.RetroRule),
    ];

    /// <summary>The event's source, and the sources of the records merged into it: "Notes + PagerDuty".</summary>
    public static string? Sources(TimelineEvent e) =>
        e.AlsoSeenBy.Count == 0 ? e.Source : string.Join(" + ", e.AlsoSeenBy.Prepend(e.Source ?? "Notes").Distinct(StringComparer.Ordinal));

    private static string Key(KeyTimestamp? key, TimeFormat f, KeyTimestamp? since, string? sinceName, string unknown, Func<string, string> text)
    {
        if (key is null)
        {
            return "unknown — " + unknown;
        }

        var line = $"{f.Key(key.Time)} ({text(key.Event.Text)})";
        if (since is not null && sinceName is not null && KeyTimestampAnalyzer.Minutes(since, key) is { } m)
        {
            line += $" — {Minutes(m)} after {sinceName}";
        }

        return line;
    }
}
