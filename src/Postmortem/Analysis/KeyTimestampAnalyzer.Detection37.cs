using Postmortem.Model;

namespace Postmortem.Analysis;

public static partial class KeyTimestampAnalyzer
{
    /// <summary>
    /// An alert or a page the team saw at its event's time: "Logs and alerts confirmed everything had recovered" is a check on the
    /// recovery, not an alert firing; and "ALARM core-link DOWN since 10:50", posted at 11:00, was seen at 11:00. The moment the
    /// message recalls (its "since" time, an event of the same line) dates the impact, not the team's knowing, as for noticing.
    /// </summary>
    private static bool AlertSeen(TimelineEvent e, HashSet<TimelineEvent> recalled) =>
        (Has(e, EventKind.Alert) || Has(e, EventKind.Page)) && !Has(e, EventKind.Resolution) && !recalled.Contains(e);
}
