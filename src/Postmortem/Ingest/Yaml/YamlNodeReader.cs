using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Postmortem.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Ingest.Yaml;

/// <summary>
/// Typed access to a YAML representation tree that reports every problem as a positioned diagnostic
/// instead of throwing: unknown keys (with a suggestion), wrong shapes, bad dates and values.
/// </summary>
public sealed class YamlNodeReader
{
    private readonly List<Diagnostic> diagnostics;

    /// <summary>Creates a reader for <paramref name="file"/> that adds to <paramref name="diagnostics"/>.</summary>
    public YamlNodeReader(string file, List<Diagnostic> diagnostics)
    {
        File = file;
        this.diagnostics = diagnostics;
    }

    /// <summary>The file being read.</summary>
    public string File { get; }

    /// <summary>
    /// Loads the one document of <paramref name="text"/> under <see cref="YamlLimits"/>; null (with PM0002) when it
    /// is not YAML, (with PM0010) when it passes a limit, or (with PM0016) when a second document follows. Every YAML input of every command is read here.
    /// </summary>
    public YamlNode? Load(string text)
    {
        if (text.Length > YamlLimits.MaxChars)
        {
            diagnostics.Add(DiagnosticCatalog.YamlLimit(File, 0, 0, $"the file is larger than {YamlLimits.MaxChars / (1024 * 1024)} MiB (the limit)"));
            return null;
        }

        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(new LimitedParser(parser));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (SecondDocumentException e)
        {
            diagnostics.Add(DiagnosticCatalog.SecondYamlDocument(File, (int)Math.Clamp(e.Start.Line, 1, int.MaxValue), (int)Math.Clamp(e.Start.Column, 1, int.MaxValue)));
            return null;
        }
        catch (YamlLimitException e)
        {
            diagnostics.Add(DiagnosticCatalog.YamlLimit(File, (int)Math.Clamp(e.Start.Line, 1, int.MaxValue), (int)Math.Clamp(e.Start.Column, 1, int.MaxValue), e.Reason));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) for some broken indentation, an event the
            // representation model does not take, or a tag that is not a URI; the last event read is the
            // closest position we have (fuzz regressions: tests/Postmortem.Tests/Fuzz/Regressions/incident).
            var at = parser.Current?.End ?? YamlDotNet.Core.Mark.Empty;
            diagnostics.Add(DiagnosticCatalog.YamlSyntax(File, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), (e is ArgumentException ? "not understood here: " : "the structure is broken here (check the indentation): ") + e.Message));
            return null;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var colon = reason.IndexOf("): ", StringComparison.Ordinal);
            if (reason.StartsWith('(') && colon > 0)
            {
                reason = reason[(colon + 3)..];
            }

