using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// The patterns: the clock, its suffix and the prefix read right-to-left before it, dates, and ISO 8601 stamps.
public static partial class TimeScanner
{
    private const string Month =
        @"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    /// <summary>The weekdays' full names, as an alternation (also the days a chat header names, ChatLines).</summary>
    internal const string FullWeekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private const string WeekdayName = @"(?i:" + FullWeekdays + @"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)";

    private const string Weekday = @"(?:" + WeekdayName + @"\.?,?\s+)?";

    // The short weekday names a writer puts before a clock ("Tues, 5:00pm", "Weds 2:43am"): never read alone, and in lower case only
    // those that are no English word ("the queue sat at 10:40", "wed at noon" are verbs); "MON", "SAT", "SUN" in capitals only
    // before a comma or a dot (a Ceph monitor, "MON 10:20"). Only where it opens its line (ReadPrefix): not "Mon-Fri 09:00".
    private const string ShortWeekdayName = @"(?-i:Mon|MON(?=[,.])|Tues?|TUES?|tues?|Weds?|WEDS?|Thu(?:rs?)?|THU(?:RS?)?|thu(?:rs?)?|Fri|FRI|fri|Sat|SAT(?=[,.])|Sun|SUN(?=[,.]))";

    /// <summary>The lower-case words of time that may follow a month's name or a day ("17. May at 10:00", "on the 4th until").</summary>
    internal const string WordsOfTimeAfterMonth = "at|on|of|in|from|to|until|till|through|and|between|around|about|by|um|von|bis|gegen|ab";

    // After a month's name: not a lower-case word that carries a clause on ("May need", "March on"), other than words of time.
    private const string NoClauseAfter = @"(?!\s+(?!(?:" + WordsOfTimeAfterMonth + @")\b)\p{Ll})";

    // The same, only after the months whose names are also English words ("2. May need a restart"); "17. August the data
    // centre …" is a date.
    private const string NoClauseAfterWordMonth = @"(?!(?<=(?i:\bmay|\bmarch))\s+(?!(?:" + WordsOfTimeAfterMonth + @")\b)\p{Ll})";

