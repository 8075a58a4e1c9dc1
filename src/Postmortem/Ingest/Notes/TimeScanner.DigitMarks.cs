namespace Postmortem.Ingest.Notes;

// What stands around the digits of a text, read in one walk over its digits: the cheap tests of the passes that read a clock
// beside a digit ("10am", "16g45", "om 17.15", "12h 00", "800am", "-0500"), each of which searched the whole text for its own
// letter or mark ("h", "g", "m", a dot, an apostrophe) and looked around every one found, most of them in words of prose. A text
// has few digits; each is looked at once (docs/benchmarks.md, twenty-eighth session). Every flag answers as the test it stands for
// (named beside it), which NotesDigitMarksTests compares on random texts.
public static partial class TimeScanner
{
    [Flags]
    internal enum DigitMarks
    {
        None = 0,

        /// <summary>An ASCII digit: every pass below reads one, and no other.</summary>
        Digit = 1,

        /// <summary>A digit, "." and two digits (<see cref="HasDottedPair"/>).</summary>
        DottedPair = 1 << 1,

        /// <summary>A digit, "g" and a digit (the second half of <see cref="MayHoldVietnameseClock"/>).</summary>
        DigitG = 1 << 2,

        /// <summary>A digit then an apostrophe and a character, or a comma and a digit (the loop of <see cref="MayHoldSuffixedClock"/>).</summary>
        Suffix = 1 << 3,

        /// <summary>A digit, "h" and no letter or digit (<see cref="MayHoldFrenchBareHour"/>).</summary>
        BareHour = 1 << 4,

        /// <summary>A digit, "h " or " h " and a digit (<see cref="HasSpacedHours"/>).</summary>
        SpacedHours = 1 << 5,

        /// <summary>A digit, "a" or "p" and no "m" (<see cref="MayHaveOneLetterClock"/>).</summary>
        OneLetter = 1 << 6,

        /// <summary>Three digits, a space or none, "a" or "p", a dot or none and "m" (<see cref="MayHoldCompactClock"/>).</summary>
        Compact = 1 << 7,

        /// <summary>A space, "+" or "-" and four digits (<see cref="MayHoldMailDate"/>).</summary>
        MailOffset = 1 << 8,

        /// <summary>A digit, a space or none, "a" or "p", dots and spaces and "m" (the loop of <see cref="MayHoldSharedMeridiem"/>).</summary>
        Meridiem = 1 << 9,
    }

    internal static DigitMarks MarksOf(ReadOnlySpan<char> text)
    {
        var marks = DigitMarks.None;
        var n = text.Length;
        for (var d = text.IndexOfAny(Digits); d >= 0; d = NextDigit(text, d + 1))
        {
            marks |= DigitMarks.Digit;
            int c1 = At(text, d + 1), c2 = At(text, d + 2), c3 = At(text, d + 3);
            switch (c1)
            {
                case '.':
                    marks |= IsDigit(c2) && IsDigit(c3) ? DigitMarks.DottedPair : 0;
                    break;
                case 'g':
                    marks |= IsDigit(c2) ? DigitMarks.DigitG : 0;
                    break;
                case '\'' or '’':
                    marks |= c2 >= 0 ? DigitMarks.Suffix : 0;
                    break;
                case ',':
                    marks |= IsDigit(c2) ? DigitMarks.Suffix : 0;
                    break;
                case 'h':
                    marks |= c2 < 0 || !char.IsLetterOrDigit((char)c2) ? DigitMarks.BareHour : 0;
                    marks |= c2 == ' ' && IsDigit(c3) ? DigitMarks.SpacedHours : 0;
                    break;
                case ' ':
                    marks |= c2 == 'h' && c3 == ' ' && IsDigit(At(text, d + 4)) ? DigitMarks.SpacedHours : 0;
                    break;
                case 'a' or 'p':
                    marks |= c2 != 'm' ? DigitMarks.OneLetter : 0;
                    break;
            }

            // "a"/"p" right after the digit or after a space: the meridiem of "800am", "8 am", "8 a.m." and "8:00 a . m".
            var a = IsAOrP(c1) ? d + 1 : c1 == ' ' && IsAOrP(c2) ? d + 2 : -1;
            if (a >= 0)
            {
                int m1 = At(text, a + 1), m2 = At(text, a + 2);
                if (d >= 2 && IsDigit(text[d - 1]) && IsDigit(text[d - 2]) && (m1 is 'm' or 'M' || (m1 == '.' && m2 is 'm' or 'M')))
                {
                    marks |= DigitMarks.Compact;
                }

                var j = a + 1;
                while (j < n && text[j] is '.' or ' ')
                {
                    j++;
                }

                marks |= At(text, j) is 'm' or 'M' ? DigitMarks.Meridiem : 0;
            }

            if (d >= 2 && text[d - 1] is '+' or '-' && text[d - 2] == ' ' && IsDigit(c1) && IsDigit(c2) && IsDigit(c3))
            {
                marks |= DigitMarks.MailOffset;
            }
        }

        return marks;

        static int At(ReadOnlySpan<char> text, int i) => unchecked((uint)i < (uint)text.Length) ? text[i] : -1;

        static bool IsDigit(int c) => unchecked((uint)(c - '0')) <= 9;

        static bool IsAOrP(int c) => c is 'a' or 'p' or 'A' or 'P';

        static int NextDigit(ReadOnlySpan<char> text, int from) => text[from..].IndexOfAny(Digits) is var k and >= 0 ? from + k : -1;
    }

    // MayHoldSuffixedClock's loop stops before it starts when the text opens with an apostrophe or a comma (its first mark at 0).
    internal static bool SuffixLoopRuns(string text) => text.Length > 0 && text[0] is not ('\'' or '’' or ',');
}
