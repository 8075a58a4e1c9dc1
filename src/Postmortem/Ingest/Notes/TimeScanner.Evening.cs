using System.Text.RegularExpressions;

namespace Postmortem.Ingest.Notes;

// A 12-hour clock written without a meridiem after words of the evening in its sentence: "This evening 4/11/2008 at 11:26 the
// facility lost power", "Tonight, at 10:00, …". The words say the afternoon half, as "p.m." would. A clock right before "tonight"
// ("at 9:15 tonight") is only marked here (session 26): ExtractionRun.Add reads it in the evening outside a chat, where a message
// posted after midnight means the evening before and the chat reading places it by the messages' own clocks.
public static partial class TimeScanner
{
    [GeneratedRegex(@"(?i)\b(?:this\s(?:evening|afternoon)|tonight)\b")]
    private static partial Regex EveningWordPattern();

    // The words, case-blind, in one search (three searches before the twenty-third session).
    private static readonly System.Buffers.SearchValues<string> EveningWords =
        System.Buffers.SearchValues.Create(["evening", "tonight", "afternoon"], StringComparison.OrdinalIgnoreCase);

    private static bool MayHoldEveningWord(string text) => text.AsSpan().ContainsAny(EveningWords);

    // A clock without a meridiem after the words in its sentence (no sentence mark between, at most 80 characters), of the hours
    // the words can mean (InHalf), is in the afternoon half.
    private static void ReadEveningClocks(string text, List<TimeExpression> results)
    {
        foreach (Match word in EveningWordPattern().Matches(text))
        {
            for (var i = 0; i < results.Count; i++)
            {
                var t = results[i];
                var before = t.Index >= word.Index + word.Length && t.Index - word.Index <= 80
                    && text.AsSpan(word.Index, t.Index - word.Index).IndexOfAny('.', ';', '\n') < 0;
                if (before && InHalf(word.ValueSpan, t.Time.Hour) && t.EndTime is null && t.IsoOffset is null && !HasMeridiem(t.Raw))
                {
                    results[i] = t with { Time = t.Time.PlusHours(12) };
                }
                else if (word.Length == 7 && t.Index + t.Length <= word.Index && word.Index - (t.Index + t.Length) <= 2
                    && text.AsSpan(t.Index + t.Length, word.Index - (t.Index + t.Length)).IsWhiteSpace()
                    && InHalf(word.ValueSpan, t.Time.Hour) && t.EndTime is null && t.IsoOffset is null && !HasMeridiem(t.Raw))
                {
                    results[i] = t with { TonightAfter = true }; // "at 9:15 tonight": read by ExtractionRun.Add outside a chat
                }
            }
        }
    }

    // The hours the words can mean in the afternoon half: "this evening" 1 to 11, "this afternoon" 1 to 7, "tonight" 6 to 11
    // ("tonight at 1:30" is more likely after midnight).
    private static bool InHalf(ReadOnlySpan<char> word, int hour) =>
        word.EndsWith("evening", StringComparison.OrdinalIgnoreCase) ? hour is >= 1 and <= 11
        : word.EndsWith("afternoon", StringComparison.OrdinalIgnoreCase) ? hour is >= 1 and <= 7
        : hour is >= 6 and <= 11;

    // The clock and the days back of a day word of the day before (review33 F21, review34 F3): "last night" with a clock of the small
    // hours is today's ("at 2:30 last night", "at 12:30 last night" is 00:30) and with six to eleven without am/pm the evening's
    // ("at 9:50 last night" is 21:50 the day before); "last evening" and "yesterday evening" take one to eleven in the afternoon half,
    // "yesterday afternoon" one to seven. A clock written with a leading zero ("09:50") is a 24-hour clock.
    private static (ClockReader.Clock Clock, int DaysBack) InEveningBefore(ReadOnlySpan<char> words, ClockReader.Clock clock, ReadOnlySpan<char> raw)
    {
        var trimmed = raw.Trim();
        var night = words.Contains("night", StringComparison.OrdinalIgnoreCase);
        var hour = clock.Start.Hour;
        var meridiem = HasMeridiem(trimmed.ToString());
        if (night && hour < 6)
        {
            return (clock, 0);
        }

        if (meridiem || hour == 0 || trimmed.StartsWith("0") || (hour > 12) || (hour == 12 && !night))
        {
            return (clock, 1);
        }

        if (hour == 12)
        {
            return (clock with { Start = clock.Start.PlusHours(-12) }, 0); // "12:30 last night": just after midnight
        }

        var half = night ? hour is >= 6 and <= 11
            : words.Contains("evening", StringComparison.OrdinalIgnoreCase) ? hour is >= 1 and <= 11
            : words.Contains("afternoon", StringComparison.OrdinalIgnoreCase) && hour is >= 1 and <= 7;
        if (!half)
        {
            return (clock, 1);
        }

        // "Last night between 9:50 and 11:10": the window's end is in the same evening when its hour follows the start's
        // ("between 10:30 and 1:15" crosses midnight and keeps 1:15).
        // An end at 12 after an evening start is just after midnight ("last night 10:00-12:30", review35).
        var end = clock.End is { } until && until.Hour is >= 1 and < 12 && until.Hour >= hour ? until.PlusHours(12)
            : clock.End is { Hour: 12 } midnight && hour + 12 >= 18 ? midnight.PlusHours(-12) : clock.End;
        return (clock with { Start = clock.Start.PlusHours(12), End = end }, 1);
    }

    // "11:26 pm", "10PM", "9 a.m.", "11a": a meridiem written after a digit.
    private static bool HasMeridiem(string raw)
    {
        for (var i = 1; i < raw.Length; i++)
        {
            var k = i + 1 < raw.Length && raw[i + 1] == '.' ? i + 2 : i + 1;
            if (char.ToLowerInvariant(raw[i]) is 'a' or 'p' && (k >= raw.Length || char.ToLowerInvariant(raw[k]) == 'm' || !char.IsLetter(raw[k])))
            {
                var j = i - 1;
                while (j > 0 && raw[j] is ' ' or '.')
                {
                    j--;
                }

                if (char.IsAsciiDigit(raw[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
