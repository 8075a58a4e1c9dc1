using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Postmortem.Analysis;

namespace Postmortem.Bench;

/// <summary>
/// The built-in lexicon on hostile text: its expressions are made at build time and backtrack without a match timeout, so
/// their worst case must stay bounded. Times <see cref="KindLexicon.Read"/> on texts of <see cref="KindLexicon.MaxTextLength"/>
/// characters built to make a backtracking engine work hard (the patterns' own words over and over, long runs of letters, the
/// repeated words of the patterns' loops with the ending left off) against the same length of ordinary notes, and against the
/// linear-time engine's expressions of the same patterns on the same texts (the baseline).
/// </summary>
internal static class LexiconBench
{
    public static void Run()
    {
        var patterns = KindLexicon.BuiltIn.Where(e => e.Form == Postmortem.Analysis.LexiconForm.Pattern).Select(e => e.Pattern).ToList();
        var words = patterns.SelectMany(p => Regex.Matches(p, "[a-z]{2,}").Select(m => m.Value)).Distinct().ToList();
        var length = KindLexicon.MaxTextLength;
        var texts = new List<(string Name, string Text)>
        {
            ("ordinary notes", NotesGenerator.Generate(length * 2)[..length]),
            ("the patterns' words", Fill(string.Join(' ', words), length)),
            ("one run of letters", new string('a', length)),
            ("letters and spaces", Fill("a ", length)),
            ("loop words, no ending", Fill("are is were was now fully all ", length)),
            ("green loop, no ending", Fill("are is went turned all back ", length)),
            ("digits and commas", Fill("all 1,2,3,4,5,6,7,8,9 ", length)),
            ("word runs", Fill("requests logins builds jobs checks ", length)),
        };

        var linear = patterns.Select(Linear).ToList();
        Console.WriteLine($"lexicon worst case: {patterns.Count} built-in expressions, texts of {length} characters");
        foreach (var (name, text) in texts)
        {
            KindLexicon.Default.Read(text, null);
            var generated = Best(() => KindLexicon.Default.Read(text, null).Count);
            var baseline = Best(() => linear.Sum(r => r.Count(text)));
            Console.WriteLine($"  {name,-24} lexicon {generated.TotalMilliseconds,8:F3} ms   linear-time expressions alone {baseline.TotalMilliseconds,8:F3} ms   ratio {generated.TotalSeconds / baseline.TotalSeconds,6:F2}");
        }
    }

    // The linear-time engine's expression, or the interpreter's where a pattern is past that engine's size limit (as the lexicon once did).
    private static Regex Linear(string pattern)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(@"\b(?:" + pattern + @")\b", options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(@"\b(?:" + pattern + @")\b", options);
        }
    }

    private static string Fill(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString(0, length);
    }

    // The best of several runs: the cost of the text, not of the machine's load.
    private static TimeSpan Best(Func<int> action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 15; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }
}
