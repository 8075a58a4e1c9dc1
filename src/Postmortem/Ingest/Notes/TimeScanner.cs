using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Postmortem.Ingest.Notes;

/// <summary>Finds times, ranges and dates in free text. Hand-written: no library reads incident prose.</summary>
/// <remarks>The forms are listed in docs/notes-format.md, "Times"; every form has rows in the test table.</remarks>
public static partial class TimeScanner
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<string> FullWeekdayNames = SearchValues.Create(FullWeekdays.Split('|'), StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ClockWords = SearchValues.Create(["noon", "midnight"], StringComparison.OrdinalIgnoreCase);

    // Words searched case-blind in every text or beside every clock (CaseBlindWord: not string.IndexOf, which upper-cases every
    // character under the project's invariant globalisation).
    private static readonly CaseBlindWord LasWord = new("las "), EsterdayWord = new("esterday"), NightWord = new("night"),
        LastEveningWord = new("last evening"), LastNightWord = new("last night"), YesterdayWord = new("yesterday");

    private static readonly string[] MonthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly HashSet<string> LeadWords = new(StringComparer.Ordinal)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
        "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday", "about", "around", "approx", "approximately", "circa", "roughly", "noon", "midnight",
    };

    private static readonly HashSet<string> DurationWords = new(StringComparer.Ordinal)
    {
        "for", "took", "take", "takes", "taking", "lasted", "last", "lasts", "lasting", "within", "after", "in", "over", "under",
        "than", "spent", "during", "of", "nearly", "almost", "another", "extra", "pendant", "durant",
    };

    // "aux alentours de 10h30", "à partir de", "autour de", "près de", "environ de", "por volta de": the word before "de" makes it a moment.
    private static bool AfterTimeLead(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        var word = before[(before.LastIndexOfAny(' ', '\t', '(') + 1)..];
        return word.Equals("alentours", StringComparison.OrdinalIgnoreCase) || word.Equals("partir", StringComparison.OrdinalIgnoreCase)
            || word.Equals("autour", StringComparison.OrdinalIgnoreCase) || word.Equals("près", StringComparison.OrdinalIgnoreCase)
            // Portuguese and Spanish "por volta de 11h05", "antes de 10h", "depois de 14h", "alrededor de 9h30": around, before, after.
            || word.Equals("volta", StringComparison.OrdinalIgnoreCase) || word.Equals("antes", StringComparison.OrdinalIgnoreCase)
            || word.Equals("depois", StringComparison.OrdinalIgnoreCase) || word.Equals("alrededor", StringComparison.OrdinalIgnoreCase);
    }

    // After a French "de" and hours: "de 10h à 12h", "de 10h-12h" is a span, "une coupure de 3h30" a length.
    private static bool SpanGoesOn(string text, int end)
    {
        var rest = text.AsSpan(end).TrimStart(' ');
        return rest.StartsWith("à ", StringComparison.Ordinal) || rest.StartsWith("a ", StringComparison.Ordinal) || (rest.Length > 0 && rest[0] is '-' or '–');
    }

    // The word sets looked up by a span of the text, so that no string is made of each word read.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadWordsBySpan = LeadWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // The words the prefix pattern can end in (lower case): a month (with "sepember", which Month's "sept?(?:ember)?" reads
    // too), a weekday, "around" and the like, "at", an ordinal's suffix and the "T" of "2023-11-24T14:05" (MayEndPrefix).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixWordsBySpan =
        new HashSet<string>(LeadWords.Concat(["sepember", "at", "st", "nd", "rd", "th", "t"]), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DurationWordsBySpan = DurationWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthKeysBySpan =
        new HashSet<string>(MonthKeys, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every zone abbreviation the scanner's pattern recognises, for the consistency test.</summary>
    public static IReadOnlyList<string> PatternAbbreviations { get; } =
        Zones.Replace(RegionTimes, string.Join('|', RegionTimeNames.Split('|').Select(n => n + " time")), StringComparison.Ordinal)
            .Split('|').Where(z => !z.Contains('[', StringComparison.Ordinal)).ToArray();

    /// <summary>Finds all times in <paramref name="text"/>, in order, skipping impossible clock readings.</summary>
    /// <param name="text">Text to scan.</param>
    /// <param name="invalid">Receives the raw text of clock-like matches that are not valid times (25:00).</param>
    public static IReadOnlyList<TimeExpression> FindAll(string text, List<string>? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The marks around the text's digits, read once for every pass that reads a clock beside a digit (TimeScanner.DigitMarks.cs).
        var marks = MarksOf(text);
        var clockWords = text.AsSpan().ContainsAny(ClockWords); // "noon", "midnight": read once, asked three times
        if (marks == DigitMarks.None && !clockWords && !LasWord.In(text) && !text.AsSpan().ContainsAny(NoonWords) && !MayHoldWordHour(text)
            && !NumberWordLeads.In(text))
        {
            return [];
        }

        var results = new List<TimeExpression>();

        foreach (Match iso in text.Contains('-', StringComparison.Ordinal) ? IsoPattern().Matches(text) : Enumerable.Empty<Match>())
        {
            if (ReadIso(iso) is { } expression)
            {
                results.Add(expression);
            }
        }

        if ((marks & DigitMarks.MailOffset) != 0) // MayHoldMailDate
        {
            AddMailDates(text, results);
        }

        AddEpochStamps(text, results); // "Unix timestamp 1718101200" (TimeScanner.Epoch.cs)
        AddAccessLogStamps(text, results); // "[12/May/2026:14:30:00 +0000]" (TimeScanner.LogStamps.cs)
        var isoCount = results.Count;
        if ((marks & DigitMarks.OneLetter) != 0) // MayHaveOneLetterClock
        {
            AddClocksOfBothPatterns(text, results, isoCount, invalid);
        }
        else
        {
            for (var (index, length) = NextClock(text, 0); index >= 0; (index, length) = NextClock(text, index + length))
            {
                AddClock(text, index, length, results, isoCount, invalid);
            }
        }

        if (clockWords)
        {
            AddClocks(text, ClockWordPattern().EnumerateMatches(text), results, isoCount, invalid);
        }

        AddClocksOfOtherLanguages(text, results, isoCount, invalid, marks);
        if (results.Count > isoCount && (text.Contains('-', StringComparison.Ordinal) || text.Contains('–', StringComparison.Ordinal)))
        {
            ReadElidedHourEnds(text, results); // "around 09:35-40 UTC" (TimeScanner.ElidedEnds.cs)
        }

        if ((marks & DigitMarks.Meridiem) != 0 && HasSpanJoin(text)) // MayHoldSharedMeridiem
        {
            AddSharedMeridiemSpans(text, results);
        }

        if ((marks & DigitMarks.Compact) != 0) // MayHoldCompactClock
        {
            AddCompactClocks(text, results); // "800am" (TimeScanner.EnglishDays.cs)
        }

        if (MayHoldWordHour(text))
        {
            AddEnglishWordHours(text, results); // "by six this morning"
        }

        if (MayHoldFourDigitSpan(text))
        {
            AddFourDigitSpans(text, results); // "between 0700 and 0900" (TimeScanner.FourDigitSpans.cs)
        }

        if (results.Count > 0 && clockWords)
        {
            ReadMinutesBefore(text, results); // "three minutes before midnight"
        }

        if (results.Count > 0 && HalfAfterClockWords.In(text))
        {
            ReadWrittenHalves(text, results); // "3:01-3:30 ng hapon", "11:00 مساء" (TimeScanner.NumberWords.cs)
        }

        if (results.Count > 0 && MayHoldEveningWord(text))
        {
            ReadEveningClocks(text, results);
        }

        if (results.Count > 0 && MayHoldStandingWindow(text))
        {
            DropStandingWindows(text, results); // "between 7-9am on Tuesday mornings" (TimeScanner.StandingWindows.cs)
        }

        if (results.Count < 2)
        {
            return results;
        }

        results.Sort((a, b) => a.Index.CompareTo(b.Index));

        // A time that starts inside the one before it is part of that one ("22:40 jun 2:40": the date's "2" is not a
        // second clock); overlapping times made the moment splitter cut a negative length (fuzz, notes).
        var end = 0;
        var kept = 0;
        for (var i = 0; i < results.Count; i++)
        {
            var t = results[i];
            if (t.Index >= end)
            {
                results[kept++] = t;
                end = t.Index + t.Length;
            }
        }

        results.RemoveRange(kept, results.Count - kept);
        if (results.Exists(r => r.DaysBack > 0))
        {
            CarryDaysBack(text, results); // "last evening around 8:30 PM and was stable by about 11:30 PM"
        }

        return results;
    }

    /// <summary>A cheap test that <paramref name="text"/> could begin with a time (a digit, "~", a month, a weekday, "around" …).</summary>
    public static bool MightStartWithTime(string text) => MightStartWithTime(text.AsSpan());

    /// <summary><see cref="MightStartWithTime(string)"/> of a span: no string made of a word to test.</summary>
    internal static bool MightStartWithTime(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[0]) || text[0] == '~')
        {
            return true;
        }

        var word = text[..Math.Min(text.Length, 13)];
        var letters = 0;
        while (letters < word.Length && char.IsAsciiLetter(word[letters]))
        {
            letters++;
        }

        return letters >= 3 && ContainsLowered(LeadWordsBySpan, word[..letters]);
    }

    /// <summary>True when <paramref name="word"/> in lower case (invariant) is one of <paramref name="words"/>, none longer than 32 characters.</summary>
    private static bool ContainsLowered(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words, ReadOnlySpan<char> word)
    {
        if (word.Length > 32)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return words.Contains(lower);
    }

    /// <summary>Finds a date written without a time (a heading, a "November 24, 2023" line, "Tuesday").</summary>
    public static WrittenDate? FindDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (HoldsNoDate(text))
        {
            return null;
        }

        return FirstDate(text) is { } m ? ReadDate(m, DateAtGroups) : null;
    }

    /// <summary>
    /// True when the only form of <see cref="Date"/> that <paramref name="text"/> can hold is a weekday's full name: every other
    /// form has a digit. Only said of ASCII text, where the pattern's <c>\d</c> is an ASCII digit and its case-insensitive names
    /// match nothing but their ASCII letters.
    /// </summary>
    private static bool MayHoldOnlyWeekdayDate(string text) => !text.AsSpan().ContainsAny(Digits) && System.Text.Ascii.IsValid(text);

    /// <summary>True when <paramref name="text"/> surely holds no match of <see cref="DateAlone"/>: the cheap test before it.</summary>
    internal static bool HoldsNoDate(string text) => MayHoldOnlyWeekdayDate(text) && !text.AsSpan().ContainsAny(FullWeekdayNames);

    /// <summary>True when the line holds a date and nothing else worth reading.</summary>
    public static bool IsDateOnlyLine(string line)
    {
        // Cheap rejections first: this runs on every line. A date line is short, has a digit and no clock.
        var span = line.AsSpan();
        if (span.Length > 80 || !span.ContainsAny(Digits))
        {
            return false;
        }

        for (var colon = span.IndexOf(':'); colon > 0; colon = span.Slice(colon + 1).IndexOf(':') is var next and >= 0 ? colon + 1 + next : -1)
        {
            if (colon + 1 < span.Length && char.IsAsciiDigit(span[colon - 1]) && char.IsAsciiDigit(span[colon + 1]))
            {
                return false;
            }
        }

        return DateOnlyLinePattern().IsMatch(line);
    }

    private static TimeExpression? ReadIso(Match m)
    {
        if (!TryDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value, out var date)
            || !TryClock(m.Groups["h"].ValueSpan, m.Groups["mi"].ValueSpan, m.Groups["s"].ValueSpan, [], out var time))
        {
            return null;
        }

        var z = m.Groups["off"].Value;
        Offset offset;
        if (z is "Z" or "z")
        {
            offset = Offset.Zero;
        }
        else
        {
            var sign = z[0] == '-' ? -1 : 1;
            var digits = z[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
            if (hours > 18 || minutes > 59)
            {
                return null;
            }

            offset = Offset.FromSeconds(sign * ((hours * 3600) + (minutes * 60)));
        }

        return new TimeExpression
        {
            Index = m.Index,
            Length = m.Length,
            Raw = m.Value,
            Date = date,
            Time = time,
            ZoneText = z,
            IsoOffset = offset,
        };
    }

    private static void AddClocks(string text, Regex.ValueMatchEnumerator matches, List<TimeExpression> results, int isoCount, List<string>? invalid)
    {
        foreach (var m in matches)
        {
            AddClock(text, m.Index, m.Length, results, isoCount, invalid);
        }
    }

    /// <summary>
    /// True unless <paramref name="text"/> surely holds no match of <see cref="OneLetterClockPattern"/>: every one starts with an
    /// ASCII digit followed by "a" or "p", and the character after that letter is never "m" (a zone's capital, a space or no word
    /// character). So "10am" and "2:15pm", the common forms, do not run the second pattern.
    /// </summary>
    internal static bool MayHaveOneLetterClock(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (text[i..].IndexOfAny(Digits) is var k and >= 0)
        {
            i += k + 1;
            if (i < text.Length && text[i] is 'a' or 'p' && (i + 1 == text.Length || text[i + 1] != 'm'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The matches of <see cref="Clock"/>, found with its two parts: the first match of either pattern at or after the end of the
    /// last, and at one place <see cref="ClockPatternAt"/>'s before <see cref="OneLetterClockPattern"/>'s (its forms come first in
    /// the alternation). The scans start mid-text, where the lookbehinds still see the text before them.
    /// </summary>
    internal static IEnumerable<(int Index, int Length)> ClockMatches(string text)
    {
        var at = 0;
        var first = (Index: -1, Length: 0);
        var second = (Index: -1, Length: 0);
        while (true)
        {
            if (first.Index < at)
            {
                first = NextClock(text, at) is { Index: >= 0 } clock ? clock : (int.MaxValue, 0);
            }

            if (second.Index < at)
            {
                second = FirstMatch(OneLetterClockPattern(), text, at);
            }

            var next = first.Index <= second.Index ? first : second;
            if (next.Index == int.MaxValue)
            {
                yield break;
            }

            yield return next;
            at = next.Index + next.Length;
        }
    }

    private static (int Index, int Length) FirstMatch(Regex pattern, string text, int at)
    {
        foreach (var m in pattern.EnumerateMatches(text, at))
        {
            return (m.Index, m.Length);
        }

        return (int.MaxValue, 0);
    }

    private static void AddClocksOfBothPatterns(string text, List<TimeExpression> results, int isoCount, List<string>? invalid)
    {
        foreach (var (index, length) in ClockMatches(text))
        {
            AddClock(text, index, length, results, isoCount, invalid);
        }
    }

    private static void AddClock(string text, int index, int length, List<TimeExpression> results, int isoCount, List<string>? invalid)
    {
        if (LeftAsDuration(text, index, index + length))
        {
            return;
        }

        var prefix = ReadPrefix(text, index);
        var start = prefix?.Index ?? index;
        var end = index + length;
        if (isoCount > 0 && Overlaps(results, isoCount, start, end))
        {
            return; // Already read as ISO 8601 with an offset.
        }

        var expression = Read(text, index, length, prefix);
        if (expression is null)
        {
            invalid?.Add(text[start..end].Trim());
            return;
        }

        results.Add(expression);
    }

    // "for 2h30", "took 1h45", "lasted approx. 2h30", "took 12.30hrs": hours after a word of duration are a length of time.
    private static bool LeftAsDuration(string text, int index, int end)
    {
        var h = index + 1;
        var hoursMark = h < text.Length && (text[h] is 'h' or 'H' || (++h < text.Length && text[h] is 'h' or 'H'));
        if (!hoursMark && !text.AsSpan(end).StartsWith("hrs", StringComparison.Ordinal))
        {
            return false;
        }

        var words = text.AsSpan(Math.Max(0, index - 24), Math.Min(index, 24)).TrimEnd();
        for (var n = 0; n < 2 && words.Length > 0; n++)
        {
            var space = words.LastIndexOfAny(' ', '\t', '(');
            var word = words[(space + 1)..].TrimEnd(".,~".AsSpan());
            if (ContainsLowered(DurationWordsBySpan, word) || (n == 0 && word.Equals("de", StringComparison.OrdinalIgnoreCase) && !SpanGoesOn(text, end) && !AfterTimeLead(words[..Math.Max(0, space)])))
            {
                return true;
            }

            words = space < 0 ? [] : words[..space].TrimEnd();
        }

        return false;
    }

    private static bool Overlaps(List<TimeExpression> results, int count, int start, int end)
    {
        for (var i = 0; i < count; i++)
        {
            if (start < results[i].Index + results[i].Length && results[i].Index < end)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWeekdayName(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return word.Length >= 3 && LeadWords.Contains(word.ToString().ToLowerInvariant()) && WeekdayOfName(word) is not null;
    }

    private static IsoDayOfWeek? WeekdayOfName(ReadOnlySpan<char> word) =>
        Array.IndexOf(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], word[..3].ToString().ToLowerInvariant()) >= 0 ? WeekdayOf(word.ToString()) : null;

    private static TimeExpression? Read(string text, int index, int length, Match? prefix)
    {
        var dayShift = 0;
        if (!ClockReader.TryRead(text.AsSpan(index, length), out var clock) && !TryReadEndOfDay(text.AsSpan(index, length), out clock, out dayShift))
        {
            return null;
        }

        WrittenDate? written = null;
        int? cjkStart = null;
        if (prefix is null && CjkMeridiemBefore(text, index) is { } meridiem)
        {
            clock = WithCjkMeridiem(clock, meridiem.Part); // "오후 3:10", "下午3:10" (TimeScanner.CjkDates.cs)
            cjkStart = meridiem.Start;
        }

        var end = index + length;
        string? zoneText = clock.ZoneLength > 0 ? text.Substring(index + clock.ZoneStart, clock.ZoneLength) : null;
        if (zoneText is null && end < text.Length && text[end] == ' ' && TryReadWrittenZone(text, end, out var writtenZone, out var zoneEnd))
        {
            // "6PM Pacific Daylight Time", "10 p.m. US-Central Time", "1:32 pm Pacific,": a zone written out in words.
            zoneText = writtenZone;
            end = zoneEnd;
        }

        if (zoneText is "GMT" or "UTC" && SpacedOffsetEnd(text, end) is > 0 and var offsetEnd)
        {
            // "(10 am GMT + 1)": an offset written with spaces round its sign, which the clock matcher leaves out of the zone.
            zoneText += string.Concat(text.AsSpan(end, offsetEnd - end).ToString().Where(c => c is '+' or '-' || char.IsAsciiDigit(c)));
            end = offsetEnd;
        }

        if (prefix is not null && prefix.Groups[PrefixGroups.Date].Success)
        {
            written = ReadDate(prefix, PrefixGroups);
            if (written is null)
            {
                return null;
            }

            if (clock.End is { } overnight && overnight < clock.Start && end + 2 < text.Length && text[end] == ' ' && text[end + 1] == '('
                && DateSuffixPattern().Match(text, end) is { Success: true } endDay && endDay.Value.EndsWith(')') && ReadDate(endDay, SuffixGroups) is { Weekday: not null })
            {
                end = endDay.Index + endDay.Length; // "Monday 14 Apr, 10pm - 1 am (Tuesday)": the end's day, told after the dated span.
            }
        }
        else if (CjkDateBefore(text, cjkStart ?? prefix?.Index ?? index, clock.Start) is { } cjk)
        {
            written = cjk.Date; // "9월 26일(금) 20:15경", "9月26日(金) 18:00" (TimeScanner.CjkDates.cs)
            cjkStart = cjk.Start;
        }
        else if (end < text.Length && text[end] is ' ' or ',' or '(' && MayBeDateAfter(text, end) && DateSuffixPattern().Match(text, end) is { Success: true } suffix
            && !(suffix.Value.EndsWith(')') && suffix.Groups[SuffixGroups.Us].Success) && ReadDate(suffix, SuffixGroups) is { } after)
        {
            // "At 07:00 on March 3", "18:20 on Mar 4th", "09:15 Tuesday": the date follows the clock. A weekday in brackets after a span
            // that crosses midnight names the end's day ("10pm - 1 am (Tuesday)"): the span starts the day before (session 35).
            written = after is { Weekday: { } endDay, Date: null, MonthDay: null } && clock.End is { } spanEnd && spanEnd < clock.Start && suffix.Value.EndsWith(')')
                ? after with { Weekday = endDay == IsoDayOfWeek.Monday ? IsoDayOfWeek.Sunday : endDay - 1 }
                : after;
            end = suffix.Index + suffix.Length;
        }

        var start = cjkStart ?? prefix?.Index ?? index;
        var daysBack = 0;
        if (written is null && end < text.Length && text[end] is ' ' or ',' && DaysBackSuffix().Match(text, end) is { Success: true } back
            && !(LeadsLine(text, index) && ClockAfter().IsMatch(text, back.Index + back.Length)))
        {
            // "5:00 PM yesterday", "at 11:40 last night": the day before the date in force ("at 2:30 last night": today's small hours).
            // (After a clock that leads its line, a day word with a clock after it is that clock's: "- 10:05 yesterday evening
            // around 8:15 the queue backed up" dates 8:15, not 10:05; "- 23:40 Yesterday - the queue stalled" dates 23:40.)
            end = back.Index + back.Length;
            (clock, daysBack) = InEveningBefore(back.ValueSpan, clock, text.AsSpan(index, length));
        }
        else if (written is null && start > 0 && text.AsSpan(Math.Max(0, start - 32), Math.Min(start, 32)) is var window
            && (EsterdayWord.In(window) || NightWord.In(window) || LastEveningWord.In(window))
            && DaysBackPrefix().Match(text, Math.Max(0, start - 32), Math.Min(start, 32)) is { Success: true } lead)
        {
            // "Yesterday at 17:00", "last night around 11:40 PM"
            start = lead.Index;
            (clock, daysBack) = InEveningBefore(lead.ValueSpan, clock, text.AsSpan(index, length));
        }
        else if (written is null && start > 0 && SentenceLedByDayBefore(text, start))
        {
            // "Last night the generators failed, and the network was lost from 7 p.m.": the sentence's lead dates it ("Last night
            // between 9:50 and 11:10": both clocks in the evening).
            var led = text.AsSpan(Math.Max(0, start - 160), Math.Min(start, 160));
            (clock, daysBack) = InEveningBefore(LastNightWord.In(led) ? "last night" : LastEveningWord.In(led) ? "last evening" : "yesterday", clock, text.AsSpan(index, length));
        }
        else if (written is null && TomorrowAround(text, ref start, ref end))
        {
            dayShift++; // "tomorrow morning at 7:00 a.m.", "at 10:00 tomorrow" (TimeScanner.EnglishDays.cs)
        }

        return new TimeExpression
        {
            DaysBack = daysBack,
            DayShift = dayShift,
            Index = start,
            Length = end - start,
            Raw = text[start..end].TrimEnd(),
            Date = written?.Date,
            MonthDay = written?.MonthDay,
            Weekday = written?.Weekday,
            DateAmbiguous = written?.Ambiguous ?? false,
            YearMissing = written?.MonthDay is not null,
            Time = clock.Start,
            EndTime = clock.End,
            ZoneText = zoneText,
            Approximate = (prefix?.Groups[PrefixGroups.Approx].Success ?? false) || clock.Ish,
            MeridiemIgnored = clock.MeridiemIgnored,
        };
    }

    // What stands at index leads its line: nothing but a bullet, a bracket or a cell bar before it ("- 23:40", "[23:40]", "| 23:40",
    // "(Tues, 5:00pm").
    private static bool LeadsLine(string text, int index)
    {
        for (var i = index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!(char.IsWhiteSpace(text[i]) || text[i] is '-' or '*' or '•' or '[' or '(' or '|' or '>' or '#'))
            {
                return false;
            }
        }

        return true;
    }

    // The sentence before a clock at start begins with "Last night" or "Yesterday" and holds no digit before the clock: at most 160
    // characters back, to the line's start or a sentence mark and a space.
    internal static bool SentenceLedByDayBefore(string text, int start)
    {
        // The lead lies within the 160 characters before the clock: without either words there, no scan back (docs/benchmarks.md,
        // twenty-first session).
        var window = text.AsSpan(Math.Max(0, start - 160), Math.Min(start, 160));
        if (!LastNightWord.In(window) && !YesterdayWord.In(window) && !LastEveningWord.In(window))
        {
            return false;
        }

        var from = start;
        while (from > 0 && start - from < 160 && text[from - 1] != '\n' && !(text[from - 1] is ' ' && from > 1 && text[from - 2] is '.' or '!' or '?'))
        {
            if (char.IsAsciiDigit(text[from - 1]))
            {
                return false;
            }

            from--;
        }

        if (start - from >= 160)
        {
            return false;
        }

        var lead = text.AsSpan(from, start - from).TrimStart();
        return (StartsWithWord(lead, "last night") || StartsWithWord(lead, "last evening") || StartsWithWord(lead, "yesterday")) && lead.Length > 10;
    }

    /// <summary>
    /// The end of an offset written with spaces after "GMT" or "UTC" at <paramref name="at"/> (" + 1", " - 5", " +5:30"), or 0: a sign,
    /// at most one space each side of it, one or two digits and optional minutes, then a closing bracket, a comma, a semicolon or
    /// the line's end, so that a span's end ("UTC - 10:30 UTC") or a length ("UTC - 5 minutes") is no offset.
    /// </summary>
    private static int SpacedOffsetEnd(string text, int at)
    {
        var i = at;
        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || text[i] is not ('+' or '-') || i == at)
        {
            return 0;
        }

        i++;
        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var digits = i;
        while (i < text.Length && i - digits < 2 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return 0;
        }

        if (i + 2 < text.Length && text[i] == ':' && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
        {
            i += 3;
        }

        return i == text.Length || text[i] is ')' or ',' or ';' or '\n' or '\r' ? i : 0;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetter(text[word.Length]));

    // Cheap test before the date-after-the-clock pattern: the next word (past "on", "the") is a number or a month or weekday name.
    private static bool MayBeDateAfter(string text, int i)
    {
        for (var words = 0; words < 3; words++)
        {
            while (i < text.Length && (text[i] is ' ' or ',' || (text[i] == '(' && words == 0)))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            if (char.IsAsciiDigit(text[i]))
            {
                return true;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            if (word.Length < 3)
            {
                if (!word.Equals("on", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                continue;
            }

            if (word.Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return ContainsLowered(MonthKeysBySpan, word[..3]) || ContainsLowered(LeadWordsBySpan, word);
        }

        return false;
    }

    // The date patterns' groups by number, each number taken once from the pattern (GroupNumberFromName; -1 for a group the pattern
    // lacks, which gives the same unsuccessful group a lookup by its name gives): a lookup by name searched the pattern's table of
    // names on every date read (docs/benchmarks.md, twenty-fourth session).
    private static readonly DateGroups DateAtGroups = DateGroups.Of(DatePatternAt());

    private static readonly DateGroups PrefixGroups = DateGroups.Of(PrefixPattern());

    private static readonly DateGroups SuffixGroups = DateGroups.Of(DateSuffixPattern());

    private static WrittenDate? ReadDate(Match m, DateGroups g)
    {
        if (m.Groups[g.Wd].Success)
        {
            return new WrittenDate(null, null, WeekdayOf(m.Groups[g.Wd].Value), false);
        }

        if (m.Groups[g.Dom].Success)
        {
            // "on the 4th": month 0 stands for the month of the date in force (WrittenDate.Resolve).
            return new WrittenDate(null, (0, int.Parse(m.Groups[g.Dom].ValueSpan, CultureInfo.InvariantCulture)), null, false);
        }

        var month = m.Groups[g.Mo].Success ? m.Groups[g.Mo].Value : MonthNumber(m.Groups[g.Mon].Value);
        if (month is null)
        {
            return null;
        }

        var dayText = m.Groups[g.D].Value;
        var ambiguous = false;
        if (m.Groups[g.Us].Success)
        {
            // Numeric dates are read month/day (US) unless the first number cannot be a month.
            var first = int.Parse(month, CultureInfo.InvariantCulture);
            var second = int.Parse(dayText, CultureInfo.InvariantCulture);
            if (first > 12 && second <= 12)
            {
                (month, dayText) = (dayText, month);
            }
            else
            {
                ambiguous = second <= 12 && first != second;
            }
        }

        if (!m.Groups[g.Y].Success)
        {
            var mo = int.Parse(month, CultureInfo.InvariantCulture);
            var d = int.Parse(dayText, CultureInfo.InvariantCulture);
            return mo is >= 1 and <= 12 && d is >= 1 and <= 31 ? new WrittenDate(null, (mo, d), null, ambiguous) : null;
        }

        var year = m.Groups[g.Y].Value;
        year = year.Length == 2 ? "20" + year : year;
        return TryDate(year, month, dayText, out var date) ? new WrittenDate(date, null, null, ambiguous) : null;
    }

    private readonly record struct DateGroups(int Wd, int Dom, int Mo, int Mon, int D, int Us, int Y, int Date, int Approx)
    {
        public static DateGroups Of(Regex pattern) => new(
            pattern.GroupNumberFromName("wd"), pattern.GroupNumberFromName("dom"), pattern.GroupNumberFromName("mo"), pattern.GroupNumberFromName("mon"),
            pattern.GroupNumberFromName("d"), pattern.GroupNumberFromName("us"), pattern.GroupNumberFromName("y"), pattern.GroupNumberFromName("date"),
            pattern.GroupNumberFromName("approx"));
    }

    private static IsoDayOfWeek WeekdayOf(string name) => name[..3].ToLowerInvariant() switch
    {
        "mon" => IsoDayOfWeek.Monday,
        "tue" => IsoDayOfWeek.Tuesday,
        "wed" => IsoDayOfWeek.Wednesday,
        "thu" => IsoDayOfWeek.Thursday,
        "fri" => IsoDayOfWeek.Friday,
        "sat" => IsoDayOfWeek.Saturday,
        _ => IsoDayOfWeek.Sunday,
    };

    private static string? MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        var key = name[..3].ToLowerInvariant();
        var index = Array.IndexOf(MonthKeys, key);
        return index < 0 ? null : (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryDate(string y, string mo, string d, out LocalDate date)
    {
        date = default;
        if (!int.TryParse(y, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(mo, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(d, CultureInfo.InvariantCulture, out var day)
            || year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1
            || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryClock(ReadOnlySpan<char> h, ReadOnlySpan<char> mi, ReadOnlySpan<char> s, ReadOnlySpan<char> ampm, out LocalTime time)
    {
        time = default;
        if (!int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hour))
        {
            return false;
        }

        var minute = mi.Length > 0 ? int.Parse(mi, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var second = s.Length > 0 ? int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        if (ampm.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = ampm[0] is 'p' or 'P';
            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new LocalTime(hour, minute, second);
        return true;
    }
}
