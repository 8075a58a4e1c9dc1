using System.Text.RegularExpressions;

namespace Postmortem.Analysis;

/// <summary>
/// One regular expression of the lexicon, matched by the engine that suits how much text has been read (issue 8: AOT
/// <c>draft</c> of Meridian within 30 ms, and extraction at 20 MB/s or more). A built-in pattern starts with the expression
/// the source generator made at build time (<see cref="KindPatterns"/>): nothing to build at start, but it backtracks.
/// Past <see cref="LinearAfter"/> characters the lexicon switches to the linear-time engine, built then: building it
/// costs about 250 ms for all the built-in patterns, and it reads large inputs about a third faster. Both find the same
/// matches (a test compares them on every line of the corpus). A team's pattern is built once, by the linear-time engine
/// where the pattern allows, else by the backtracking one with a 200 ms match timeout.
/// </summary>
internal sealed class LexiconRegex
{
    /// <summary>Characters read before the linear-time engine is built for the built-in patterns (a few megabytes repay its cost).</summary>
    public const long LinearAfter = 2 * 1024 * 1024;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly Regex first;
    private readonly string? pattern;
    private Regex? linear;

    private LexiconRegex(Regex first, string? pattern)
    {
        this.first = first;
        this.pattern = pattern;
    }

    /// <summary>The expression of <paramref name="pattern"/> (matched as whole words: <c>\b(?:pattern)\b</c>).</summary>
    public static LexiconRegex Of(string pattern) =>
        KindPatterns.Of(pattern) is { } generated ? new LexiconRegex(generated, pattern) : new LexiconRegex(Linear(pattern) ?? Backtracking(pattern), null);

    /// <summary>The expression to match with once the lexicon has read <paramref name="charactersRead"/> characters.</summary>
    public Regex For(long charactersRead)
    {
        if (pattern is null || charactersRead < LinearAfter)
        {
            return first;
        }

        // Two threads may both build it; either result is the same expression.
        return linear ??= Linear(pattern) ?? first;
    }

    private static Regex? Linear(string pattern)
    {
        try
        {
            return new Regex(@"\b(?:" + pattern + @")\b", Options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Look-arounds, or an automaton past the engine's size limit.
            return null;
        }
    }

    private static Regex Backtracking(string pattern) => new(@"\b(?:" + pattern + @")\b", Options, TimeSpan.FromMilliseconds(200));
}
