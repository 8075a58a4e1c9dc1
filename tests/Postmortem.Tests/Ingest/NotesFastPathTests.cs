using System.Text.RegularExpressions;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>The extractor's cheap paths (docs/benchmarks.md, thirteenth session) read what the patterns they stand for read.</summary>
public sealed class NotesFastPathTests
{
    // The heading pattern the hand reading replaced.
    private static readonly Regex HeadingPattern = new(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$", RegexOptions.None, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("# Title")]
    [InlineData("## Day 2 ##")]
    [InlineData("### 2023 November 1 12:34 UTC")]
    [InlineData("   ###   spaced   ###   ")]
    [InlineData("    # four spaces is code")]
    [InlineData("####### seven marks")]
    [InlineData("#no space")]
    [InlineData("# ")]
    [InlineData("#")]
    [InlineData("## #")]
    [InlineData("##\t#\t")]
    [InlineData("# C# and F# #")]
    [InlineData("# a # b")]
    [InlineData("#\u00a0non-breaking")]
    [InlineData("# line\nfeed")]
    [InlineData("# trailing feed\n")]
    [InlineData("# ## ##   ")]
    [InlineData("")]
    public void A_heading_is_read_where_its_pattern_reads_it(string line)
    {
        var m = HeadingPattern.Match(line);
        var found = NotesExtractor.TryHeading(line, out var index, out var length);
        Assert.Equal(m.Success, found);
        if (found)
        {
            Assert.Equal(m.Groups["text"].Index, index);
            Assert.Equal(m.Groups["text"].Value, line.Substring(index, length));
        }
    }

    [Fact]
    public void Random_lines_of_marks_and_spaces_are_read_as_the_heading_pattern_reads_them()
    {
        var random = new Random(13);
        const string alphabet = "# #\t a\n";
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 12)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            A_heading_is_read_where_its_pattern_reads_it(new string(chars));
        }
    }

    // The date or "around" before a clock is read only after a word that can end one (TimeScanner.MayEndPrefix).
    [Theory]
    [InlineData("The deploy went out at 14:05", 23, false, false)]
    [InlineData("Nov 24 at 14:05", 0, true, false)]
    [InlineData("Friday, November 24th at 14:05", 0, true, false)]
    [InlineData("On Tuesday at 14:05", 3, true, false)]
    [InlineData("2023-11-24T14:05", 0, true, false)]
    [InlineData("24 Sepember 14:05", 0, true, false)]
    [InlineData("24 Sepember at 14:05", 0, true, false)]
    [InlineData("paged around 14:05", 6, false, true)]
    [InlineData("checkout flat 14:05", 14, false, false)]
    [InlineData("xaround 14:05", 8, false, false)]
    [InlineData("rolled back at 14:05", 15, false, false)]
    public void A_date_or_around_before_a_clock_is_read_after_the_words_that_end_one(string text, int index, bool dated, bool approximate)
    {
        var time = Assert.Single(TimeScanner.FindAll(text));
        Assert.Equal(index, time.Index);
        Assert.Equal(dated, time.Date is not null || time.MonthDay is not null || time.Weekday is not null);
        Assert.Equal(approximate, time.Approximate);
    }

    [Theory]
    [InlineData("Two minutes later, the deploy went out.", true)]
    [InlineData("About 3 hours AFTER THAT we paged the team.", true)]
    [InlineData("Ten seconds afterwards: it failed again.", true)]
    [InlineData("The deploy went out and nobody noticed.", false)]
    public void A_relative_lead_in_is_read_only_with_its_closing_word(string sentence, bool read)
    {
        Assert.Equal(read, RelativeTime.Read(sentence) is not null);
    }

    // The clock's two patterns read as the one pattern they were cut from (TimeScanner.Clock, run by the interpreter here).
    private static readonly Regex WholeClock = new(TimeScanner.Clock, RegexOptions.None, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("went out at 14:05 UTC")]
    [InlineData("6a PT and 7p ET")]
    [InlineData("at 3p, paged @ 4a; from 1a to 1c")]
    [InlineData("10am PT, 2:15pm, 3p.m. ET, 11h LT, 0645 Thur morning 10/9, 1430Z, 1315hrs")]
    [InlineData("von 10:15 Uhr bis 11:40 Uhr; 10.40 IST; 6.51 pm; 10h50 local time")]
    [InlineData("at 9a-ish, at 9a to 10a, 12p UTC+2, 5a (US/Pacific), at 10a-11a")]
    [InlineData("2023-11-24T6a UTC x6a PT 6a:00 6aPT 6a\tPT 16a PT 13p ET 0a Z")]
    [InlineData("")]
    public void The_clock_patterns_find_what_the_whole_clock_pattern_finds(string text)
    {
        var whole = WholeClock.Matches(text).Select(m => (m.Index, m.Length)).ToList();
        Assert.Equal(whole, TimeScanner.ClockMatches(text).ToList());
        if (!TimeScanner.MayHaveOneLetterClock(text))
        {
            // The fast path runs the first pattern alone: then the second finds nothing.
            Assert.DoesNotMatch(TimeScanner.OneLetterClockPattern(), text);
            Assert.Equal(whole, DigitClocks(text));
        }
    }

    // The clock tried only where TimeScanner.ClockMayStartAt allows one to start finds what a scan of the pattern finds. One
    // exception by design: a capital H after one digit ("2H24", a half-year) starts no clock though the pattern would take it
    // (review29 F5; the pattern itself is at the JIT's block limit), so the texts here hold no capital H.
    private static readonly Regex WholeDigitClock = new(TimeScanner.ClockOfDigits, RegexOptions.None, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("- 14:05 Deploy went out; 5xx rate up at 14:07 ET, 2023-11-24T14:05Z")]
    [InlineData("1315hrs, 1430Z, 0520 UTC, 0645, Thur morning, 0645 Thur 10/9, 2023 November 2 14:05 UTC")]
    [InlineData("6.51 pm, 10.40 IST, 11.08 Uhr, 13.15hrs, 10h50, 11h LT, 10am, 10 PM, 10\u00a0PM, 10\tpm")]
    [InlineData("x14:05 _14:05 :14:05 .14:05 /14:05 T14:05 1T14:05 é14:05 (14:05) \u00a014:05 ١٤:٠٥ 14:٠٥ 123:45 12345 1:2")]
    [InlineData("14:05:59.5 UTC+2 – 15:10 PT; 14:05 UTC+123; 9:00 to 10:00 am; 23:59")]
    [InlineData("")]
    public void Clocks_are_tried_where_they_can_start_and_found_as_the_scan_finds_them(string text)
    {
        text = Regex.Unescape(text);
        Assert.Equal(WholeDigitClock.Matches(text).Select(m => (m.Index, m.Length)).ToList(), DigitClocks(text));
    }

    [Fact]
    public void Random_text_has_the_clocks_a_scan_of_the_pattern_finds()
    {
        string[] tokens =
        [
            "1", "6", "10", "12", "14", "23", "0645", "1315", "123", "12345", ":", "05", "59", ".", ",", "a", "A", "p", "P", "m", "M", "h", "hrs",
            " ", " ", "\t", "\u00a0", "-", "–", " to ", "UTC", "U", "GMT", "Z", "ET", "IST", "LT", "Uhr", "T", "x", "_", "/", "(", ")", "Thur",
            " morning", "10/9", "+2", "ish", "é", "١", "٤", "\u2028",
        ];
        foreach (var text in RandomTexts(29, tokens.Select(Regex.Unescape).ToArray(), 10))
        {
            Assert.Equal(WholeDigitClock.Matches(text).Select(m => (m.Index, m.Length)).ToList(), DigitClocks(text));
        }
    }

    private static List<(int Index, int Length)> DigitClocks(string text)
    {
        var found = new List<(int Index, int Length)>();
        for (var (index, length) = TimeScanner.NextClock(text, 0); index >= 0; (index, length) = TimeScanner.NextClock(text, index + length))
        {
            found.Add((index, length));
        }

        return found;
    }

    [Fact]
    public void Random_clock_text_is_found_as_the_whole_clock_pattern_finds_it()
    {
        string[] tokens =
        [
            "1", "6", "10", "12", "0645", "14", ":", "05", ".", "a", "p", "am", "pm", "m", "h", "hrs", " ", " ", ", ", "-", "–", " to ", " and ",
            "at ", "@", "@ ", "PT", "UTC", "Z", "ET", "LT", "Uhr", " bis ", "local time", "T", "x", "1c", "Thur", " morning", "10/9", "(", ")",
            "ish", "US/Pacific", "\t",
        ];
        foreach (var text in RandomTexts(17, tokens, 10))
        {
            The_clock_patterns_find_what_the_whole_clock_pattern_finds(text);
        }
    }

    // The sentence breaks, tried only after a sentence mark, read as the pattern scanned over the whole text reads them.
    private static readonly Regex WholeSentenceBreak = new(NotesExtractor.SentenceBreakPattern, RegexOptions.None, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("Deploy went out. The alert fired! Was it the cache? No.")]
    [InlineData("Paged at 9 a.m. Priya joined. See e.g. The runbook, approx. 5 min, vs. Dr. No.")]
    [InlineData("Oct. 12 was fine. Oct. The end. It broke on 17. August and 2. May need a restart. On 3. May at 10 it ran.")]
    [InlineData("went offline at 22:36 CET (game time.) The portal failed.) \"Quoted\" next.  [1] And (2) too.\tTab. 9 lives")]
    [InlineData("no break here.no space. lower case follows.\u00a0Nbsp start. ")]
    [InlineData("")]
    public void Sentence_breaks_are_found_where_the_pattern_finds_them(string text)
    {
        var whole = WholeSentenceBreak.Matches(text).Select(m => (m.Index, m.Length)).ToList();
        var found = new List<(int, int)>();
        for (var at = 0; NotesExtractor.NextSentenceBreak(text, at, out var index, out var length); at = index + length)
        {
            found.Add((index, length));
        }

        Assert.Equal(whole, found);
        for (var from = 0; from <= text.Length; from++)
        {
            // From any place, the next break is the pattern's first match from there (its lookbehinds see the text before it).
            var first = WholeSentenceBreak.Match(text, from);
            Assert.Equal(first.Success ? (first.Index, first.Length) : (-1, 0), NotesExtractor.NextSentenceBreak(text, from, out var i, out var l) ? (i, l) : (-1, 0));
        }
    }

    [Fact]
    public void Random_prose_breaks_into_sentences_as_the_pattern_breaks_it()
    {
        string[] tokens =
        [
            ".", ".", "!", "?", ")", "(", " ", " ", "  ", "\t", "\n", "\u00a0", "a.m.", "P.M.", "e.g", "i.e", "vs", "Dr", "U.S", "No", "Oct", "Sept",
            "Jan", "May", "March", "August", "12", "3", "2023", ":", "The", "the", "need", "at", "until", "\"", "'", "[", "x", "Z", "é",
        ];
        foreach (var text in RandomTexts(19, tokens, 12))
        {
            Sentence_breaks_are_found_where_the_pattern_finds_them(text);
        }
    }

    // The date pattern is not run on text its cheap test rules out (TimeScanner.HoldsNoDate): the pattern would find nothing there.
    private static readonly Regex WholeDate = new(TimeScanner.DateAlone, RegexOptions.None, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("Two minutes later, decision made to roll back.", true)]
    [InlineData("Back on Friday, as planned", false)]
    [InlineData("rolled back on FRIDAY", false)]
    [InlineData("fixed by March 3", false)]
    [InlineData("fixed on 3/4", false)]
    [InlineData("fixed on ٣/٤ (Arabic-Indic digits)", false)]
    [InlineData("", true)]
    public void A_date_is_looked_for_unless_the_text_cannot_hold_one(string text, bool skipped)
    {
        Assert.Equal(skipped, TimeScanner.HoldsNoDate(text));
        if (skipped)
        {
            Assert.DoesNotMatch(WholeDate, text);
        }
    }

    [Fact]
    public void Random_text_that_the_cheap_test_rules_out_holds_no_date()
    {
        string[] tokens =
        [
            "Mon", "mon", "day", "Tues", "Wed", "nes", "thu", "Thurs", "fri", "sat", "Sun", "sunday", "Jan", "May", "march", "Sept", "ember",
            "dec", "of", "the", "st", "nd", "th", " ", ", ", ".", "-", "/", "(", ")", "x", "é", "ſ", "\u212a", "1", "7", "2023", "T",
        ];
        foreach (var text in RandomTexts(23, tokens, 8).Where(TimeScanner.HoldsNoDate))
        {
            Assert.DoesNotMatch(WholeDate, text);
        }
    }

    // The date tried only where TimeScanner.DateMayStartAt allows one to start is the first the pattern's scan finds.
    [Theory]
    [InlineData("Deploy on 2023-11-24, 2023/11/24, 2022.03.28., 24.05.2019, 2021-Dec-15, 11-April-2017 and 2023 November 24")]
    [InlineData("Tuesday, Nov. 24th, 2023; 3rd of May; 17. August 2023; node 2. May need a restart; 3/4; 10/9/23")]
    [InlineData("xMay 3, _May 3, /May 3, é May 3, éMay 3, \u00a0May 3, ſat, \u212aelvin, ٢٠٢٣-١١-٢٤, 2023-١١-24")]
    [InlineData("Two minutes later, 5xx rates rose; 12345 and 123/4 are no dates; may be; Sunday")]
    [InlineData("")]
    public void A_date_is_tried_where_it_can_start_and_found_as_the_scan_finds_it(string text)
    {
        text = Regex.Unescape(text);
        var whole = WholeDate.Match(text);
        var first = TimeScanner.FirstDate(text);
        Assert.Equal(whole.Success, first is not null);
        Assert.Equal((whole.Index, whole.Length), (first?.Index ?? 0, first?.Length ?? 0));
    }

    [Fact]
    public void Random_text_has_the_first_date_a_scan_of_the_pattern_finds()
    {
        string[] tokens =
        [
            "2023", "11", "24", "3", "12345", "123", "-", "/", ".", ". ", ", ", " ", " ", "\t", "\u00a0", "Nov", "November", "may", "May", "MARCH",
            "sept", "Sept", "ember", "Tuesday", "tues", "Thu", "rs", "wed", "Sun", "sunday", "st", "nd", "rd", "th", "of ", "the ", "at ", "need",
            "x", "_", "(", ")", "T", "é", "ſ", "\u212a", "٣", "١١", "14:05",
        ];
        foreach (var text in RandomTexts(31, tokens.Select(Regex.Unescape).ToArray(), 9))
        {
            var whole = WholeDate.Match(text);
            var first = TimeScanner.FirstDate(text);
            Assert.True(whole.Success == first is not null && (whole.Index, whole.Length) == (first?.Index ?? 0, first?.Length ?? 0), text);
        }
    }

    [Theory]
    [InlineData("Priya Raman  9:14 PM\nthe checkout is down\nSam  9:15 PM\nlooking now", 2)]
    [InlineData("Priya Raman  9 PM.\nthe checkout is down\nSam  9.15 PM.\nlooking now", 0)]
    public void A_chat_paste_needs_headers_with_clocks(string notes, int events)
    {
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(2024, 3, 1), DefaultZone = DateTimeZone.Utc });
        Assert.Equal(events, result.Events.Count(e => e.Source == "chat"));
    }

    // 20,000 texts of one to fewer than maxTokens tokens, drawn with a fixed seed.
    private static IEnumerable<string> RandomTexts(int seed, string[] tokens, int maxTokens)
    {
        var random = new Random(seed);
        for (var n = 0; n < 20_000; n++)
        {
            yield return string.Concat(Enumerable.Range(0, random.Next(1, maxTokens)).Select(_ => tokens[random.Next(tokens.Length)]));
        }
    }
}
