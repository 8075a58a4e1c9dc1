using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>
/// Splits a sentence that names several moments into one piece per moment: "caught the regression at 14:02
/// and the on-call started investigating at 14:05" is two events; "between 14:02 and 14:05" is one span;
/// "10:15 PDT (17:15 UTC)" is one moment written twice (docs/notes-format.md, "Several moments in a sentence").
/// </summary>
internal static partial class MomentSplitter
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "began", "begun", "was", "were", "went", "rose", "fell", "came", "hit", "saw", "ran", "spiked", "ended", "returned", "recovered",
        "caught", "paged", "stopped", "started", "resumed", "continued", "dropped", "peaked", "climbed", "grew", "became", "is", "are",
    };

    private static readonly char[] WordPunctuation = [',', '.', ';'];

    private static readonly CaseBlindWord UntilWord = new("until"); // not string.Contains case-blind: see CaseBlindWord

    /// <summary>One moment: its time and the part of the sentence that tells it.</summary>
    public readonly record struct Moment(TimeExpression Time, int Start, int End);

    /// <summary>The moments of <paramref name="sentence"/>, whose times are <paramref name="times"/> in order.</summary>
    public static List<Moment> Split(string sentence, IReadOnlyList<TimeExpression> times)
    {
        var merged = new List<TimeExpression>(times.Count);
        TimeExpression? seen = null;
        for (var i = 0; i < times.Count; i++)
        {
            var t = times[i];
            var last = seen;
            seen = t;
            if (merged.Count > 0 && last is not null)
            {
                var previous = merged[^1];
                var gap = sentence[(last.Index + last.Length)..t.Index];
                if (previous.EndTime is null && t.EndTime is null && !Dated(t) && PmEnd(previous, t) is { } pm
                    && (((AndEnded().IsMatch(gap) || (UntilWord.In(gap) && BeganUntil().IsMatch(gap)))
                            && Began().IsMatch(sentence.AsSpan(Math.Max(0, previous.Index - 32), Math.Min(previous.Index, 32))))
                        || (SpanTo().IsMatch(gap) && From().IsMatch(sentence.AsSpan(Math.Max(0, previous.Index - 24), Math.Min(previous.Index, 24))))
                        || (AndGap().IsMatch(gap) && BetweenLeads(sentence, previous))))
                {
                    // "started at 1:38 p.m. and lasted until 5:06", "from 1 p.m. to 4:30": a span's end written without a meridiem,
                    // which read as morning would come before the afternoon start, is in the start's afternoon.
                    t = pm;
                }

                if (previous.EndTime is null && t.EndTime is null
                    && ((AndGap().IsMatch(gap) && BetweenLeads(sentence, previous))
                        || (SpanTo().IsMatch(gap) && From().IsMatch(sentence.AsSpan(Math.Max(0, previous.Index - 24), Math.Min(previous.Index, 24)))
                            && (!Dated(t) || (!Dated(previous) && t.Time >= previous.Time) || (DaysBetween(previous, t) == 0 && t.Time > previous.Time))
                            && (t.Time >= previous.Time || AcrossMidnight(previous, t)))
                        || (SpanTo().IsMatch(gap) && LeadingRange().IsMatch(sentence.AsSpan(0, previous.Index)) && !Dated(t)
                            && (t.Time >= previous.Time || AcrossMidnight(previous, t)))
                        || ((DaysBetween(previous, t) is > 0 and < 7 || BothCalendarDated(previous, t)) && SpanTo().IsMatch(gap)
                            && (Labelled().IsMatch(sentence.AsSpan(Math.Max(0, previous.Index - 24), Math.Min(previous.Index, 24)))
                                || From().IsMatch(sentence.AsSpan(Math.Max(0, previous.Index - 24), Math.Min(previous.Index, 24)))))
                        || ((AndEnded().IsMatch(gap) || (UntilWord.In(gap) && BeganUntil().IsMatch(gap))) && Began().IsMatch(sentence.AsSpan(Math.Max(0, previous.Index - 32), Math.Min(previous.Index, 32)))
                            && (Dated(t) ? DaysBetween(previous, t) is > 0 || (DaysBetween(previous, t) == 0 && t.Time >= previous.Time) : t.Time >= previous.Time || AcrossMidnight(previous, t)))
                        || (AndBefore().IsMatch(gap) && AfterLead().IsMatch(sentence.AsSpan(Math.Max(0, previous.Index - 16), Math.Min(previous.Index, 16)))
                            && !Dated(t) && (t.Time >= previous.Time || AcrossMidnight(previous, t)))
                        || ((DaysBetween(previous, t) is > 0 and < 7 || BothCalendarDated(previous, t)) && Through().IsMatch(gap))
                        || (gap.Length > 0 && string.IsNullOrWhiteSpace(gap) && !gap.Contains('\n') && BothOwnDates(previous, t)
                            && (DaysBetween(previous, t) is > 0 and <= 31 || (DaysBetween(previous, t) == 0 && t.Time > previous.Time)))
                        || (gap.Trim() is "→" or "->" && (DaysBetween(previous, t) is > 0 || (DaysBetween(previous, t) is null or 0 && t.Time >= previous.Time)))
                        || (gap.Trim() is "-" or "–" or "—" && ClockWord().IsMatch(t.Raw) && !Dated(t) && (t.Time >= previous.Time || AcrossMidnight(previous, t)))
                        || TurkishBetween(sentence, gap, previous, t)))
                {
                    // "between 14:02 and 14:05", "from about 17:20 UTC to 20:00 UTC", "began at 10:00 and ended at 10:45",
                    // "started as early as Friday, January 27th, 17:18 UTC and ended on Monday, January 30th, 19:46 UTC", "from approximately 03:00 UTC on
                    // June 30th until about 22:00 UTC": one span. An end a little before the start is a corrected
                    // value, not a span across midnight ("the time was corrected from 15:06 UTC to 15:04 UTC").
                    // "from 10:00 UTC to 14:00 UTC on March 5": a date written after the end dates the whole span.
                    var dated = Dated(previous) ? previous : t;
                    merged[^1] = previous with
                    {
                        // "between 1:05 and 2:30 p.m.": the end's meridiem for a bare start (ClockReader.InEndsAfternoon).
                        Time = previous.EndTime is null && !WrittenMeridiem.Says(previous.Raw) && WrittenMeridiem.SaysPm(t.Raw)
                            ? ClockReader.InEndsAfternoon(ClockOf(previous.Raw), endPm: true, previous.Time, t.Time) : previous.Time,
                        EndDays = DaysBetween(previous, t),
                        Date = dated.Date,
                        MonthDay = dated.MonthDay,
                        Weekday = dated.Weekday,
                        YearMissing = dated.YearMissing,
                        DateAmbiguous = dated.DateAmbiguous,
                        EndTime = t.Time,
                        ZoneText = previous.ZoneText ?? t.ZoneText,
                        Length = t.Index + t.Length - previous.Index,
                        Raw = sentence[previous.Index..(t.Index + t.Length)],
                    };
                    continue;
                }

                var g = gap.Trim();
                if (g.Length == 0 && t.Time == previous.Time && t.EndTime is null && previous.EndTime is null && !Dated(t) && t.ZoneText is null)
                {
                    continue; // "16:20    Approx 16:20 most users lost connectivity": a time column and the same time restated.
                }

                if (g == "(" && t.ZoneText is not null
                    && (LocalTime().IsMatch(last.Raw) || (last.ZoneText is null && last.IsoOffset is null && t.EndTime is null && previous.EndTime is null && !Dated(t)
                        && (t.Raw.EndsWith(')') || SameMomentBracket().IsMatch(sentence.AsSpan(t.Index + t.Length))))))
                {
                    // "at 2am on Thursday (midnight AEDT)", "at 9:00 (07:00 UTC)": a time with no zone of its own, then a bracket holding
                    // only another time in a written zone: the same moment for readers of that zone, and the written zone decides.
                    // "at around 18:00 local time (16:00 UTC)": the same moment, the zone written in the brackets. The day written on the
                    // first ("on Thursday") is the bracket's too: neighbouring zones rarely part a moment across midnight, and a writer
                    // who means another day writes it in the bracket.
                    // But no zone is more than 12 hours behind UTC or 14 ahead: "8am on Thursday (9pm UTC)" is 21:00 UTC on Wednesday,
                    // "11pm on Sunday (7am UTC)" 07:00 UTC on Monday; the bracket's day is the one that parts the two clocks by a real offset.
                    var day = Dated(t) ? t : previous;
                    var apart = (previous.Time.Hour * 60) + previous.Time.Minute - (t.Time.Hour * 60) - t.Time.Minute;
                    merged[^1] = t with
                    {
                        DayShift = Dated(t) ? 0 : apart > 14 * 60 ? 1 : apart < -12 * 60 ? -1 : 0,
                        Index = previous.Index, Length = t.Index + t.Length - previous.Index, Raw = sentence[previous.Index..(t.Index + t.Length)],
                        Date = day.Date, MonthDay = day.MonthDay, Weekday = day.Weekday, YearMissing = day.YearMissing, DateAmbiguous = day.DateAmbiguous,
                        DaysBack = Dated(t) ? t.DaysBack : previous.DaysBack,
                    };
                    continue;
                }

                var zoned = last.ZoneText is not null || last.IsoOffset is not null;
                if (zoned && gap.Length <= 4 && !string.Equals(last.ZoneText, t.ZoneText, StringComparison.OrdinalIgnoreCase)
                    && (g is "(" or ") (" or ")" || (g is "/" or "or" or "," && t.ZoneText is not null)))
                {
                    if (g == ",")
                    {
                        // "about 4pm NZ time, about 2pm AEDT": the second writing is part of the time, not of the clause's words.
                        merged[^1] = previous with { Length = t.Index + t.Length - previous.Index, Raw = sentence[previous.Index..(t.Index + t.Length)] };
                    }

                    continue; // "10:15 PDT (17:15 UTC)": the same moment in a second zone.
                }
            }

            merged.Add(t);
        }

        // A zone written once at the end of the sentence covers the times before it
        // ("from 09:10 to 09:40 and again from 13:05 to 13:50 UTC"); a zone written in the label that opens the sentence covers
        // them first ("Time (PDT): 12:08 PM - 1:30 PM (19:08 - 20:30 UTC)", "Start time (CET): 09:10", "Window [UTC]: 14:00–15:30").
        var zone = LabelZone(sentence) ?? merged.LastOrDefault(t => t.ZoneText is not null && t.IsoOffset is null)?.ZoneText;
        for (var i = 0; i < merged.Count; i++)
        {
            if (zone is not null && merged[i].ZoneText is null && merged[i].IsoOffset is null)
            {
                merged[i] = merged[i] with { ZoneText = zone };
            }
        }

        if (merged.Count == 1)
        {
            merged[0] = WithLength(sentence, merged[0]);
        }

        var moments = new List<Moment>(merged.Count);
        var start = 0;
        for (var i = 0; i < merged.Count; i++)
        {
            var end = sentence.Length;
            if (i + 1 < merged.Count)
            {
                var from = merged[i].Index + merged[i].Length;
                var to = merged[i + 1].Index;
                end = Cut(sentence, from, to);
            }

            moments.Add(new Moment(merged[i], start, end));
            start = end;
        }

        return moments;
    }

    /// <summary>The units of a length of time told in minutes or hours (also a retelling's sign, KeyTimestampAnalyzer).</summary>
    internal const string LengthUnits = "minutes?|mins?|hours?|hrs?";

    /// <summary>The words that make a time or a length approximate ("about 20 minutes", "around 14:05"; also "~").</summary>
    internal const string Approximately = @"about|approximately|approx\.|around|roughly|some|nearly|almost";

    /// <summary>
    /// "Starting at 3:23 PM UTC, our main app was down for 19 minutes", "an outage lasting 40 minutes from 14:02": the length of
    /// the impact told from a sentence's only time is its span, from the time to the time plus the length (the moment the writer
    /// counted to). Not a time the length is counted to ("by 14:21 it had been down for 19 minutes"), a total, or a length told
    /// with a recovery ("back after …").
    /// </summary>
    public static TimeExpression WithLength(string sentence, TimeExpression t)
    {
        if (t.EndTime is not null || sentence.Length > 400 || LastedFor().Match(sentence) is not { Success: true } lasted || EndWords().IsMatch(sentence)
            || EndBefore().IsMatch(sentence.AsSpan(Math.Max(0, t.Index - 24), Math.Min(t.Index, 24))))
        {
            return t;
        }

        var n = int.Parse(lasted.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var minutes = char.ToLowerInvariant(lasted.Groups["u"].Value[0]) == 'm' ? n : n * 60;
        return n > 0 && minutes < 24 * 60 ? t with { EndTime = t.Time.PlusMinutes(minutes) } : t;
    }

    /// <summary>The text of one moment: its piece without the leading conjunction and without the time itself.</summary>
    public static (string Text, string Piece) Clause(string sentence, Moment moment)
    {
        var piece = sentence[moment.Start..moment.End];
        var lead = Math.Max(0, NotesExtractor.MatchLength(NotesExtractor.PieceLead(), piece));
        piece = piece[lead..];
        var index = moment.Time.Index - moment.Start - lead;
        var text = index >= 0 && index + moment.Time.Length <= piece.Length
            ? NotesExtractor.RemoveTime(piece, index, moment.Time.Length)
            : NotesExtractor.Tidy(piece);
        return (text, piece);
    }

    /// <summary>Where the clause of one time ends and the next begins, between the two times.</summary>
    private static int Cut(string sentence, int from, int to)
    {
        // Only the text between the two times is searched, so a sentence of many times stays linear.
        var region = sentence.AsSpan(from, to - from);
        var last = -1;
        foreach (var m in ClauseBreak().EnumerateMatches(region))
        {
            last = m.Index;
        }

        if (last >= 0)
        {
            return from + last;
        }

        // No conjunction: cut before the connector of the next time ("… at 14:05").
        var connector = NotesExtractor.TrailingConnector().Match(sentence[from..to]);
        return connector.Success ? from + connector.Index : to;
    }

    /// <summary>
    /// The subject of a piece, to carry into a following piece that starts with a verb:
    /// "The outage began at 10:00 and ended at 10:45" → "The outage" + "ended".
    /// </summary>
    public static string? Subject(string piece)
    {
        var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length && i <= 6; i++)
        {
            if (IsVerb(words[i]))
            {
                return string.Join(' ', words[..i]);
            }
        }

        return null;
    }

    /// <summary>
    /// The words of a piece whose verb was left out because the piece before it has it (gapping): "API access was restored
    /// at 18:38 and UI access at 19:37" → "UI access was restored"; "The US-East region recovered at 10:02 and EU-West at
    /// 10:15" → "EU-West recovered"; "Errors began at 08:00 for web users and at 08:20 for mobile users" → "Errors began
    /// for mobile users"; "The alert fired at 10:00 and again at 10:05" → "The alert fired again". Null when the piece has
    /// a verb of its own, is long, or the piece before has no subject and verb to lend.
    /// </summary>
    public static string? Elided(string text, string before)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5 || words.Any(IsVerb) || words.Any(w => w.Trim(WordPunctuation).ToLowerInvariant() is "has" or "have" or "had" or "will" or "got" or "back"))
        {
            return null;
        }

        var first = words[0].Trim(WordPunctuation).ToLowerInvariant();
        if (first is "again" or "once")
        {
            return before + " " + first + text[words[0].Length..];
        }

        var subject = Subject(before);
        if (subject is null || subject.Length >= before.Length)
        {
            return null;
        }

        var predicate = before[(subject.Length + 1)..];
        return first is "for" or "in" or "on" or "across" or "from" or "to" or "with" or "by" or "at"
            ? subject + " " + predicate.Split(' ', 2)[0] + " " + first + text[words[0].Length..]
            : text + " " + predicate;
    }

    /// <summary>True when a piece starts with a verb and so needs the subject of the piece before it.</summary>
    public static bool StartsWithVerb(string piece)
    {
        var first = piece.TrimStart().Split(' ', 2)[0];
        return first.Length > 0 && char.IsLower(first[0]) && IsVerb(first);
    }

    private static bool IsVerb(string word)
    {
        var w = word.Trim(WordPunctuation).ToLowerInvariant();
        return (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && w != "need" && w != "speed" && w != "feed")
            || Verbs.Contains(w);
    }

    // Both ends dated, each its own day: the end's date is the start's plus the days between them.
    private static int? DaysBetween(TimeExpression start, TimeExpression end) =>
        start.Date is { } a && end.Date is { } b ? Period.Between(a, b, PeriodUnits.Days).Days
        : start.MonthDay is { } m && end.MonthDay is { } n && m.Month == n.Month ? n.Day - m.Day
        : start.MonthDay is { } m2 && end.Date is { } b2 && b2.Month == m2.Month ? b2.Day - m2.Day
        // "from 11:10 PM Sunday night to 1:09 AM Monday morning": both ends named by their weekdays, the end on or after the start.
        : start.Weekday is { } w1 && end.Weekday is { } w2 && start.Date is null && start.MonthDay is null && end.Date is null && end.MonthDay is null ? ((int)w2 - (int)w1 + 7) % 7
        : null;

    // "started about 11:30 p.m. and lasted until about 1:30 a.m.": an end more than 12 hours before the start on the clock is on the next day.
    private static bool AcrossMidnight(TimeExpression start, TimeExpression end) =>
        start.Time.TickOfDay - end.Time.TickOfDay >= 12 * NodaConstants.TicksPerHour;

    // "closed from 18:00 on Wednesday 31 March 2010 to 09:00 on Wednesday, 7 April 2010": both ends carry a calendar date with its
    // year, so the dates say how far apart they are, a week or more (up to about two months); ends named by weekdays or by a
    // day and month alone keep the week's bound. So do numeric dates that read either way ("from 07/07/2020 22:00 to 08/07/2020
    // 03:00" is five hours day-first and a month month-first): the week's bound keeps the two apart, each read on its own as the
    // notes read numeric dates, rather than joining them month-first into a month of impact.
    private static bool BothCalendarDated(TimeExpression start, TimeExpression end) =>
        start.Date is not null && end.Date is not null && !start.YearMissing && !end.YearMissing && !start.DateAmbiguous && !end.DateAmbiguous
        && DaysBetween(start, end) is >= 7 and <= 62;

    // Each with a calendar date and year of its own ("8/8/2006 17:00 9/8/2006 09:20").
    private static bool BothOwnDates(TimeExpression start, TimeExpression end) =>
        start.Date is not null && end.Date is not null && !start.YearMissing && !end.YearMissing;

    private static bool Dated(TimeExpression t) => t.Date is not null || t.MonthDay is not null || t.Weekday is not null;

    [GeneratedRegex(@"(?i)\b(?:down|offline|unavailable|unreachable|inaccessible|outage|disruption|interruption|degraded|degradation)\b(?:\s+[\w-]+){0,3}?\s+(?:for|lasting|lasted|that lasted|which lasted)\s+(?:(?:" + Approximately + @")\s+|~\s?)?(?<n>\d{1,3})\s*(?<u>" + LengthUnits + @")\b")]
    private static partial Regex LastedFor();

    [GeneratedRegex(@"(?i)\b(?:had been|has been|after|again|back|restored|recovered|resolved|total|in total|altogether|cumulative\w*|each|every|per)\b")]
    private static partial Regex EndWords();

    [GeneratedRegex(@"(?i)\b(?:by|until|till|before|after|ended|ending)\s+(?:(?:about|around|approx(?:\.|imately)?|roughly)\s+|~\s?)?$")]
    private static partial Regex EndBefore();

    [GeneratedRegex(@"(?:\bLT|(?i:\blocal time))$")]
    private static partial Regex LocalTime();

    // What closes a bracket that holds only the same moment again: "(midnight AEDT)", "(07:00 UTC)".
    [GeneratedRegex(@"^\s*\)")]
    private static partial Regex SameMomentBracket();

    // "between 14:02 and 14:05", "between 1 AM & 5 AM", German "zwischen 12:02 Uhr und 12:06 Uhr" (the start's "Uhr" stands in the gap).
    // "entre las 09:00 y las 10:00" (Spanish), "entre 5h et 7h" (French).
    // Session 29: Romanian "între orele 10:30 și 14:00", Czech "mezi 9. a 13. hodinou", Dutch "tussen 20.00 en 23.00 uur".
    // Session 31: Portuguese "entre 11h45 e 13h10". Session 32: Polish "między godziną 3:30 a 4:00". Session 36: an approximate
    // word after it when a day word took the start in ("Last night, between about 9:50 and 11:10").
    [GeneratedRegex(@"(?i)\b(?:between|zwischen|entre|între(?:\s+orele)?|mezi|tussen|między(?:\s+godzin[ąa])?)\s*(?:las?\s+)?(?:(?:about|around|approx(?:\.|imately)?|roughly|circa)\s+|~\s?)?$")]
    private static partial Regex Between();

    [GeneratedRegex(@"(?i)^\.?\s*(?:Uhr\s+)?(?:and|und|&|et|y|și|si|a|en|e)\s*(?:las?\s+)?$")]
    private static partial Regex AndGap();

    // The end of a span written "5:06" (no meridiem, not zero-padded) after a start in the afternoon written with "p.m.", read in that
    // afternoon when the morning reading would come before the start; null otherwise.
    // "between 14:02 and 14:05": the between-word right before the start's clock, or inside the start's own text when a day word
    // took it in ("Last night between 9:50 and 11:10": the start reads "Last night between 9:50").
    private static bool BetweenLeads(string sentence, TimeExpression start)
    {
        if (Between().IsMatch(sentence.AsSpan(Math.Max(0, start.Index - 32), Math.Min(start.Index, 32))))
        {
            return true;
        }

        var clock = start.DaysBack > 0 || start.Raw.Length > 0 && char.IsLetter(start.Raw[0]) ? start.Raw.AsSpan().IndexOfAnyInRange('0', '9') : -1;
        return clock > 0 && Between().IsMatch(start.Raw.AsSpan(Math.Max(0, clock - 32), Math.Min(clock, 32)));
    }

    // The end of a span in the start's afternoon: the start written with "pm", or moved to the evening by a day word before it
    // ("last night between 9:50 and 11:10", review34 F4; a start written on a 24-hour clock, "yesterday … at 19:10 and ended at
    // 8:30", was not moved and keeps a morning end). A zone after the end is no meridiem ("and 11:10 UTC"); an end at 12 after
    // an evening start is just after midnight ("between 11:30 and 12:10", review35).
    private static TimeExpression? PmEnd(TimeExpression start, TimeExpression end)
    {
        var endClock = ClockOf(end.Raw);
        if (start.Time.Hour < 12 || !(PmWritten().IsMatch(start.Raw) || (start.DaysBack > 0 && BareClock().IsMatch(ClockOf(start.Raw))))
            || endClock.Length == 0 || WrittenMeridiem.Says(end.Raw))
        {
            return null;
        }

        if (start.Time.Hour >= 18 && end.Time.Hour == 12 && endClock.StartsWith("12", StringComparison.Ordinal))
        {
            return end with { Time = end.Time.PlusHours(-12) };
        }

        if (!BareClock().IsMatch(endClock) || end.Time >= start.Time || end.Time.PlusHours(12) <= start.Time)
        {
            return null;
        }

        return end with { Time = end.Time.PlusHours(12) };
    }

    [GeneratedRegex(@"\d\s?(?i:p\.?m)\b")]
    private static partial Regex PmWritten();

    [GeneratedRegex(@"^[1-9]:[0-5]\d$|^1[01]:[0-5]\d$")]
    private static partial Regex BareClock();

    // "after 10 p.m. and before 11 p.m.": a window written as its two bounds.
    [GeneratedRegex(@"(?i)\bafter\s+$")]
    private static partial Regex AfterLead();

    [GeneratedRegex(@"(?i)^\s*and\s+before\s+$")]
    private static partial Regex AndBefore();

    // The written window of one thing: "The outage began at 10:00 UTC and ended at 10:45 UTC"; "began on and off around 9:30pm";
    // German "begann um 20:30 Uhr und endete um 20:34 Uhr".
    [GeneratedRegex(@"(?i)\b(?:began|begun|started|starting|beginning|begann)\s+(?:as\s+early\s+as\s+|(?:on\s+and\s+off|intermittently)\s+)?(?:(?:at|on|around|about|by|um|gegen)\s+)?(?:(?:about|around|approx(?:\.|imately)?|roughly|circa)\s+|~\s?)?$")]
    private static partial Regex Began();

    // "… 9:30 Am or so, and ending approximately 2:00 Pm", "… and concluding around 5 p.m.", "… Uhr und endete um 20:34 Uhr".
    [GeneratedRegex(@"(?i)^\s*(?:Uhr\s+)?(?:or\s+so\s*)?,?\s*(?:and|und)\s+(?:it\s+|was\s+|had\s+)?(?:ended|ending|endete|finished|concluded|concluding|was\s+resolved|resolved|lasted\s+until|ran\s+until|continued\s+until)\s+(?:(?:on|at|by|around|about|um|gegen)\s+)?(?:(?:about|around|approx(?:\.|imately)?|roughly|circa)\s+|~\s?)?$")]
    private static partial Regex AndEnded();

    // "Time affected: August 8th (Monday) 4:27am to August 9th (Tuesday) 1:30am": a label's value running from one day to a later one;
    // "(around December 17, 2020, 23:00 UTC to December 18, 2020, 5:00 UTC)": a bracket that holds only the range, likewise.
    [GeneratedRegex(@"(?:^|[:(])\s*$")]
    private static partial Regex Labelled();

    // "tarn 8/8/2006 17:00 9/8/2006 09:20 Tarn panicked": two clocks each with its own calendar date and only spaces between them are a
    // table row's down and back-up columns, one span, when the second is later (session 27; the condition is in the span test above).
    // "Saturday, May 19, 2018, 6:00pm through Tuesday, May 29, 2018, 4:00pm": "through" alone between two dated clocks is a span's
    // joiner with no lead word ("to" alone may be a move: "moved from Friday 6pm to Monday 9am").
    [GeneratedRegex(@"(?i)^\s*,?\s*(?:through|thru)\s+$")]
    private static partial Regex Through();

    // "Beginning on Jan 8th at 1:25AM ET we lost connectivity, with a full outage until 6:20AM ET": what began runs until the end named.
    [GeneratedRegex(@"(?i)^[^;.?!]{0,60}\buntil\s+(?:(?:about|around|approx(?:\.|imately)?|roughly|circa)\s+|~\s?)?$")]
    private static partial Regex BeganUntil();

    // "6 a.m–noon", "22:00–midnight": a dash to "noon" or "midnight" (the clock matcher's ranges end in digits).
    [GeneratedRegex(@"(?i)^(?:noon|midnight)\b")]
    private static partial Regex ClockWord();

    // "de 0:44 à 1h46" (French), "de 10:00 a 12:00" (Spanish): "de" as "from"; Spanish "desde las 10:00 hasta las 13:00", Italian
    // "dalle ore 6:00 alle ore 18:00", German "von 9 bis 15 Uhr"; Polish and Czech "od 2:30 do 7:00", "od godziny 20:00", "od 8 do 11 hodin".
    // Session 29: Dutch "van 21.00 tot 01.00 uur", Romanian "de la ora 22:00 până mâine dimineață la 06:00", Greek "από ώρα 08.00 έως 11.30".
    // Session 30: Ukrainian "від 00:05 до 06:30", "з 08:00 до 21:00" (Russian "с … до"), Vietnamese "từ 1h30 đến 2h50", "từ khoảng 18h đến 21h".
    [GeneratedRegex(@"(?i)\b(?:from|de|desde(?:\s+las?)?|dalle(?:\s+ore)?|von|od(?:\s+godz(?:iny|\.))?|van|vanaf|de\s+la(?:\s+ora)?)\s+(?:(?:about|around|approx(?:\.|imately)?|roughly|circa)\s+|~\s?)?$|(?<!\p{L})(?:από|απο)(?:\s+(?:ώρα|τις))?\s+$|(?<!\p{L})(?:з|із|від|с|со|từ(?:\s+khoảng)?)\s+$")]
    private static partial Regex From();

    // "1. 11:03PST until 11:04PST", "- 15:12 to 15:13": a range that leads its line or list item, with nothing before it but the
    // item's mark, is a window as "from … to …" is.
    [GeneratedRegex(@"^\s*(?:(?:\d{1,2}[.)]|[-*•–])\s*)?$")]
    private static partial Regex LeadingRange();

    // What may stand between the two ends of "from … to …": a date after the first time, "until", an "about" before the second.
    // "from 11:10 PM Sunday night to 1:09 AM Monday morning": a part of the day after the start's weekday.
    // "10pm Fri night, 10/10, until 10pm Sat night, 10/11": a comma after the start's date.
    // "From 18:00 on the Friday through to 22:00 on the Sunday": "through to" as "to" (session 27).
    // "od godziny 20:00 w poniedziałek do 1:00" (Polish), "od 8 do 11 hodin" (Czech): "do" as "to", "w"/"v" + a day as "on" (session 28); "we" only before "wtorek" or "środę" (Polish), never the English pronoun (review F8).
    // Session 29: Italian "dalle 22.00 sino alle 5.00", Dutch "tot", Romanian "până la ora", "până mâine dimineață la" (two words between), Greek "έως", "μέχρι τις".
    // Session 30: Ukrainian and Russian "до", Vietnamese "đến", "tới".
    [GeneratedRegex(@"(?i)^\s*,?\s*(?:(?:on|w|we(?=\s+(?:wtor|śr))|v|ve)\s+[\w ,]{1,24}?\s+)?(?:(?:morning|afternoon|evening|night),?\s+)?(?:to|until|till|through(?:\s+to)?|à|a|hasta(?:\s+las?)?|(?:(?:fino|sino)\s+)?alle(?:\s+ore)?|bis|do(?:\s+godz(?:iny|\.))?|tot|până\s+(?:\p{L}+\s+){0,2}?la(?:\s+ora)?|(?:έως|εώς|μέχρι)(?:\s+τις)?|до|đến|tới)\s+(?:(?:about|around|approx(?:\.|imately)?|roughly|circa)\s+|~\s?)?$")]
    private static partial Regex SpanTo();

    [GeneratedRegex(@"(?i),\s*(?:and|then|but|while|before|after|which|when|so)?\b|;|\s(?:and|then|but|while|before|after|until|when|where|so)\s|\.\s")]
    private static partial Regex ClauseBreak();

    /// <summary>
    /// The zone in brackets at the end of the label that opens <paramref name="sentence"/> ("Time (PDT):", "- Start time (CET):",
    /// "Window [UTC]:"), when it is a zone; null otherwise, and at once when no bracket closes right before a colon.
    /// </summary>
    internal static string? LabelZone(string sentence) =>
        (sentence.Contains("):", StringComparison.Ordinal) || sentence.Contains("]:", StringComparison.Ordinal))
        && FieldLabelZone().Match(sentence) is { Success: true } m && ZoneAbbreviations.Lookup(m.Groups["z"].Value) is { Zone: not null }
            ? m.Groups["z"].Value
            : null;

    // A label of one to four words after any list or emphasis marks, then a zone in brackets, then the colon.
    [GeneratedRegex(@"^[\s*>#•-]{0,6}[A-Za-z][A-Za-z/-]*(?: [A-Za-z][A-Za-z/-]*){0,3} ?[(\[](?<z>[A-Za-z][A-Za-z0-9+:-]{0,9})[)\]]\**:")]
    private static partial Regex FieldLabelZone();

    // The "H:MM" of a clock's written text ("at 1:05", "1:05 UTC"), as written (a zero-padded hour stays padded); empty when none.
    private static string ClockOf(string raw)
    {
        var colon = raw.IndexOf(':');
        while (colon >= 0 && !(colon > 0 && colon + 2 < raw.Length && char.IsAsciiDigit(raw[colon - 1]) && char.IsAsciiDigit(raw[colon + 1]) && char.IsAsciiDigit(raw[colon + 2])))
        {
            colon = raw.IndexOf(':', colon + 1);
        }

        if (colon < 0)
        {
            return string.Empty;
        }

        var from = colon - 1 > 0 && char.IsAsciiDigit(raw[colon - 2]) ? colon - 2 : colon - 1;
        var to = colon + 3;
        return to < raw.Length && char.IsAsciiDigit(raw[to]) ? string.Empty : raw[from..to];
    }
}