    private const string Date =
        @"(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2})" +
        // "2022.03.28.": year first with dots, as Hungarian, Chinese and Japanese write it (the trailing dot is Hungarian).
        @"|(?<y>\d{4})\.(?<mo>\d{1,2})\.(?<d>\d{1,2})\.?" +
        // "24.05.2019": day first with dots, as German, Czech and most of Europe write it (never month first).
        @"|(?<![\d.])(?<d>\d{1,2})\.(?<mo>\d{1,2})\.(?<y>\d{4})(?!\.\d)" +
        // "2021-Dec-15", "11-April-2017": a month name between dashes, year first or last.
        @"|(?<y>\d{4})-(?<mon>" + Month + @")-(?<d>\d{1,2})" +
        @"|" + Weekday + @"(?<d>\d{1,2})-(?<mon>" + Month + @")-(?<y>\d{4})" +
        @"|(?<y>\d{4})\s+(?<mon>" + Month + @")\s+(?<d>\d{1,2})" +
        @"|" + Weekday + @"(?<mon>" + Month + @")\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?" +
        @"|" + Weekday + @"(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Month + @")(?:,?\s+(?<y>\d{4}))?" +
        // "17. August": an ordinal dot after the day, as German writes it; but "node 2. May need a restart": a number ending a
        // sentence before a month's name that begins the next clause (a lower-case word after it, not one of time) is no date.
        @"|" + Weekday + @"(?<d>\d{1,2})\.\s+(?<mon>" + Month + @")" + NoClauseAfterWordMonth + @"(?:,?\s+(?<y>\d{4}))?" +
        @"|(?<us>(?<mo>\d{1,2})/(?<d>\d{1,2}))(?:/(?<y>\d{4}|\d{2}))?(?![\d/])" +
        @"|(?<wd>(?i:" + FullWeekdays + @"))";

    // The names read before "time" as a region's civil time (ZoneAbbreviations), whatever their case.
    private const string RegionTimeNames = "UK|NZ|New Zealand|Eastern|Central|Mountain|Pacific";

    // A country's or a US region's name before "time", as news and public notices write the clock for their readers: "about
    // 4pm NZ time", "after 7 p.m. Eastern time", "11am Pacific Time", "4pm New Zealand Time", "7:05 p.m. eastern time": either
    // case of the first letters, as writers capitalise them variously; only ever read right after a clock, so "central time" elsewhere is no zone.
    // Written with letter classes, not (?i:): a case-insensitive group cost the clock matcher the blocks it could not spare
    // (NotesPatternSizeTests).
    private const string RegionTimes = "(?:UK|NZ|New Zealand|[Ee]astern|[Cc]entral|[Mm]ountain|[Pp]acific) [Tt]ime";

    private const string Zones = ZoneAbbreviationsWritten + "|" + RegionTimes + ZoneIds;

    // The zones a lookahead checks after a bare hour or a dotted clock ("11h LT", "14.30 CET"): the region times only with
    // capitalised names, as before, to keep the clock matcher under the JIT's block limit.
    private const string ZonesAhead = ZoneAbbreviationsWritten + "|(?:UK|NZ|New Zealand|Eastern|Central|Mountain|Pacific) [Tt]ime" + ZoneIds;

    private const string ZoneAbbreviationsWritten =
        @"UTC[+-]\d{1,2}(?::?\d{2})?|GMT[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|UT|Z|ET|CT|MT|PT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST" +
        @"|WET|WEST|BST|CET|CEST|EET|EEST|MSK|IDT|IST|SGT|HKT|AWST|JST|KST|ACST|ACDT|AEST|AEDT|NZST|NZDT|AST";

    // An IANA id written beside the time, as Google's dashboards do ("06:20 US/Pacific").
    private const string ZoneIds =
        @"|(?:US|America|Europe|Asia|Australia|Africa|Pacific|Atlantic)/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?";

    // "pm", "p.m.", "PM"; one may run into the zone after it ("8:30amPT"): a lookahead for two capitals, not the zone list,
    // which halved the scanner's speed when it was written into each meridiem (docs/benchmarks.md).
    private const string Meridiem = @"(?i:[ap]\.?m)(?:\b|(?=[A-Z]{2}))\.?";

    // The clock and what follows it. Matching starts at the clock (a digit, "noon" or "midnight"), which keeps
    // the scan fast; the optional date or "around" written before it is read right-to-left from there.
    private const string ClockSuffix =
        @"(?!\d|:\d)" +
        // "von 10:15 Uhr bis 11:40 Uhr": German "bis" (until), and an "Uhr" on the start before it.
        // "14:54〜15:14": a wave dash (〜, U+301C) or a full-width tilde (～, U+FF5E) joins a range in Japanese and Chinese text.
        // So does an ASCII tilde right after the first clock, as Korean and Japanese keyboards type it ("15:10~16:20"); one after a
        // space is "about" ("09:00 ~09:30").
        @"(?:(?:\s*[-–—〜～]\s*|~\s?|(?:\s?Uhr)?\s+(?i:to|until|till|through|bis)\s+)" +
        @"(?:(?<h2>\d{1,2}):(?<mi2>\d{2})(?::\d{2})?(?:\s?(?<ap2>" + Meridiem + @"))?|(?<h2>\d{1,2})\.(?<mi2>\d{2})\s?(?<ap2>" + Meridiem + @")|(?<h2>\d{1,2})\s?(?<ap2>" + Meridiem + @")|(?<h2>[01]?\d|2[0-3])[hH](?<mi2>[0-5]\d))(?!\d|:\d))?" +
        @"(?<ish>(?i:-?ish)\b)?" +
        // A zone, or "LT" (local time, as French and aviation write it: "10h50 LT"), which names none.
        @"(?:\s?\(?(?<z>(?:" + Zones + @")(?![A-Za-z])|[+-]\d{2}:?\d{2}(?!\d))\)?|\s?(?:LT|local time)(?![A-Za-z]))?";

    // The clock and what follows it. Matching starts at the clock's first digit, which keeps the scan fast
    // (a vectorised search for digits); the optional date or "around" written before it is read right-to-left.
    // The forms are two patterns, tried as one (TimeScanner.AddClocks): as a single alternation the generated matcher grew
    // past the JIT's limit of 2,000 basic blocks, which compiles a method without optimisation, and the scan of every line
    // slowed by a fifth (docs/benchmarks.md, seventeenth session). NotesFastPathTests compares the two with Clock.
    private const string ClockStart = @"(?<=^|[^\w:./]|\dT)";

    private const string ClockForms =
        @"(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?(?:\s?(?<ap>" + Meridiem + @"))?" +
        // "6.51 pm": a dotted clock only with its meridiem, so that "3.5" or "1.10" stay numbers.
        @"|(?<h>\d{1,2})\.(?<mi>\d{2})\s?(?<ap>" + Meridiem + @")" +
        // "10.40 IST", "11.08 Uhr", "13.15hrs": a dotted 24-hour clock with a zone, "Uhr" or "hrs" written right after it;
        // with "hrs" only a two-digit hour, so that "1.25hrs" stays a length ("took 12.30hrs" is left out in code, LeftAsDuration).
        @"|(?<h>[01]?\d|2[0-3])\.(?<mi>[0-5]\d)(?=\s?(?:" + ZonesAhead + @")(?![A-Za-z])|\s?Uhr\b)" +
        @"|(?<h>[01]\d|2[0-3])\.(?<mi>[0-5]\d)(?=hrs\b)" +
        // "1315hrs": four digits glued to "hrs".
        @"|(?<h>[01]\d|2[0-3])(?<mi>[0-5]\d)(?=hrs\b)" +
        @"|(?<h>\d{1,2})\s?(?<ap>" + Meridiem + @")" +
        // "10h50", French-style hours: not a duration ("2h30 of downtime"; "for 2h30" is left out in code, LeftAsDuration).
        // "08H40": the French press (AFP) writes the h as a capital; only with two digits of hours (ClockMayStartAt: "2H24", "1H25"
        // are halves of a year in planning shorthand) and of minutes.
        @"|(?<h>[01]?\d|2[0-3])[hH](?<mi>[0-5]\d)(?![\p{L}\d])(?!\s(?i:of|later|ago|long|left)\b)" +
        // "11h LT", "7h UTC": a bare hour only with the zone written after it.
        @"|(?<h>[01]?\d|2[0-3])h(?=\s?(?:LT|" + ZonesAhead + @")(?![A-Za-z]))" +
        // "0520 UTC", "1430Z": four digits, military style, only with UTC, GMT or Z written right after them.
        @"|(?<h>[01]\d|2[0-3])(?<mi>[0-5]\d)(?=\s?(?:UTC|GMT|Z)(?![\w+-]))" +
        // "0645 Thur morning 10/9": four digits before a weekday and a part of the day or a date, as a log or a shift note writes.
        @"|(?<h>[01]\d|2[0-3])(?<mi>[0-5]\d)(?=,?\s+" + WeekdayName + @"\.?,?\s+(?:(?i:morning|afternoon|evening|night)\b|\d{1,2}/\d{1,2}(?![\d/])))";

    // "6a PT", "at 3p": a one-letter meridiem, only with a zone after it or "at"/"@" before it; and not when a token of a
    // digit and a letter follows ("from 1a to 1c", "at 1a to 1c": zones or racks, not clocks). Tried after ClockForms.
    private const string OneLetterClockForms =
        @"(?<h>1[0-2]|0?[1-9])(?<ap>[ap])(?=\s?(?:" + ZonesAhead + @")(?![A-Za-z]))" +
        @"|(?<=(?i:\bat\s)|@\s?)(?<h>1[0-2]|0?[1-9])(?<ap>[ap])(?![\w'’-])(?!\s+(?i:to|and|or|[-–])\s+\d{1,2}\p{L})" +
        // "between 6a on 10/10 and 3p 10/17", "[UPDATED 11a 5/24/2020]": or with a month/day date right after it and a word of time
        // before it (not "step 4a 3/5").
        @"|(?<=(?i:\b(?:between|and|until|till|to|from|since|by|after|before|updated?)\s))(?<h>1[0-2]|0?[1-9])(?<ap>[ap])(?=\s(?:(?i:on)\s)?(?:1[0-2]|0?[1-9])/(?:[12][0-9]|3[01]|0?[1-9])(?:/(?:[0-9]{4}|[0-9]{2}))?(?![0-9/]))";

    /// <summary>The clock as one pattern: what <see cref="ClockPatternAt"/> and <see cref="OneLetterClockPattern"/> find together.</summary>
    internal const string Clock = ClockStart + "(?:" + ClockForms + "|" + OneLetterClockForms + ")" + ClockSuffix;

    // "noon" and "midnight": a separate pattern, run only on text that contains one of the words.
    private const string ClockWord = @"(?<nm>(?i:\bnoon|\bmidnight)\b)" + ClockSuffix;

    // What may stand right before a clock: "around", "~", and a date with its separator ("Nov 24 at ", "2023-11-24T").
    private const string Prefix =
        @"(?<approx>~\s?|(?i:about|around|approx(?:\.|imately)?|circa|roughly)\s+)?" +
        // "20080209 23:59": a compact year-month-day, read only right before a clock.
        // "Tues, 5:00pm", "Weds 2:43am", "Thurs. 9:30pm": a short weekday name, read only right before a clock (session 35).
        @"(?:(?<date>" + Date + @"|(?<y>(?:19|20)\d{2})(?<mo>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])|(?<![\p{L}])(?<wd>" + ShortWeekdayName + @")\.?)(?:T|,?\s+(?:(?i:at)\s+)?|\s*[@-]\s*)(?<approx>~\s?)?)?$";

    [GeneratedRegex(@"(?<![\w])(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s?(?<off>Z|[+-]\d{2}(?::?\d{2})?)(?![\w])")]
    private static partial Regex IsoPattern();

    /// <summary>The clock's forms but the one-letter meridiems: what <see cref="ClockPatternAt"/> finds, scanned by <see cref="NextClock"/>.</summary>
    internal const string ClockOfDigits = ClockStart + "(?:" + ClockForms + ")" + ClockSuffix;

    // Anchored (\G): tried only where a clock can start (TimeScanner.NextClock), as one scan of the pattern would find it.
    [GeneratedRegex(@"\G" + ClockOfDigits)]
    internal static partial Regex ClockPatternAt();

    [GeneratedRegex(ClockStart + "(?:" + OneLetterClockForms + ")" + ClockSuffix)]
    internal static partial Regex OneLetterClockPattern();

    [GeneratedRegex(ClockWord)]
    private static partial Regex ClockWordPattern();

    [GeneratedRegex(Prefix, RegexOptions.RightToLeft)]
    private static partial Regex PrefixPattern();

    /// <summary>A date written alone in text (<see cref="FindDate"/>), for the test of its cheap path (<see cref="HoldsNoDate"/>).</summary>
    internal const string DateAlone = @"(?<![\w/])(?:" + Date + @")(?![\w/])";

    // Anchored (\G): tried only where a date can start (TimeScanner.FirstDate), as one scan of DateAlone would find it.
    [GeneratedRegex(@"\G" + DateAlone)]
    private static partial Regex DatePatternAt();

    // "at 07:00 on March 3"; "until 16:48 UTC (2021-Dec-15)": a date in brackets right after the clock (not a bare "3/4").
    [GeneratedRegex(@"\G,?\s+(?:(?i:on)\s+)?(?:(?i:the)\s+)?(?:" + WeekdayName + @"\.?\s+(?i:morning|afternoon|evening|night),?\s+|" + WeekdayName + @"\.?,?\s+(?=\d))?(?:" + Date + @")(?![\w/])|\G\s?\((?:" + Date + @")\)" +
        // "from about 5 PM on the 4th to 10:46 on the 5th": a day of the month in force (not "on the 4th attempt").
        @"|\G,?\s+(?i:on\s+the)\s+(?<dom>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)\b" + NoClauseAfter +
        // "on the 2nd of May" is a date; "on the 2nd of the three hosts" is not.
        @"(?!\s+(?i:of)\s+(?!" + Month + @"(?!\p{L})))")]
    private static partial Regex DateSuffixPattern();

    // A clock later in the sentence, within forty characters: "yesterday evening around 8:15".
    [GeneratedRegex(@"\G[^.\n!?]{0,40}?\b[0-9]{1,2}(?::[0-9]{2}|\s?(?i:[ap]\.?m)\b)")]
    private static partial Regex ClockAfter();

    // Not a possessive: "10:05 last night's alert was a false alarm" tells of last night's alert at 10:05 (review34 F3).
    [GeneratedRegex(@"\G,?\s+(?i:yesterday(?:\s(?:morning|afternoon|evening))?|last\s+(?:night|evening))\b(?!['’])")]
    private static partial Regex DaysBackSuffix();

    [GeneratedRegex(@"(?<![\w])(?i:yesterday(?:\s(?:morning|afternoon|evening))?|last\s+(?:night|evening))(?:,?\s+(?i:at|around|about|from|by|between))?,?\s+~?$")]
    private static partial Regex DaysBackPrefix();

    [GeneratedRegex(@"^[\s#*_>\-]*(?:" + Date + @")[\s*_:.\-]*$")]
    private static partial Regex DateOnlyLinePattern();
}
