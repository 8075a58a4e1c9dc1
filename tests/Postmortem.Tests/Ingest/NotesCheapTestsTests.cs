using System.Buffers;
using System.Reflection;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The cheap tests of the twenty-first session (docs/benchmarks.md) answer as what they stand in for: the word searches split
/// (<see cref="WordSearch"/>) as one search of all the words, the header row's words before the seven header patterns, the window
/// before the backward scan for "Last night"/"Yesterday", and the first word of a zone written out before the longer names.
/// Random text of tokens that meet the words' edges, with "ı", "ſ", the Kelvin sign, "ł", "ó", "ů" and white space outside ASCII.
/// </summary>
public sealed class NotesCheapTestsTests
{
    private static readonly string[] Tricky = [" ", "\t", "\u00a0", "ı", "ſ", "\u212a", "ł", "Ł", "ó", "Ó", "ů", "é", "x", "-", ".", ",", "1", "7", ":", "\n"];

    private static string RandomText(Random random, string[] tokens, int most = 12) =>
        string.Concat(Enumerable.Range(0, random.Next(0, most)).Select(_ => random.Next(3) == 0 ? Tricky[random.Next(Tricky.Length)] : tokens[random.Next(tokens.Length)]));

    // Pieces of the words (so that they form, nearly form and cross each other) and words of prose.
    private static string[] Pieces(IEnumerable<string> words) =>
        words.SelectMany(w => new[] { w, w.ToUpperInvariant(), w[..(w.Length / 2)], w[(w.Length / 2)..], w[..1].ToUpperInvariant() + w[1..] })
            .Concat(["the", "more ", "before", "minutes", "mitigation", "immediately", "Deploy", "las", "la", "una", "kl", "K", "S"]).ToArray();

    public static TheoryData<string[]> WordLists() => new()
    {
        TimeScanner.WordHourMarks.Words.ToArray(),
        new[] { "poledn", "mittag", "mitternacht", "mediod", "medianoche", "mezzo", "mezza", "meio-dia", "meia-noite", "midnatt", "połud", "półno", "půlno" },
        TimeScanner.SpanishHourLeads.Words.ToArray(),
        new[] { "a", "by", "kl", "abc", "ſit", "ore ", "zoo", "kelvin", "więcej" },
    };

    [Theory]
    [MemberData(nameof(WordLists))]
    public void The_split_word_search_finds_what_one_search_finds(string[] words)
    {
        var search = new WordSearch(words);
        var one = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
        var tokens = Pieces(words);
        var random = new Random(21);
        for (var n = 0; n < 30_000; n++)
        {
            var text = RandomText(random, tokens);
            Assert.True(text.AsSpan().ContainsAny(one) == search.In(text), $"'{text}'");
        }
    }

    [Fact]
    public void The_spanish_leads_are_found_as_the_two_searches_found_them()
    {
        var tokens = Pieces(["las ", "la una", "LAS", "la", "s ", "una"]);
        var random = new Random(22);
        for (var n = 0; n < 30_000; n++)
        {
            var text = RandomText(random, tokens);
            var two = text.Contains("las ", StringComparison.OrdinalIgnoreCase) || text.Contains("la una", StringComparison.OrdinalIgnoreCase);
            Assert.True(two == TimeScanner.SpanishHourLeads.In(text), $"'{text}'");
        }
    }

    // TimeScanner.SentenceLedByDayBefore before its window test.
    private static bool LedByDayBeforeScan(string text, int start)
    {
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
        return (StartsWithWord(lead, "last night") || StartsWithWord(lead, "yesterday")) && lead.Length > 10;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetter(text[word.Length]));

    [Theory]
    [InlineData("Last night the generators failed, and the network was lost from 7 p.m.")]
    [InlineData("Yesterday we paged the team at 17:00")]
    [InlineData("We paged the team at 17:00")]
    [InlineData("Yesterdays 17:00")]
    public void The_day_before_lead_is_found_as_the_scan_found_it(string text)
    {
        for (var start = 0; start <= text.Length; start++)
        {
            Assert.Equal(LedByDayBeforeScan(text, start), TimeScanner.SentenceLedByDayBefore(text, start));
        }
    }

    [Fact]
    public void Random_text_is_led_by_the_day_before_as_the_scan_found_it()
    {
        string[] tokens =
        [
            "Last night", "last", "night", "LAST NIGHT", "Yesterday", "yesterday", "YESTER", "day", "ſ", "Yeſterday", ". ", "! ", "?",
            " the team paged", "lost from ", new string('x', 70), new string('y', 100), "7 p.m.", "at ", "17:00",
        ];
        var random = new Random(23);
        for (var n = 0; n < 20_000; n++)
        {
            var text = RandomText(random, tokens, 16);
            var start = random.Next(text.Length + 1);
            Assert.True(LedByDayBeforeScan(text, start) == TimeScanner.SentenceLedByDayBefore(text, start), $"'{text}' at {start}");
        }
    }

