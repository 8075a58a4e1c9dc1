namespace Postmortem.Tests.Ingest;

/// <summary>
/// Random text for the equivalence tests of the cheap tests (twenty-third session): tokens of the words a test looks for, their
/// halves and upper case, prose, and characters that meet their edges or whose case maps leave ASCII ("ı", "İ", "ſ", the Kelvin sign).
/// </summary>
internal static class GuardText
{
    private static readonly string[] Tricky = [" ", "  ", "\t", "\u00a0", "ı", "İ", "ſ", "\u212a", "-", "–", "—", "‐", ".", ",", "'", "’", "º", "1", "7", "12", ":", "\n", "x", "a", "m"];

    /// <summary>Up to <paramref name="most"/> tokens, one in three of them a tricky character.</summary>
    public static string Text(Random random, string[] tokens, int most = 14) =>
        string.Concat(Enumerable.Range(0, random.Next(0, most)).Select(_ => random.Next(3) == 0 ? Tricky[random.Next(Tricky.Length)] : tokens[random.Next(tokens.Length)]));

    /// <summary>The words, in upper case, their halves, and some prose and clocks.</summary>
    public static string[] Pieces(params string[] words) =>
        words.SelectMany(w => new[] { w, w.ToUpperInvariant(), w[..(w.Length / 2)], w[(w.Length / 2)..] })
            .Concat(["the", "deploy ", "5 pm", "9:14 PM", "10-11", "until", "tiLL", "AND", " to", "o "]).ToArray();
}
