namespace Postmortem.Store;

/// <summary>
/// One instance of each distinct string read by one query run (paths read by several queries, severities, dates, services,
/// categories, factor texts): the driver makes a new string per cell, and at 100,000 incidents the copies were most of
/// what <c>stats</c> kept live (issue 10: ≤ 256 MB).
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);

    /// <summary>The pooled instance equal to <paramref name="value"/> (null stays null).</summary>
    public string? Of(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        strings[value] = value;
        return value;
    }
}
