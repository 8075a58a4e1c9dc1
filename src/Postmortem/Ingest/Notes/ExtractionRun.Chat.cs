using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Ingest.Notes;

// ExtractionRun, in part: Chat pastes: one message (its header line and the lines below it) is one event.
internal sealed partial class ExtractionRun
{
    private void StartMessage(ChatLines.Header header, string line, int lineNo)
    {
        var who = header.Who ?? lastSpeaker;
        lastSpeaker = who;
        message = new ChatMessage(header, who, line, lineNo);
        if (header.Text.Trim().Length > 0)
        {
            message.Append(header.Text.Trim());
        }

        if (!chatPaste && header.Text.Trim().Length > 0)
        {
            FlushMessage(); // A one-line chat message among notes: nothing below belongs to it.
        }
    }

    private void FlushMessage()
    {
        if (message is not { } m)
        {
            return;
        }

        message = null;
        var pastedDay = ChatLines.IsRelativeToPasteDay(m.Header.TimeText) ? options.AnchorDate : null;
        if (pastedDay is { } pasted)
        {
            // "Yesterday 4:15 PM", "Today at 9:14 PM": the day is counted from the day the chat was copied, not from the date
            // an earlier header put in force ("Monday 4:00 PM" above it).
            currentDate = pasted;
        }

        var times = Scan(m.Header.TimeText, m.Line, m.Header.TimeColumn);
        if (times.Count == 0)
        {
            return;
        }

        // "Today at 09:22" under "Yesterday at 17:30": the header names its day, so its clock is on that day, not read again as the
        // first reading after the message above (21:22 yesterday), as a clock without a day is.
        var stamp = pastedDay is { } today && times[0] is { Date: null, MonthDay: null, Weekday: null, DaysBack: 0 } bare ? bare with { Date = today } : times[0];
        var text = NotesExtractor.Tidy(m.Text);
        if (!Add(stamp, text.Length > 0 ? text : m.Raw.Trim(), m.Raw, m.Line, m.Header.TimeColumn + times[0].Index, "chat", m.Who, null) || text.Length == 0)
        {
            return;
        }

        // Times a message mentions ("I merged that at 09:35") are moments too, read back from the message's time.
        var inner = TimeScanner.FindAll(text);
        if (inner.Count == 0 || inner.Count > 20)
        {
            return;
        }

        var said = Events[^1].Time;
        var before = Events.Count;
        mentionedBefore = said;
        try
        {
            foreach (var moment in MomentSplitter.Split(text, inner))
            {
                var (clause, _) = MomentSplitter.Clause(text, WithinSentence(text, moment));
                // "Resolved: … Between 4:23 PM and 5:03 PM we saw degraded performance": the status label is the message's, posted
                // at its own time; the window it mentions is what users met then, not a resolution or an update at 4:23.
                var told = clause.Length > 0 ? clause : text;
                told = StatusLabelLead().Match(told) is { Success: true } lead && lead.Length < told.Length ? told[lead.Length..] : told;
                // "EU still failing, ETA 10:45": a time the message looks forward to is read ahead of it, not as the night before, and
                // is of no kind: the message's words are what it says now, not what happened then (review32 F20, review33 F1).
                mentionAhead = StillToCome(stamp, moment.Time, text) || JapaneseDeadline(stamp, text, moment.Time);
                Add(moment.Time, told, m.Raw, m.Line, m.Header.TimeColumn, "chat", m.Who, mentionAhead ? EventKind.Other : null, kindRule: mentionAhead ? KindRules.Forecast : null);
                mentionAhead = false;
            }
        }
        finally
        {
            mentionedBefore = null;
            mentionAhead = false;
        }

        // A mention of the message's own minute is the message itself.
        for (var i = Events.Count - 1; i >= before; i--)
        {
            if (Events[i].Time == said)
            {
                Events.RemoveAt(i);
            }
        }
    }

    // A time a message mentions ends with its sentence ("link DOWN since 10:50. traffic failed over to the backup"): the
    // sentences after it are what the message says at its own time; those before it may be what the time refers back to
    // ("5xx are up in a couple of regions. looks like it started about 10:48"). Chat seldom capitalises: any ". " ends one.
    private static MomentSplitter.Moment WithinSentence(string text, MomentSplitter.Moment moment)
    {
        for (var i = moment.Time.Index + moment.Time.Length; i < moment.End - 1; i++)
        {
            if (EndsSentence(text, i))
            {
                return moment with { End = i + 1 };
            }
        }

        return moment;
    }

