using System.Diagnostics;
using Postmortem.Analysis.Factors;

namespace Postmortem.Bench;

/// <summary>
/// Issue 10, recurring factors: how long grouping takes for a large index. The texts are the labelled set's 135
/// wordings (tests/.../factor-pairs/factors.tsv), each repeated with a number appended, so the groups are large
/// (the case the windowed candidates are for); <c>--boilerplate</c> appends the same words to every text as well
/// ("on serviceN, incident N"), which shows how single linkage at a low threshold chains through shared boilerplate.
/// </summary>
internal static class FactorBench
{
    public static void Run(string root, int count, bool boilerplate)
    {
        var wordings = File.ReadAllLines(Path.Combine(root, "tests", "Postmortem.Tests", "Corpus", "factor-pairs", "factors.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[3]).ToArray();
        var texts = Enumerable.Range(0, count).Select(i => boilerplate ? $"{wordings[i % wordings.Length]} on service{i % 97}, incident {i}" : $"{wordings[i % wordings.Length]} ({i})").ToArray();
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var groups = FactorGrouping.Group(texts, FactorMethod.Current);
        sw.Stop();
        Console.WriteLine($"factors{(boilerplate ? " with boilerplate" : string.Empty)}: {count:N0} texts grouped in {sw.Elapsed.TotalSeconds:F2} s into {groups.Count:N0} groups (largest {groups.Max(g => g.Members.Count):N0}); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
    }
}
