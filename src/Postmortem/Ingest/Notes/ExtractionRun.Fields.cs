using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: the header fields of a notice or a reason-for-outage report ("Start Time: 02:09", "Actual Clear Time: 22:10").
internal sealed partial class ExtractionRun
{
    // The text's head, before any moment, names planned work ("Scheduled maintenance notice", "Planned outage: core switch
    // upgrade"): its "Start Time" and "End Time" fields are the window of the work, not an incident's (the review of the
    // twenty-eighth session, finding F10).
    private bool plannedHead;

    private void NotePlannedHead(string line)
    {
        if (Events.Count == 0 && !plannedHead && line.Length <= 200 && PlannedWork().IsMatch(line))
        {
            plannedHead = true;
        }
    }

    // The status a header field gives, unless the head named planned work.
    private string? FieldStatusInForce(string raw) => plannedHead ? null : FieldStatus(raw);

    [GeneratedRegex(@"\b(?:scheduled|planned)\s+(?:maintenance|work|works|outage|downtime|upgrade|change)\b|\bmaintenance\s+(?:notice|notification|window|announcement)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlannedWork();

    /// <summary>
    /// The status a header field gives the moment that is its value: "Start Time: 02:09" (the incident started), "Actual Clear
    /// Time: 22:10", "Resolved at: 11:40", "End Time: 12:24 PM PST" (resolved), "Time detected: 09:12", "**Detected:** 2024-05-02
    /// 09:12 UTC" (investigating: the team knew), "Mitigated: 10:05" (mitigated). The field's name is the strongest evidence of
    /// the moment's kind, as a table's Status column is (docs/notes-format.md, "Status pages", header fields). Null when <paramref name="raw"/> is
    /// no such field (no short label before its first colon, or a value that does not start with its time or date), or when the
    /// name says nothing of a kind or tells a forecast ("Estimated End Time", "Next update", "Target resolution").
    /// </summary>
    /// <remarks>The label is cut at 48 characters and holds no digit, so each pattern reads a few words once.</remarks>
    internal static string? FieldStatus(string raw)
    {
        var colon = raw.IndexOf(':');
        if (colon <= 0 || colon > 48 || raw.AsSpan(0, colon).IndexOfAnyInRange('0', '9') >= 0)
        {
            return null;
        }

        var label = raw.AsSpan(0, colon).Trim(" \t*_•>|-"); // "- **Detected:**": marks and spaces in any order
        var value = raw.AsSpan(colon + 1).TrimStart(" \t*_");
        if (label.Length < 3 || label.Count(' ') > 4 || value.Length == 0 || !(char.IsAsciiDigit(value[0]) || TimeScanner.MightStartWithTime(value)))
        {
            return null;
        }

        var name = label.ToString();
        var status = FieldForecast().IsMatch(name) ? null
            : EndFieldName().IsMatch(name) ? "resolved"
            : StartFieldName().IsMatch(name) ? "incident started"
            : DetectedFieldName().IsMatch(name) ? "investigating"
            : MitigatedFieldName().IsMatch(name) ? "mitigated"
            : null;
        return status is not null && (!char.IsAsciiDigit(value[0]) || StartsWithItsMoment(value)) ? status : null;
    }

    // "12:23 PM UTC", "2023-11-24 09:12 UTC", "11/24/2023 12:23", "24 Nov 2023 12:23": the value opens with its time, or with the
    // date written with it. Not a count before the time ("Restored: 3 of 5 substations at 10:30", "Cleared: 1,200 of 9,000 queued
    // orders by 10:45"): that is progress, not the moment the field names (the review of the twenty-eighth session, finding F7).
    private static bool StartsWithItsMoment(ReadOnlySpan<char> value) => OpensWithMoment().IsMatch(value);

    // A clock ("12:23", "9.15", "22h10", "3 PM", "3pm") or a date ("2023-11-24", "11/24/2023", "24.11.2023", "24 Nov", "24th of
    // November") at the value's start; anchored, so read once.
    [GeneratedRegex(@"^(?:[0-9]{1,2}(?:[:.h][0-5][0-9]|\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z]))|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpensWithMoment();

    // "Estimated End Time", "Expected resolution", "Next update", "Target restoration time", "ETR": a forecast, not a moment that was.
    [GeneratedRegex(@"\b(?:estimated|expected|target|planned|scheduled|next|eta|etr|anticipated|projected|forecast)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FieldForecast();

    // "Actual Clear Time", "End Time", "Resolved at", "Incident Resolved", "Service restored", "Time resolved", "Time of restoration".
    [GeneratedRegex(@"^(?:(?:actual|incident|outage|event|service|impact|issue|fault|problem|disruption|interruption|final|full)\s+){0,2}(?:clear(?:ed)?|end(?:ed)?|resol(?:ved|ution)|restor(?:ed|ation)|recover(?:ed|y)|closed?|finish(?:ed)?|fixed|stopped)(?:\s+(?:time|date|at|on|date/time|time/date))?$" +
        @"|^(?:time|date/time|date and time)\s+(?:of\s+)?(?:clear(?:ed|ance)?|end(?:ed)?|resol(?:ved|ution)|restor(?:ed|ation)|recover(?:ed|y)|closed?|closure|fix(?:ed)?)$|^all clear$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndFieldName();

    // "Start Time", "Started", "Incident Start", "Outage began", "Time occurred", "Time of occurrence", "Incident time".
    [GeneratedRegex(@"^(?:(?:actual|incident|outage|event|impact|issue|fault|problem|disruption|interruption|service)\s+){0,2}(?:start(?:ed)?|began|begin|beginning|onset|occurred)(?:\s+(?:time|date|at|on|date/time|time/date))?$" +
        @"|^(?:time|date/time|date and time)\s+(?:of\s+)?(?:start(?:ed)?|occurrence|occurred|onset|incident|outage|failure|fault|impact|disruption)$|^(?:incident|outage|fault|disruption|failure)\s+(?:time|date/time)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartFieldName();

    // "Detected", "Time detected", "Detection time", "First detected at", "Time of detection".
    [GeneratedRegex(@"^(?:(?:time|date/time)\s+)?(?:first\s+)?(?:detected|detection|noticed)(?:\s+(?:time|at|on))?$|^(?:time|date/time)\s+(?:of\s+)?(?:first\s+)?detection$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetectedFieldName();

    // "Mitigated", "Mitigated at", "Time mitigated", "Workaround applied".
    [GeneratedRegex(@"^(?:(?:time|date/time)\s+)?(?:mitigated|mitigation|workaround(?:\s+applied)?)(?:\s+(?:time|at|on))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MitigatedFieldName();
}
