using NodaTime;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Corpus;

/// <summary>One labelled case of the accuracy corpus (format: tests/Postmortem.Tests/Corpus/README.md).</summary>
public sealed record CorpusCase
{
    /// <summary>The key timestamps a case may label, in the order they are printed.</summary>
    public static readonly IReadOnlyList<string> KeyNames = ["impactStart", "detection", "escalation", "mitigation", "resolution", "communication"];

    public required string Id { get; init; }

    public required string Split { get; init; }

    /// <summary>
    /// A train case of a batch whose train half is still blind (listed in the corpus's <c>blind.txt</c>): its totals count,
    /// but no report prints its row, timeline or diagnostics, as for the test split.
    /// </summary>
    public bool Blind { get; init; }

    /// <summary>Rows that are not printed unless asked for: the test split and the blind train cases.</summary>
    public bool HeldOut => Split == "test" || Blind;

    public required string Form { get; init; }

    public required string Path { get; init; }

    public required string Text { get; init; }

    public string Zone { get; init; } = "UTC";

    public LocalDate? Date { get; init; }

    /// <summary>Every labelled moment: its instant, its end for a span, and its kinds.</summary>
    public required IReadOnlyList<ExpectedEvent> Events { get; init; }

    /// <summary>Labelled keys; a null value means the text cannot settle it ("unknown").</summary>
    public required IReadOnlyDictionary<string, Instant?> Keys { get; init; }

    /// <summary>Labelled duration; absent when not labelled, null value for "unknown".</summary>
    public (bool Labelled, long? Minutes) Duration { get; init; }

    /// <summary>Reads every case under <paramref name="root"/> (its <c>train</c> and <c>test</c> folders).</summary>
    public static IReadOnlyList<CorpusCase> LoadAll(string root)
    {
        var blind = BlindIds(root);
        return new[] { "train", "test" }
            .Where(s => Directory.Exists(System.IO.Path.Combine(root, s)))
            .SelectMany(s => Directory.GetFiles(System.IO.Path.Combine(root, s), "*.yml").Order(StringComparer.Ordinal).Select(f => Load(f, s)))
            .Select(c => blind.Contains(c.Id) ? c with { Blind = true } : c)
            .ToList();
    }

    /// <summary>
    /// The ids of the batches named in <c>blind.txt</c> (one batch split file per line, <c>#</c> comments): a new batch stays
    /// blind on both halves for the session it arrives in, and its train half opens the session after.
    /// </summary>
    public static IReadOnlySet<string> BlindIds(string root)
    {
        var list = System.IO.Path.Combine(root, "blind.txt");
        if (!File.Exists(list))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return File.ReadLines(list).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0)
            .SelectMany(batch => BatchIds(System.IO.Path.Combine(root, batch)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The case ids a batch split file lists (<c>N id split</c> rows).</summary>
    public static IEnumerable<string> BatchIds(string batchFile) =>
        File.ReadLines(batchFile).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 3 && int.TryParse(f[0], out _)).Select(f => f[1]);

    /// <summary>Reads one case file.</summary>
    public static CorpusCase Load(string path, string split)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        string? Scalar(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

        var events = new List<ExpectedEvent>();
        if (root.Children.TryGetValue(new YamlScalarNode("events"), out var list) && list is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children.OfType<YamlMappingNode>())
            {
                var kinds = item.Children.TryGetValue(new YamlScalarNode("kinds"), out var k) && k is YamlSequenceNode ks
                    ? ks.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? string.Empty).ToList()
                    : [];
                events.Add(new ExpectedEvent(ParseInstant(Scalar(item, "at"), path)!.Value, ParseInstant(Scalar(item, "end"), path), kinds, Scalar(item, "what") ?? string.Empty));
            }
        }

        var keys = new Dictionary<string, Instant?>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("keys"), out var keyNode) && keyNode is YamlMappingNode keyMap)
        {
            foreach (var (name, value) in keyMap.Children)
            {
                var text = (value as YamlScalarNode)?.Value;
                keys[((YamlScalarNode)name).Value!] = text is null or "" or "unknown" or "null" or "~" ? null : ParseInstant(text, path);
            }
        }

        var durationText = Scalar(root, "durationMinutes");
        (bool, long?) duration = durationText is null ? (false, null)
            : durationText is "unknown" or "null" or "~" or "" ? (true, null)
            : (true, long.Parse(durationText, System.Globalization.CultureInfo.InvariantCulture));
        var date = Scalar(root, "date");
        return new CorpusCase
        {
            Id = Scalar(root, "id") ?? System.IO.Path.GetFileNameWithoutExtension(path),
            Split = split,
            Form = Scalar(root, "form") ?? "?",
            Path = path,
            Text = Scalar(root, "text") ?? string.Empty,
            Zone = Scalar(root, "tz") ?? "UTC",
            Date = date is null ? null : LocalDatePattern.Iso.Parse(date).GetValueOrThrow(),
            Events = events,
            Keys = keys,
            Duration = duration,
        };
    }

    private static readonly InstantPattern[] Patterns =
    [
        InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm'Z'"),
        InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'"),
        InstantPattern.ExtendedIso,
    ];

    private static Instant? ParseInstant(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var pattern in Patterns)
        {
            if (pattern.Parse(text.Trim()) is { Success: true } r)
            {
                return r.Value;
            }
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(text.Trim()) is { Success: true } o)
        {
            return o.Value.ToInstant();
        }

        throw new FormatException($"{path}: '{text}' is not a UTC instant such as 2019-07-02T13:42Z");
    }
}

/// <summary>One labelled moment.</summary>
public sealed record ExpectedEvent(Instant At, Instant? End, IReadOnlyList<string> Kinds, string What);