    // A clock the message mentions that is still to come when it is said: a bare clock (no date, day or zone of its own) up to six
    // hours after the message's own ("hoping to have it fixed by 11:30", "let's regroup at 11:30" at 09:40), or up to twelve hours
    // after it when a word looks forward to it ("ETA 00:30" at 23:50 is the same night; "ETA 20:00" at 09:40). A clock further
    // ahead is read back to the day before, as any time a message mentions ("the backup at 23:00 failed", said at 09:40); a clock
    // before the message's own is past ("the scheduled cleanup job at 03:00 dropped the index", said at 10:20) (review33 F1, F2).
    private static bool StillToCome(TimeExpression said, TimeExpression mentioned, string text)
    {
        if (mentioned is not { Date: null, MonthDay: null, Weekday: null, DaysBack: 0, IsoOffset: null } || mentioned.ZoneText != said.ZoneText)
        {
            return false;
        }

        if (LooksBack(text, mentioned.Index))
        {
            return false; // "the batch has been failing since 13:00", said at 09:40: a time gone by, whatever the clocks say
        }

        var minutes = MinutesAhead(said.Time, mentioned.Time);
        var bareHour = mentioned.Time.Hour < 12 && !WrittenMeridiem.Says(mentioned.Raw);
        var afternoon = bareHour ? MinutesAhead(said.Time, mentioned.Time.PlusHours(12)) : 0;
        if (bareHour && WrittenMeridiem.Says(said.Raw))
        {
            minutes = Math.Min(minutes, afternoon); // "10:15" in a message stamped "9:40 PM" may be 10:15 PM: the nearer reading
        }

        if (minutes is > 0 and <= 360)
        {
            return true;
        }

        // "[12:50] rollback should be done by 1:15": with a word that looks forward, the afternoon reading of a bare hour not
        // written with a zero ("09:05" is a 24-hour clock) when the morning reading lies more than six hours back.
        var afternoonAhead = afternoon is > 0 and <= 720 && minutes < 1080 && !mentioned.Raw.TrimStart().StartsWith('0');
        if ((minutes is > 360 and <= 720 || afternoonAhead) && IsForecastClock(text, mentioned.Index))
        {
            return true;
        }

        // "we will redeploy the fix at 22:00 tonight", "maintenance window opens at 17:00", "the fix goes out at 22:00", said at 09:40:
        // up to eighteen hours ahead, a clock later on the dial than the message (or in the small hours after an evening message)
        // that a plan leads to — a modal or a plan with its verb and then "at", "by", "around" right before the clock, a scheduled
        // "opens at", "window is", or "tonight" right after it said by day — in a clause with no verb in the past. A clock earlier on
        // the dial is past whatever the clause says ("[23:40] we will have to revert the 14:10 deploy"); a modal of looking or
        // noting leads to no plan ("you'll see the first 502s at 22:10", "I'll add the 23:10 failover"); "our scheduled cleanup job
        // at 03:00 dropped the index" (said at 10:20) and "we shipped at 9:15 tonight" (after midnight) tell what happened
        // (review33 F22, review34 F2).
        if (minutes is > 360 and <= 1080 && (mentioned.Time > said.Time || (mentioned.Time.Hour < 6 && said.Time.Hour >= 18)))
        {
            var (from, to) = ClauseAround(text, mentioned.Index, mentioned.Length);
            var end = mentioned.Index + mentioned.Length;
            var tonight = said.Time.Hour >= 6 && EveningAfter().IsMatch(text.AsSpan(end, Math.Max(0, to - end)));
            return (PlanLead().IsMatch(text.AsSpan(from, mentioned.Index - from)) || tonight) && !PastClause().IsMatch(text.AsSpan(from, to - from));
        }

        return false;
    }

    // The clause around a clock: back to the last sentence mark, comma or line break before it and on to the next after it, at most
    // eighty characters each way.
    private static (int From, int To) ClauseAround(string text, int index, int length)
    {
        var from = index;
        while (from > 0 && index - from < 80 && text[from - 1] is not ('\n' or '.' or '!' or '?' or ';' or ','))
        {
            from--;
        }

        var to = Math.Min(text.Length, index + length);
        while (to < text.Length && to - index - length < 80 && text[to] is not ('\n' or '.' or '!' or '?' or ';' or ','))
        {
            to++;
        }

        return (from, to);
    }

