using System.Globalization;
using System.Text;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Corpus;

/// <summary>
/// A second, blind labelling (set B) of one sampled train case: Corpus/agreement/ID.yml with <c>id</c>, <c>keys</c>,
/// <c>durationMinutes</c> (the corpus's own syntax, read by <see cref="CorpusCase.Load"/>) and a <c>why</c> per key.
/// </summary>
public sealed record SecondLabel(CorpusCase Labels, IReadOnlyDictionary<string, string> Why)
{
    public string Id => Labels.Id;

    /// <summary>The folder of the second labels under the corpus root.</summary>
    public static string Folder(string root) => Path.Combine(root, "agreement");

    /// <summary>Every second label under <paramref name="root"/>/agreement, by id.</summary>
    public static IReadOnlyList<SecondLabel> LoadAll(string root) =>
        Directory.Exists(Folder(root))
            ? Directory.GetFiles(Folder(root), "*.yml").Order(StringComparer.Ordinal).Select(Load).ToList()
            : [];

    public static SecondLabel Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        if (((YamlMappingNode)stream.Documents[0].RootNode).Children.TryGetValue(new YamlScalarNode("why"), out var node) && node is YamlMappingNode map)
        {
            foreach (var (name, value) in map.Children)
            {
                why[((YamlScalarNode)name).Value!] = (value as YamlScalarNode)?.Value ?? string.Empty;
            }
        }

        return new SecondLabel(CorpusCase.Load(path, "agreement"), why);
    }
}

/// <summary>
/// Inter-annotator agreement (<c>--agreement</c>): the corpus labels (A) against the second labels (B) of the sampled
/// train cases, key by key, and the pipeline's accuracy on the same cases against A, against B and right by either.
/// </summary>
public static class Agreement
{
    /// <summary>One key (or the duration) of one case under both label sets and the pipeline.</summary>
    public sealed record Row(string Id, string Key, string A, string B, string Tool)
    {
        public bool Agree => A == B;

        public bool ToolA => Tool == A;

        public bool ToolB => Tool == B;
    }

    /// <summary>Every key and the duration of every case that has a second label.</summary>
    public static IReadOnlyList<Row> Rows(IReadOnlyList<CorpusCase> corpus, IReadOnlyList<SecondLabel> second)
    {
        var rows = new List<Row>();
        foreach (var b in second)
        {
            var a = corpus.SingleOrDefault(c => c.Id == b.Id && c.Split == "train")
                ?? throw new InvalidOperationException($"{b.Labels.Path}: no train case '{b.Id}'");
            var analyzed = CorpusScorer.Run(a);
            // A key the corpus leaves unlabelled is not scored there (CorpusScorer), so it is not compared here either.
            foreach (var key in CorpusCase.KeyNames.Where(a.Keys.ContainsKey))
            {
                rows.Add(new Row(a.Id, key, Show(a.Keys.GetValueOrDefault(key)), Show(b.Labels.Keys.GetValueOrDefault(key)), Show(CorpusScorer.Key(analyzed.Keys, key)?.Time)));
            }

            if (a.Duration.Labelled)
            {
                rows.Add(new Row(a.Id, "duration", Show(a.Duration.Minutes), Show(b.Labels.Duration.Minutes), Show(analyzed.DurationMinutes)));
            }
        }

        return rows;
    }

    /// <summary>The table per key, all keys, durations, and per writer group of the sample (agreement/sample.txt).</summary>
    public static string Report(string root, bool details)
    {
        var rows = Rows(CorpusCase.LoadAll(root), SecondLabel.LoadAll(root));
        var writers = Writers(root);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"agreement: {rows.Select(r => r.Id).Distinct().Count()} train cases with a second labelling (B) against the corpus (A)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"key",-16} {"A = B",12} {"tool = A",12} {"tool = B",12} {"tool = A|B",12}");
        void Line(string name, IReadOnlyList<Row> some) => sb.AppendLine(CultureInfo.InvariantCulture,
            $"{name,-16} {Cell(some, r => r.Agree),12} {Cell(some, r => r.ToolA),12} {Cell(some, r => r.ToolB),12} {Cell(some, r => r.ToolA || r.ToolB),12}");
        foreach (var key in CorpusCase.KeyNames)
        {
            Line(key, rows.Where(r => r.Key == key).ToList());
        }

        var keys = rows.Where(r => r.Key != "duration").ToList();
        Line("all keys", keys);
        Line("durations", rows.Where(r => r.Key == "duration").ToList());
        foreach (var group in keys.GroupBy(r => writers.GetValueOrDefault(r.Id, "?")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line("keys, " + group.Key, group.ToList());
        }

        if (details)
        {
            foreach (var r in rows.Where(r => !r.Agree))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {r.Id,-40} {r.Key,-14} A {r.A,-17} B {r.B,-17} tool {r.Tool}");
            }
        }

        return sb.ToString();
    }

    /// <summary>The writer column (new / old) of agreement/sample.txt, by id.</summary>
    public static IReadOnlyDictionary<string, string> Writers(string root)
    {
        var path = Path.Combine(SecondLabel.Folder(root), "sample.txt");
        return !File.Exists(path) ? new Dictionary<string, string>()
            : File.ReadLines(path).Where(l => !l.StartsWith('#') && l.Trim().Length > 0)
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToDictionary(f => f[2], f => f[1], StringComparer.Ordinal);
    }

    /// <summary>The sampled ids of agreement/sample.txt.</summary>
    public static IReadOnlyList<string> Sample(string root) => [.. Writers(root).Keys];

    private static string Cell(IReadOnlyList<Row> rows, Func<Row, bool> test) =>
        $"{rows.Count(test)}/{rows.Count} {CorpusScorer.Ratio(rows.Count(test), rows.Count)}";

    private static string Show(Instant? i) => i is { } v ? Instant.FromUnixTimeSeconds(v.ToUnixTimeSeconds() / 60 * 60).ToString("uuuu-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) : "unknown";

    private static string Show(long? minutes) => minutes?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
