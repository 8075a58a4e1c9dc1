using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: which standard-time labels name a region's wall clock all year (docs/notes-format.md, PM0211), and
// which header fields stand outside the running order of the notes (twenty-sixth session).
internal sealed partial class ExtractionRun
{
    /// <summary>
    /// The region whose wall clock a standard-time label written in the daylight season stands for, or null when the label
    /// means its fixed offset. "EST", "PST" and "AKST" are written all year for the local clock. "MST" is too, but Arizona keeps
    /// it all year: it stands for the wall clock only when the zone the user configured is a Mountain zone that keeps daylight
    /// time ("8:29 PM MST" in July with --tz America/Denver is 8:29 PM MDT); with no such zone it stays UTC-07 (PM0102).
    /// </summary>
    private DateTimeZone? YearRoundRegion(ZoneToken written, LocalDateTime local)
    {
        if (YearRoundLabels.Contains(written.Written))
        {
            return written.Region;
        }

        var configured = options.DefaultZone;
        return written.Written == "MST"
            && configured.GetZoneInterval(configured.AtLeniently(local).ToInstant()).StandardOffset == Offset.FromHours(-7)
            ? configured
            : null;
    }

    /// <summary>
    /// "Start Time: 02:09 ⏎ Actual Clear Time: 22:10 ⏎ … Timeline ⏎ 02:09 – NOC alerts …", "Incident end: 11:40": a header field
    /// that gives the incident's end bounds it; the notes that follow start again from the beginning, so the end is no step of
    /// their running order and a clock after it that is earlier is not the next day.
    /// </summary>
    /// <remarks>
    /// The label holds no digit and no colon before its own, so a line whose text before its first colon has a digit
    /// ("02:09 alerts fire", "At 13:39 …", every clock-led line) is turned away without the pattern.
    /// </remarks>
    internal static bool EndField(string raw)
    {
        var colon = raw.IndexOf(':');
        return colon > 0 && raw.AsSpan(0, colon).IndexOfAnyInRange('0', '9') < 0 && EndFieldLabel().IsMatch(raw);
    }

    // A field label that names the end, at the start of its line, then a colon: "Actual Clear Time:", "End time:", "Resolved:",
    // "Incident end:", "Outage ended at:", "Service restored:".
    [GeneratedRegex(@"(?i)^[\s*•>|-]*(?:(?:actual|incident|outage|event|service|impact|final)\s+)?(?:clear(?:ed)?|end(?:ed)?|resolved|resolution|restored|restoration|recovered|recovery|closed?|finish(?:ed)?|stopped)(?:\s+(?:time|date|at|on))*\s*:")]
    internal static partial Regex EndFieldLabel();
}