    // A plan leading to the clock at the end of the text before it: "will redeploy the fix at", "we're going to fail over at", "the
    // patched build will be deployed at", "opens at", "next deploy window is", "goes out at". "will" in lower case ("Will" is a
    // name as often as a modal); not a modal of looking or noting ("you'll see … at", "I'll add … at", "will check … at").
    [GeneratedRegex(@"(?:\b(?-i:will)|\b\w+['’]ll|\bshall|\bgonna|\bgoing to|\bplan(?:ning|s)? to|\bintends? to)\s(?!(?:see|look|check|add|put|note|paste|compare|match|show|find|have to)\b)[\w'’-]+(?:\s[\w'’-]+){0,4}?\s(?:at|by|around|before|after|until|for)\s(?:approx(?:imately|\.)?\s|about\s|around\s|~\s?)?$|\b(?:opens|starts|begins|kicks off|goes (?:out|live)|(?:window|slot) is|is (?:scheduled|set|booked|planned) for)\s(?:at\s|for\s|by\s|around\s)?~?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlanLead();

    // "tonight" or "this evening" right after the clock: "at 22:00 tonight".
    [GeneratedRegex(@"^\s*(?:tonight|this evening|later today)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EveningAfter();

    // A verb in the past in a clause: an "-ed" form that is not a plan's own adjective ("scheduled", "planned", "expected") nor a
    // passive after "be" ("will be deployed at 22:00"), a common irregular past, or an indirect question about what happened ("will
    // check why the cache froze at 22:10", "dig into why the job hung at 23:10": a look back).
    [GeneratedRegex(@"(?<!\b(?:be|being|get)\s)\b(?!(?:scheduled|planned|expected|estimated|anticipated|projected|needed|required|affected|related|based|limited|intended|red|bed|shed|need|feed|seed|speed|proceed|exceed|succeed|indeed)\b)[a-z]+ed\b|\b(?:was|were|had|did|went|ran|broke|came|saw|got|took|made|began|found|fell|hit|lost|sent|woke|rang|stood|left|caught|brought|thought|told|froze|hung|grew|rose|shut|blew|spun|sank|kept|gave|became|wrote|flew|threw|tore|stuck|burst|crept|why|whether|what happened)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastClause();

    // A word that tells a time gone by right before the clock: "since 13:00", "started at", "began around", "broke at", "as of".
    private static bool LooksBack(string text, int clockIndex)
    {
        var from = Math.Max(0, clockIndex - 40);
        return LookBackLead().IsMatch(text.AsSpan(from, clockIndex - from));
    }

    [GeneratedRegex(@"\b(?:since|as of|started|beg[au]n|broke|failed|crashed|stopped|went (?:down|out|away)|died|spiked|dropped|fired|triggered|happened|occurred|ago|earlier|yesterday|overnight|last night)(?:\s(?:at|around|about|approx(?:imately|\.)?|roughly|just after|just before|shortly after|~))?\s?~?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LookBackLead();

    private static int MinutesAhead(NodaTime.LocalTime said, NodaTime.LocalTime mentioned) =>
        ((((mentioned.Hour * 60) + mentioned.Minute - (said.Hour * 60) - said.Minute) % 1440) + 1440) % 1440;

    // A clock a message looks forward to: "ETA 10:45", "expected back by 11:30", "should be done by 10:15", "next update at 10:30",
    // "we'll restart at 11:00". Read on the forty characters before the clock, so the pattern's work is bounded. "Back to expected
    // by 10:05" (an adjective: the level) and "was fixed by 10:30" (done) are no forecast; nor is a clock before the message's own
    // ("the scheduled job at 03:00 failed", said at 10:20: the job ran).
    private static bool IsForecastClock(string text, int clockIndex)
    {
        var from = Math.Max(0, clockIndex - 40);
        return ForecastLead().IsMatch(text.AsSpan(from, clockIndex - from));
    }

    private static bool EndsSentence(string text, int i) =>
        text[i] is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !(text[i] == '.' && i >= 2 && text[i - 2] == '.');

    /// <summary>A chat message being read: its header and the lines of its body.</summary>
    private sealed class ChatMessage(ChatLines.Header header, string? who, string raw, int line)
    {
        private readonly StringBuilder text = new();

        public ChatLines.Header Header { get; } = header;

        public string? Who { get; } = who;

        public string Raw { get; } = raw;

        public int Line { get; } = line;

        public string Text => text.ToString();

        public bool IsEmpty => text.Length == 0;

        public void Append(string more)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(more);
        }
    }

    [GeneratedRegex(@"(?:\b(?:ETA|ETR)\b[:\s]*(?:is\s|of\s|now\s)?|(?<!\b(?:to|than|as|from|of|the)\s)\b(?:expect(?:ed|ing)?|estimated?|anticipated?|projected|scheduled|planned|targeting|aiming)\b(?:\s[\w'-]+){0,5}?\s(?:by|at|around|for|before|to)\s|\b(?:should|(?-i:will)|would|might|may|shall|gonna|going to)\s(?!not\b)(?:(?:be|have)\s)?[\w-]+(?:\s[\w-]+){0,3}?\s(?:by|at|around|before|after)\s|\b\w+'ll\s[\w-]+(?:\s[\w-]+){0,3}?\s(?:by|at|around|before|after)\s|\bnext\s(?:update|check-?in|status update)\s(?:at|by|around|before|in)?\s?|\bno later than\s)(?:approx(?:imately|\.)?\s|about\s|around\s|~\s?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForecastLead();

    // A status page's label leading a bot's message: "Resolved: …", "Investigating - …", "Update — …".
    [GeneratedRegex(@"^(?:Investigating|Identified|Monitoring|Resolved|Update|Updated|Postmortem|Verifying|Recovering|Completed)\s*[:\-–—]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusLabelLead();
}
