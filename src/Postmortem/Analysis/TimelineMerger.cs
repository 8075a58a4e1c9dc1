using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;
using Postmortem.Ingest.Notes;
using NodaTime.Text;

namespace Postmortem.Analysis;

/// <summary>
/// Merges a timeline read from several inputs: the same moment recorded by two inputs (same kind,
/// within the tolerance) becomes one event that cites both; the same event recorded at clearly
/// different times by two inputs is reported.
/// </summary>
/// <remarks>
/// Events of kind <see cref="EventKind.Other"/> never merge (two unrelated chat lines in one minute are
/// not one event), and events of one input never merge with each other (a PagerDuty log that notifies
/// two people in one second means two notifications; two day files of one Slack export are one input). The kept event is the earliest; the others are
/// listed in <see cref="TimelineEvent.AlsoSeenIn"/>.
/// </remarks>
public static class TimelineMerger
{
    /// <summary>Default tolerance: two minutes.</summary>
    public static Duration DefaultTolerance { get; } = Duration.FromMinutes(2);

    /// <summary>Two records of the same tool's event further apart than the tolerance but within this are a conflict.</summary>
    public static Duration ConflictHorizon { get; } = Duration.FromMinutes(30);

    /// <summary>Merges <paramref name="sorted"/> (sorted by time); returns the merged timeline and conflict diagnostics.</summary>
    public static (IReadOnlyList<TimelineEvent> Timeline, IReadOnlyList<Diagnostic> Diagnostics) Merge(IReadOnlyList<TimelineEvent> sorted, Duration tolerance, DateTimeZone displayZone)
    {
        if (sorted.Select(e => e.Provenance.Input).Distinct().Count() < 2)
        {
            return (sorted, []);
        }

        var kept = new List<TimelineEvent>(sorted.Count);
        foreach (var e in sorted)
        {
            var match = -1;
            for (var i = kept.Count - 1; i >= 0 && e.Time - kept[i].Time <= tolerance; i--)
            {
                if (SameMoment(kept[i], e))
                {
                    match = i;
                    break;
                }
            }

            if (match >= 0)
            {
                kept[match] = kept[match] with
                {
                    AlsoSeenIn = [.. kept[match].AlsoSeenIn, e.Provenance, .. e.AlsoSeenIn],
                    AlsoSeenBy = [.. kept[match].AlsoSeenBy, e.Source ?? "Notes", .. e.AlsoSeenBy],
                };
            }
            else
            {
                kept.Add(e);
            }
        }

        return (kept, Conflicts(kept, tolerance, displayZone));
    }

    private static bool SameMoment(TimelineEvent a, TimelineEvent b) =>
        a.Kind == b.Kind && a.Kind != EventKind.Other && !Cites(a, b.Provenance.Input);

    /// <summary>True when <paramref name="e"/> was read from <paramref name="input"/> or merged a record of it (no allocation: runs in the inner loops).</summary>
    /// <remarks>Inputs, not files: two day files of one Slack export are one input.</remarks>
    private static bool Cites(TimelineEvent e, string input)
    {
        if (e.Provenance.Input == input)
        {
            return true;
        }

        foreach (var p in e.AlsoSeenIn)
        {
            if (p.Input == input)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same tool's event of one kind, recorded by two inputs at times further apart than the tolerance.</summary>
    private static List<Diagnostic> Conflicts(IReadOnlyList<TimelineEvent> timeline, Duration tolerance, DateTimeZone zone)
    {
        var found = new List<Diagnostic>();
        for (var i = 0; i < timeline.Count; i++)
        {
            var later = timeline[i];
            if (later.Kind == EventKind.Other || later.Source is null)
            {
                continue;
            }

            for (var j = i - 1; j >= 0 && later.Time - timeline[j].Time <= ConflictHorizon; j--)
            {
                var earlier = timeline[j];
                if (earlier.Kind == later.Kind && later.Time - earlier.Time > tolerance
                    && string.Equals(earlier.Source, later.Source, StringComparison.OrdinalIgnoreCase)
                    && !Cites(earlier, later.Provenance.Input)
                    && !CloserMatch(timeline, j, i))
                {
                    var p = later.Provenance;
                    found.Add(DiagnosticCatalog.ConflictingTimes(p.File, p.Line, p.Column, KindName(later.Kind), Show(later.Time, zone),
                        Show(earlier.Time, zone), $"{earlier.Provenance.File}({earlier.Provenance.Line},{earlier.Provenance.Column})"));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>True when an event between <paramref name="j"/> and <paramref name="i"/> is the same kind from the later event's input.</summary>
    private static bool CloserMatch(IReadOnlyList<TimelineEvent> timeline, int j, int i)
    {
        for (var k = j + 1; k < i; k++)
        {
            if (timeline[k].Kind == timeline[i].Kind && Cites(timeline[k], timeline[i].Provenance.Input))
            {
                return true;
            }
        }

        return false;
    }

    private static string KindName(EventKind kind) => kind.ToName();

    private static string Show(Instant t, DateTimeZone zone) => InstantPattern.General.Format(t) + (zone == DateTimeZone.Utc ? string.Empty : $" ({t.InZone(zone):HH:mm:ss} {ZoneAbbreviations.DisplayLabel(zone, t)})");
}
