namespace Postmortem.Ingest.Yaml;

/// <summary>
/// The one set of limits every YAML input is read under (incident files, <c>.postmortem.yml</c>, interview
/// answers, the linter's prose reader): past any of them the file is refused with PM0010 instead of
/// overflowing the stack or expanding an alias bomb.
/// </summary>
internal static class YamlLimits
{
    /// <summary>Deepest nesting of lists and mappings; the formats need fewer than ten levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes that aliases may add when expanded (a billion-laughs file adds 10⁹).</summary>
    public const long MaxAliasExpansion = 100_000;

    /// <summary>Largest YAML text, in characters (a 50 MB notes block still fits).</summary>
    public const int MaxChars = 256 * 1024 * 1024;
}
