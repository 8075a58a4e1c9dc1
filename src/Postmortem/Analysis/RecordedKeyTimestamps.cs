using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>Puts the key timestamps a Markdown record states (front matter <c>keys:</c>) in place of the computed ones.</summary>
internal static class RecordedKeyTimestamps
{
    /// <summary>The rule named for a key taken from the record.</summary>
    public const string Rule = "as recorded in the document (front matter 'keys')";

    /// <summary>
    /// <paramref name="computed"/> with each key <paramref name="recorded"/> states: its instant, at the timeline row
    /// there (the <see cref="RecordedKey.Ordinal"/>-th starting then, else the computed key's span when it ends then, else
    /// the first ending then), or none. A recorded instant
    /// no row has any more (the row was edited or removed) is reported (PM0601) and the computed key kept.
    /// </summary>
    public static (KeyTimestamps Keys, IReadOnlyList<Diagnostic> Diagnostics) Apply(KeyTimestamps computed, RecordedKeys? recorded, IReadOnlyList<TimelineEvent> timeline, string file)
    {
        if (recorded is null)
        {
            return (computed, []);
        }

        var diagnostics = new List<Diagnostic>();
        KeyTimestamp? Pick(string name, RecordedKey? key, KeyTimestamp? fallback)
        {
            if (key is null)
            {
                return fallback;
            }

            if (key.Time is not { } time)
            {
                return null;
            }

            // Several written spans can end at the recorded instant; the record names only the instant, so the span the
            // analysis itself ends on is the one meant (rendering and reading back give the same key).
            var row = timeline.Where(e => e.Time == time).Skip(Math.Max(0, key.Ordinal - 1)).FirstOrDefault()
                ?? (fallback is { } computedKey && computedKey.Time == time && computedKey.Event.EndTime == time ? computedKey.Event : null)
                ?? timeline.FirstOrDefault(e => e.EndTime == time);
            if (row is null)
            {
                diagnostics.Add(DiagnosticCatalog.RecordedKeyNotInTimeline(file, key.Line, key.Column, name, time.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", null)));
                return fallback;
            }

            return fallback is not null && fallback.Time == time && ReferenceEquals(fallback.Event, row) ? fallback : new KeyTimestamp(time, Rule, row);
        }

        var keys = new KeyTimestamps
        {
            ImpactStart = Pick("impactStart", recorded.ImpactStart, computed.ImpactStart),
            Detection = Pick("detection", recorded.Detection, computed.Detection),
            FirstCustomerReport = Pick("firstCustomerReport", recorded.FirstCustomerReport, computed.FirstCustomerReport),
            Escalation = Pick("escalation", recorded.Escalation, computed.Escalation),
            Mitigation = Pick("mitigation", recorded.Mitigation, computed.Mitigation),
            Resolution = Pick("resolution", recorded.Resolution, computed.Resolution),
            Communication = Pick("communication", recorded.Communication, computed.Communication),
        };
        var method = recorded.Detection is null ? computed.DetectionMethod : recorded.DetectionMethod ?? computed.DetectionMethod;
        return (keys with { DetectionMethod = keys.Detection is null ? null : method }, diagnostics);
    }

    /// <summary>Which row at its instant <paramref name="key"/>'s event is (1 = the first), for writing it back.</summary>
    public static int Ordinal(KeyTimestamp key, IReadOnlyList<TimelineEvent> timeline)
    {
        var ordinal = 0;
        foreach (var e in timeline)
        {
            if (e.Time == key.Event.Time)
            {
                ordinal++;
                if (ReferenceEquals(e, key.Event))
                {
                    return ordinal;
                }
            }
        }

        return 1;
    }

    /// <summary>True when <paramref name="key"/> points at the instant its event starts (not the end of a written span).</summary>
    public static bool AtStart(KeyTimestamp key) => key.Time == key.Event.Time;

    /// <summary>ISO 8601 UTC to the second (or finer when the instant has it).</summary>
    public static string Format(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}
