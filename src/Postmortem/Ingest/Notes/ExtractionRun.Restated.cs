using NodaTime;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part (session 26, `s26-forms`): a window or a moment written again is one event, not two.
// - The same span twice, first as a label's whole value: a notice's heading "North Side Road: 11:00pm-4:00am" over its sentence
//   "Tonight between 11:00pm and 4:00am …" is one window; the sentence, which tells it, is kept. A span written twice in prose
//   ("two periods: 09:05 - 09:30 and 09:44 - 09:48 UTC" in a summary, "a further outage from 09:44 - 09:48 UTC" in the story) is
//   two events, as the corpus reads it: the summary and the story each tell something.
// - The same span again in brackets on its line, in another zone: "Time (PDT): 12:08 PM - 1:30 PM (19:08 - 20:30 UTC)" is one
//   window, its two clocks written for readers of UTC too (both writings are read, each in its zone, to the same two instants).
// - A clock written to the second that repeats an earlier one written to the second: "Crash time: 2026-06-01 ~20:55:03 EDT", the
//   timeline's "20:55:03 — last log line" and a quoted log line "last known up at 2026-06-01 20:55:03". A writer copies such a
//   stamp. Not a line led by the stamp right under a line led by the same stamp: several log lines of one second are several
//   things ("14:02:11 payment-api ERROR …" then "14:02:11 ledger WARN …"); and a clock to the minute ("14:02") is no stamp to
//   copy (review of session 26).
// - A clock alone in brackets at the end of its line that repeats an earlier moment told otherwise: "Key numbers at the crash point
//   (09:43)" under the timeline's "09:43 Build starts": a reference back, not a new moment. Not when the earlier telling is itself
//   such a bracket, nor within a run of bracket-timed lines ("Alert fired (14:32)", "On-call engineer paged (14:32)": a timeline
//   written with its clocks at the ends of the lines).
// Otherwise the first writing is kept. Runs once after reading, over the events, linear in them.
internal sealed partial class ExtractionRun
{
    private void DropRestated()
    {
        if (Events.Count < 2)
        {
            return;
        }

        var spans = new Dictionary<(Instant, Instant), int>();
        var toldPlainly = new HashSet<Instant>(); // moments told other than in a bracket at a line's end
        var stamped = new Dictionary<Instant, int>(); // moments written to the second: the line of their last writing if it led it
        var drop = new bool[Events.Count];
        for (var i = 0; i < Events.Count; i++)
        {
            var e = Events[i];
            if (e.EndTime is { } end)
            {
                if (spans.TryGetValue((e.Time, end), out var first) && LabelValueOnly(Events[first].Provenance.RawText, Events[first].WrittenTime))
                {
                    drop[first] = true; // "North Side Road: 11:00pm-4:00am" then "Tonight between 11:00pm and 4:00am …"
                }
                else if (first != i && spans.ContainsKey((e.Time, end)) && Events[first].Provenance.Line == e.Provenance.Line
                    && e.Provenance.RawText.Contains("(" + e.WrittenTime.Trim(), StringComparison.Ordinal))
                {
                    drop[i] = true; // "12:08 PM - 1:30 PM (19:08 - 20:30 UTC)": the same span again in brackets in another zone
                    continue;
                }

                spans[(e.Time, end)] = i;
                continue;
            }

            var seconds = WithSeconds(e.WrittenTime);
            var bracketed = BracketedAtLineEnd(e.Provenance.RawText, e.WrittenTime);
            var leads = seconds && LeadsItsLine(e.WrittenTime, e.Provenance.Line);
            drop[i] = (seconds && stamped.TryGetValue(e.Time, out var last) && !(leads && last == e.Provenance.Line - 1))
                || (bracketed && toldPlainly.Contains(e.Time) && !InBracketRun(i));
            if (seconds)
            {
                stamped[e.Time] = leads ? e.Provenance.Line : int.MinValue;
            }

            if (!bracketed)
            {
                toldPlainly.Add(e.Time);
            }
        }

        var kept = 0;
        for (var i = 0; i < Events.Count; i++)
        {
            if (!drop[i])
            {
                Events[kept++] = Events[i];
            }
        }

        Events.RemoveRange(kept, Events.Count - kept);
    }

    // The event before or after i is on the line next to it and timed in a bracket at its end as well.
    private bool InBracketRun(int i) =>
        (i > 0 && Neighbour(Events[i - 1], Events[i])) || (i + 1 < Events.Count && Neighbour(Events[i + 1], Events[i]));

    private static bool Neighbour(TimelineEvent other, TimelineEvent e) =>
        Math.Abs(other.Provenance.Line - e.Provenance.Line) == 1 && BracketedAtLineEnd(other.Provenance.RawText, other.WrittenTime);

    // "North Side Road: 11:00pm-4:00am", "Window: 02:00-04:00": a label of one to four words, a colon, and only the span.
    private static bool LabelValueOnly(string line, string written)
    {
        var trimmed = line.AsSpan().Trim();
        var span = written.AsSpan().Trim();
        if (span.IsEmpty || !trimmed.EndsWith(span, StringComparison.Ordinal))
        {
            return false;
        }

        var lead = trimmed[..^span.Length].TrimEnd();
        return lead.Length > 1 && lead[^1] == ':' && lead.Count(' ') <= 3;
    }

    // "20:55:03", "~20:55:03 EDT": a clock written with its seconds.
    private static bool WithSeconds(string written)
    {
        var colon = written.IndexOf(':', StringComparison.Ordinal);
        var second = colon < 0 ? -1 : written.IndexOf(':', colon + 1);
        return second == colon + 3 && second + 2 < written.Length && char.IsAsciiDigit(written[second + 1]) && char.IsAsciiDigit(written[second + 2]);
    }

    // "… at the crash point (09:43)": the written clock is the whole of a bracket that ends its line.
    private static bool BracketedAtLineEnd(string line, string written)
    {
        var trimmed = line.AsSpan().TrimEnd();
        return trimmed.Length > written.Length + 2 && trimmed[^1] == ')' && trimmed[..^1].EndsWith(written.AsSpan().Trim(), StringComparison.Ordinal)
            && trimmed[trimmed.Length - 2 - written.AsSpan().Trim().Length] == '(';
    }
}