            // The parser reports "end of input" one line past the last; point at the end of the last line instead.
            var lines = text.TrimEnd('\n').Split('\n');
            var line = (int)Math.Clamp(e.Start.Line, 1, Math.Max(1, lines.Length));
            var column = line < e.Start.Line ? lines[line - 1].TrimEnd('\r').Length + 1 : (int)Math.Max(1, e.Start.Column);
            diagnostics.Add(DiagnosticCatalog.YamlSyntax(File, line, column, reason));
            return null;
        }
    }

    /// <summary>Reads a mapping, reporting keys not in <paramref name="allowed"/>; null when the node is not a mapping.</summary>
    public Dictionary<string, YamlNode>? Mapping(YamlNode? node, string key, string where, IReadOnlyCollection<string> allowed)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Add(DiagnosticCatalog.WrongType(File, Line(node), Column(node), key, "a mapping of keys to values"));
            return null;
        }

        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            if (k is not YamlScalarNode { Value: { } name })
            {
                Add(DiagnosticCatalog.WrongType(File, Line(k), Column(k), key, "a mapping with plain keys"));
                continue;
            }

            if (!allowed.Contains(name))
            {
                Add(DiagnosticCatalog.UnknownKey(File, Line(k), Column(k), name, where, Suggest(name, allowed)));
                continue;
            }

            if (!result.TryAdd(name, v))
            {
                Add(DiagnosticCatalog.DuplicateKey(File, Line(k), Column(k), name));
            }
        }

        return result;
    }

    /// <summary>Reads a scalar string (null for absent or YAML null; PM0004 for a list or mapping).</summary>
    public string? String(IReadOnlyDictionary<string, YamlNode>? map, string key)
    {
        if (map is null || !map.TryGetValue(key, out var node))
        {
            return null;
        }

        return String(node, key);
    }

    /// <summary>Reads a scalar node as a string.</summary>
    public string? String(YamlNode node, string key)
    {
        if (node is not YamlScalarNode scalar)
        {
            Add(DiagnosticCatalog.WrongType(File, Line(node), Column(node), key, "text"));
            return null;
        }

        return IsNull(scalar) ? null : scalar.Value;
    }

    /// <summary>Reads a list of strings; a single scalar is read as a list of one.</summary>
    public IReadOnlyList<string> Strings(IReadOnlyDictionary<string, YamlNode>? map, string key)
    {
        if (map is null || !map.TryGetValue(key, out var node))
        {
            return [];
        }

        if (node is YamlScalarNode scalar)
        {
            return IsNull(scalar) || scalar.Value is null ? [] : [scalar.Value];
        }

        return Sequence(node, key).Select(n => String(n, key)).OfType<string>().ToList();
    }

    /// <summary>Reads a sequence node's items; PM0004 when the node is not a list.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string key)
    {
        if (node is null || (node is YamlScalarNode s && IsNull(s)))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Add(DiagnosticCatalog.WrongType(File, Line(node), Column(node), key, "a list"));
            return [];
        }

        return sequence.Children.ToList();
    }

    /// <summary>Reads a boolean.</summary>
    public bool? Bool(IReadOnlyDictionary<string, YamlNode>? map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                Add(DiagnosticCatalog.WrongType(File, Line(map![key]), Column(map[key]), key, "true or false"));
                return null;
        }
    }

    /// <summary>Reads a number within a range.</summary>
    public double? Number(IReadOnlyDictionary<string, YamlNode>? map, string key, double min, double max)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max || double.IsNaN(value))
        {
            Add(DiagnosticCatalog.WrongType(File, Line(map![key]), Column(map[key]), key, $"a number from {min} to {max}"));
            return null;
        }

        return value;
    }

    /// <summary>Reads a whole number within a range.</summary>
    public int? Integer(IReadOnlyDictionary<string, YamlNode>? map, string key, int min, int max)
    {
        var value = Number(map, key, min, max);
        if (value is null)
        {
            return null;
        }

        if (Math.Abs(value.Value - Math.Round(value.Value)) > double.Epsilon)
        {
            Add(DiagnosticCatalog.WrongType(File, Line(map![key]), Column(map[key]), key, "a whole number"));
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>Reads an ISO date (<c>2023-11-24</c>); PM0005 when malformed or impossible.</summary>
    public LocalDate? Date(IReadOnlyDictionary<string, YamlNode>? map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        LocalDate value;
        if (IsoDate(text.Trim()) is { } plain)
        {
            value = plain;
        }
        else
        {
            var parsed = LocalDatePattern.Iso.Parse(text.Trim());
            if (!parsed.Success)
            {
                Add(DiagnosticCatalog.InvalidDate(File, Line(map![key]), Column(map[key]), key, text, "a date such as 2023-11-24"));
                return null;
            }

            value = parsed.Value;
        }

        if (!Model.DateRange.Contains(value))
        {
            Add(DiagnosticCatalog.DateOutOfRange(File, Line(map![key]), Column(map[key]), text.Trim()));
            return null;
        }

        return value;
    }

    // A valid date written yyyy-MM-dd (year 1 to 9999), read by hand: the date LocalDatePattern.Iso reads from it, without
    // NodaTime building its date patterns (0.26 M instructions, a hundredth of an AOT draft of Meridian). Anything else — a
    // signed or short year, a month or day out of range — is left to the pattern, which gives its value or its error.
    internal static LocalDate? IsoDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return null;
        }

        var year = 0;
        for (var i = 0; i < 4; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return null;
            }

            year = (year * 10) + (text[i] - '0');
        }

        if (!char.IsAsciiDigit(text[5]) || !char.IsAsciiDigit(text[6]) || !char.IsAsciiDigit(text[8]) || !char.IsAsciiDigit(text[9]))
        {
            return null;
        }

        var month = ((text[5] - '0') * 10) + (text[6] - '0');
        var day = ((text[8] - '0') * 10) + (text[9] - '0');
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new LocalDate(year, month, day) : null;
    }

    /// <summary>Reads one value of a closed set (case-insensitive); returns the canonical spelling.</summary>
    public string? OneOf(IReadOnlyDictionary<string, YamlNode>? map, string key, IReadOnlyList<string> allowed)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        var normalized = text.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');
        var match = allowed.FirstOrDefault(a => a.Equals(normalized, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Add(DiagnosticCatalog.InvalidValue(File, Line(map![key]), Column(map[key]), key, text, string.Join(", ", allowed)));
        }

        return match;
    }

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    /// <summary>1-based line of a node.</summary>
    public static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>1-based column of a node.</summary>
    public static int Column(YamlNode node) => (int)Math.Max(1, node.Start.Column);

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string? Suggest(string name, IReadOnlyCollection<string> allowed)
    {
        var best = allowed
            .Select(a => (a, d: Distance(name.ToLowerInvariant(), a.ToLowerInvariant())))
            .OrderBy(p => p.d)
            .FirstOrDefault();
        return best.a is not null && best.d <= Math.Max(2, name.Length / 3) ? best.a : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