    private static readonly Dictionary<string, string> WrittenZoneNames = (Dictionary<string, string>)typeof(TimeScanner)
        .GetField("WrittenZoneNames", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    // TimeScanner.TryReadWrittenZone before its first-word test.
    private static bool ReadWrittenZoneEveryWord(string text, int end, out string zone, out int zoneEnd)
    {
        zone = string.Empty;
        zoneEnd = end;
        if (end + 3 >= text.Length || text[end] != ' ' || !char.IsAsciiLetter(text[end + 1]))
        {
            return false;
        }

        var stop = Math.Min(text.Length, end + 1 + 48);
        var key = string.Empty;
        var i = end + 1;
        if (i + 3 < stop && (text[i] is 'U' or 'u') && (text[i + 1] is 'S' or 's') && text[i + 2] is '-' or ' ')
        {
            i += 3;
        }

        for (var words = 0; words < 5 && i < stop; words++)
        {
            var start = i;
            while (i < stop && (char.IsAsciiLetter(text[i]) || (text[i] == '-' && i > start)))
            {
                i++;
            }

            if (i == start || key.Length + (i - start) + 1 > 48)
            {
                break;
            }

            key = (key.Length > 0 ? key + " " : key) + text[start..i].ToLowerInvariant();
            if (WrittenZoneNames.TryGetValue(key, out var found) && (words > 0 || i == text.Length || text[i] is ',' or '.' or ';' or ':' or ')' or ']' or '!' or '?' or '\n' or '\r'))
            {
                zone = found;
                zoneEnd = i;
            }

            if (i >= stop || text[i] != ' ')
            {
                break;
            }

            i++;
        }

        return zoneEnd > end;
    }

    [Fact]
    public void Random_text_has_a_zone_written_out_as_every_word_read_found_it()
    {
        var tokens = WrittenZoneNames.Keys.SelectMany(k => k.Split(' ')).Distinct()
            .SelectMany(w => new[] { w, w.ToUpperInvariant(), w[..1].ToUpperInvariant() + w[1..], w[..(w.Length / 2)] })
            .Concat([" ", " ", " ", "US-", "US ", "us", "Station", "Deploy", "time", "Time", "]", "-"]).ToArray();
        var random = new Random(24);
        for (var n = 0; n < 30_000; n++)
        {
            var text = "14:05" + RandomText(random, tokens, 14);
            var expected = ReadWrittenZoneEveryWord(text, 5, out var zone, out var zoneEnd);
            Assert.True(expected == TimeScanner.TryReadWrittenZone(text, 5, out var actualZone, out var actualEnd), $"'{text}'");
            Assert.Equal((zone, zoneEnd), (actualZone, actualEnd));
        }
    }

    [Fact]
    public void A_cell_without_a_header_word_names_no_column()
    {
        string[] tokens =
        [
            "time", "Time", "TIMESTAMP", "when", "date", "Date/Time", "day", "status", "state", "phase", "stage", "milestone", "event",
            "what", "description", "details", "summary", "action", "update", "message", "happened", "source", "tool", "channel",
            "system", "actor", "who", "owner", "person", "by", "kind", "type", "category", "ti", "me", "da", "te", "b", "y", "(UTC)",
            "14:05", "Deploy", "Slack", "On-call", "*", "#", "/", " and ", "_", "2", "s", "-",
        ];
        var random = new Random(25);
        for (var n = 0; n < 20_000; n++)
        {
            var cell = RandomText(random, tokens, 6);
            if (!TableState.MayNameColumn(cell))
            {
                Assert.Equal(new TableState(-1, -1, -1, -1, -1, -1, -1, null), TableState.FromHeaderCells([cell]));
            }
        }
    }

    [Fact]
    public void Random_rows_name_the_columns_the_patterns_name()
    {
        string[] cells = ["Time (UTC)", "When", "Date", "Day", "Status", "Event", "What happened", "Source", "Who", "Kind", "14:05", "Deploy went out", "Slack", "On-call", "", "ſtatus", "\u212aind", "Tıme"];
        var random = new Random(26);
        for (var n = 0; n < 5_000; n++)
        {
            var row = Enumerable.Range(0, random.Next(1, 6)).Select(_ => cells[random.Next(cells.Length)]).ToList();
            Assert.Equal(TableState.FromHeaderCells(row), TableState.FromHeader(row));
        }
    }
}
