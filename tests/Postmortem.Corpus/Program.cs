using Postmortem.Model;
using Postmortem.Corpus;

// dotnet run --project tests/Postmortem.Corpus -- [CORPUS_DIR] [--details] [--by-key] [--split train|test] [--case ID [--evidence]] [--headroom [--details]] [--by-rule]
//   [--batch FILE]: only the cases a batch split file lists (Corpus/batchN-split.txt: "N id split" rows), for a batch's
//   before-and-after totals
//   [--held-out-rows]: the test split's per-case rows, timelines and diagnostics, which are left out otherwise (its totals
//   are always printed); only for a deliberate look at held-out cases, recorded in docs/accuracy.md. The train cases of
//   the batches named in Corpus/blind.txt are held out the same way: their totals count, their rows are not printed
//   or -- --agreement [--details]: the second labels of Corpus/agreement against the corpus and the pipeline (Agreement.cs)
//   or -- --kind-sentences [dev|heldout|heldout2|heldout3|heldout4] [--details]: per-kind precision/recall/F1 of the lexicon on
//   Kinds/kind-sentences.tsv (KindSentences.cs); --details lists the items whose kinds differ, for the open splits only
//   (dev, heldout, heldout2, heldout3) unless --held-out-rows
//   or -- --kind-model-cv: the learned kind model (KindModel.cs) by five writer-held-out folds of the open train cases, against
//   the phrases only; --kind-model-test: its one look at the test split (totals only); --train-kind-model FILE: the model
//   trained on every open train case, written as TSV (docs/accuracy.md, "a learned kind model")
// An unknown flag (--help among them) prints this usage and runs nothing: a run of every case would print the test split's
// totals, which are read at most twice a session (docs/accuracy.md).
string[] known = ["--details", "--evidence", "--held-out-rows", "--agreement", "--kind-sentences", "--split", "--case", "--batch", "--by-key", "--headroom", "--by-rule", "--kind-model-cv", "--kind-model-test", "--train-kind-model"];
if (args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a)) is { } unknown)
{
    Console.Error.WriteLine($"unknown option {unknown}; usage: [CORPUS_DIR] [--split train|test] [--case ID [--evidence]] [--batch FILE] [--details] [--by-key] [--headroom] [--by-rule] [--held-out-rows] | --agreement [--details] | --kind-sentences [dev|heldout|heldout2|heldout3|heldout4] [--details] | --kind-model-cv | --kind-model-test | --train-kind-model FILE (see the top of tests/Postmortem.Corpus/Program.cs)");
    Environment.ExitCode = 2;
    return;
}

var root = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Directory.Exists(a))
    ?? Path.Combine(AppContext.BaseDirectory, "../../../../Postmortem.Tests/Corpus");
var details = args.Contains("--details");
var evidence = args.Contains("--evidence");
var heldOutRows = args.Contains("--held-out-rows");
if (args.Contains("--agreement"))
{
    Console.Write(Agreement.Report(root, details));
    return;
}

if (args.Contains("--kind-model-test"))
{
    Console.Write(KindModelRuns.HeldOut(root));
    return;
}

if (args.Contains("--kind-model-cv"))
{
    Console.Write(KindModelRuns.CrossValidate(root));
    return;
}

if (Array.IndexOf(args, "--train-kind-model") is var tm and >= 0)
{
    Console.Write(KindModelRuns.Train(root, tm + 1 < args.Length ? args[tm + 1] : "kind-model.tsv"));
    return;
}

if (Array.IndexOf(args, "--kind-sentences") is var ks and >= 0)
{
    var wanted = ks + 1 < args.Length && !args[ks + 1].StartsWith("--", StringComparison.Ordinal) ? args[ks + 1] : null;
    var items = KindSentences.Load(KindSentences.PathFrom(root));
    // heldout was tuned on from session 15 on, heldout2 from session 16 on and heldout3 from session 26 on; heldout4 is
    // blind: its rows only with --held-out-rows.
    foreach (var part in new[] { "dev", "heldout", "heldout2", "heldout3", "heldout4" }.Where(p => wanted is null || p == wanted))
    {
        var scored = items.Where(i => i.Split == part).Select(KindSentences.Score).ToList();
        Console.Write(KindSentences.Report(part, scored, details && (part != "heldout4" || heldOutRows)));
    }

    return;
}

string? Value(string flag) => Array.IndexOf(args, flag) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var split = Value("--split");
var only = Value("--case");
// --case matches an id exactly when one does, else every id containing it (within --split when given).
var batch = Value("--batch") is { } batchFile ? CorpusCase.BatchIds(batchFile).ToHashSet(StringComparer.Ordinal) : null;
var inSplit = CorpusCase.LoadAll(root).Where(c => (split is null || c.Split == split) && (batch is null || batch.Contains(c.Id))).ToList();
var cases = only is null ? inSplit
    : inSplit.Where(c => c.Id == only).ToList() is { Count: > 0 } exact ? exact
    : inSplit.Where(c => c.Id.Contains(only, StringComparison.Ordinal)).ToList();
var scores = cases.Select(CorpusScorer.Score).ToList();
Console.Write(CorpusScorer.Report(scores, details, heldOutRows));
if (args.Contains("--by-key"))
{
    Console.Write(KeyBreakdown.Report(scores));
}

if (args.Contains("--by-rule"))
{
    Console.Write(RuleTally.Report(scores));
}

if (args.Contains("--headroom"))
{
    Console.Write(Headroom.Report(scores, details));
}

if (only is not null)
{
    var shown = scores.Where(s => heldOutRows || !s.Case.HeldOut).ToList();
    foreach (var e in shown.SelectMany(s => s.Analyzed.Timeline))
    {
        Console.WriteLine($"  {e.Time:uuuu-MM-dd'T'HH:mm'Z'}{(e.EndTime is { } end ? "–" + end.ToString("HH:mm", null) : "")} {e.Kind.ToName(),-15} {e.Text}");
        if (evidence)
        {
            // --evidence: every kind the event's words support, with its phrase (what the key rules read).
            Console.WriteLine("      " + $"[{e.Source}{(e.Actor is null ? "" : ", " + e.Actor)}] " + string.Join("; ", e.Evidence.Select(x => $"{x.Kind.ToName()}:'{x.Phrase}'{(x.Origin == "text" ? "" : "(" + x.Origin + ")")}")));
            if (e.Context is { Length: > 0 } context)
            {
                Console.WriteLine("      context: " + context);
            }
        }
    }

    foreach (var d in shown.SelectMany(s => s.Analyzed.Diagnostics))
    {
        Console.WriteLine($"  {d}");
    }
}
