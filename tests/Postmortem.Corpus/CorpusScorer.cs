using System.Globalization;
using System.Text;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Corpus;

/// <summary>Runs the timeline pipeline over a case as <c>postmortem timeline --tz --date</c> does, and scores it against the labels.</summary>
public static class CorpusScorer
{
    /// <summary>Scores one case.</summary>
    public static CaseScore Score(CorpusCase c) => Score(c, null);

    /// <summary>Scores one case, read with <paramref name="lexicon"/> (the default lexicon when null).</summary>
    public static CaseScore Score(CorpusCase c, KindLexicon? lexicon)
    {
        var analyzed = Run(c, lexicon);
        var predicted = analyzed.Timeline
            .SelectMany(e => e.EndTime is { } end && end != e.Time ? new[] { (Minute(e.Time), e), (Minute(end), e) } : [(Minute(e.Time), e)])
            .ToList();
        var expected = c.Events
            .SelectMany(e => e.End is { } end ? new[] { (Minute(e.At), e), (Minute(end), e) } : [(Minute(e.At), e)])
            .ToList();

        // Multiset matching by minute: each predicted instant can satisfy one expected instant.
        var unmatched = predicted.ToList();
        var found = 0;
        var kindsRight = 0;
        var kindsScored = 0;
        var missed = new List<string>();
        foreach (var (at, e) in expected)
        {
            var index = unmatched.FindIndex(p => p.Item1 == at);
            if (index < 0)
            {
                missed.Add($"{Format(at)} {e.What}");
                continue;
            }

            found++;
            var ev = unmatched[index].e;
            if (e.Kinds.Count > 0 && at == Minute(e.At))
            {
                kindsScored++;
                kindsRight += e.Kinds.Contains(ev.Kind.ToName()) ? 1 : 0;
            }

            unmatched.RemoveAt(index);
        }

        var keyResults = new List<KeyResult>();
        foreach (var name in CorpusCase.KeyNames)
        {
            if (!c.Keys.TryGetValue(name, out var want))
            {
                continue;
            }

            var got = Key(analyzed.Keys, name)?.Time;
            var right = want is null ? got is null : got is { } g && Minute(g) == Minute(want.Value);
            keyResults.Add(new KeyResult(name, want, got, right));
        }

        bool? durationRight = null;
        if (c.Duration.Labelled)
        {
            durationRight = c.Duration.Minutes == analyzed.DurationMinutes;
        }

        return new CaseScore
        {
            Case = c,
            Expected = expected.Count,
            Predicted = predicted.Count,
            Found = found,
            Correct = predicted.Count - unmatched.Count,
            KindsScored = kindsScored,
            KindsRight = kindsRight,
            Keys = keyResults,
            DurationRight = durationRight,
            PredictedDuration = analyzed.DurationMinutes,
            Missed = missed,
            Spurious = unmatched.Select(p => $"{Format(p.Item1)} {p.e.Text}").ToList(),
            Analyzed = analyzed,
        };
    }

    /// <summary>The analysed timeline of a case.</summary>
    public static AnalyzedPostmortem Run(CorpusCase c, KindLexicon? lexicon = null)
    {
        var zone = ZoneAbbreviations.ResolveZone(c.Zone) ?? throw new InvalidOperationException($"{c.Path}: unknown tz '{c.Zone}'");
        var extracted = NotesExtractor.Extract(c.Text, new NotesOptions { File = c.Id, AnchorDate = c.Date, DefaultZone = zone });
        var document = new PostmortemDocument
        {
            SourceFile = c.Id, Type = PostmortemType.Incident, Title = c.Id, Date = c.Date, TimeZone = zone, Events = extracted.Events,
        };
        return Analyzer.Analyze(document, extracted.Diagnostics, new AnalysisOptions { TimelineOnly = true, Lexicon = lexicon ?? KindLexicon.Default });
    }

    /// <summary>
    /// A table of per-case scores and the totals of each split. The held-out split's rows are left out unless
    /// <paramref name="heldOutRows"/>: whoever tunes the rules reads its totals only, and a test log is read by them too.
    /// </summary>
    public static string Report(IReadOnlyList<CaseScore> scores, bool details, bool heldOutRows = false)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"case",-44} {"split",-5} {"form",-11} {"recall",7} {"prec.",7} {"kinds",7} {"keys",7} {"dur",5}");
        foreach (var s in scores.Where(s => heldOutRows || !s.Case.HeldOut))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{Trim(s.Case.Id, 44),-44} {s.Case.Split,-5} {Trim(s.Case.Form, 11),-11} {Ratio(s.Found, s.Expected),7} {Ratio(s.Correct, s.Predicted),7} {Ratio(s.KindsRight, s.KindsScored),7} {s.Keys.Count(k => k.Right) + "/" + s.Keys.Count,7} {(s.DurationRight is null ? "-" : s.DurationRight.Value ? "ok" : "x"),5}");
            if (details)
            {
                foreach (var m in s.Missed)
                {
                    sb.AppendLine("    missed   " + m);
                }

                foreach (var m in s.Spurious)
                {
                    sb.AppendLine("    spurious " + m);
                }

                foreach (var k in s.Keys.Where(k => !k.Right))
                {
                    var ev = Key(s.Analyzed.Keys, k.Name)?.Event;
                    sb.AppendLine(CultureInfo.InvariantCulture, $"    key {k.Name}: want {(k.Want is { } w ? Format(w) : "unknown")}, got {(k.Got is { } g ? Format(g) : "unknown")} {ev?.Text}");
                }

                if (s.DurationRight == false)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"    duration: want {s.Case.Duration.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, got {s.PredictedDuration?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
                }
            }
        }

        foreach (var split in scores.GroupBy(s => s.Case.Split))
        {
            sb.AppendLine(Totals.Of(split.Key, split.ToList()).ToString());
        }

        sb.AppendLine(Totals.Of("all", scores).ToString());
        return sb.ToString();
    }

    internal static KeyTimestamp? Key(KeyTimestamps k, string name) => name switch
    {
        "impactStart" => k.ImpactStart,
        "detection" => k.Detection,
        "escalation" => k.Escalation,
        "mitigation" => k.Mitigation,
        "resolution" => k.Resolution,
        "communication" => k.Communication,
        _ => null,
    };

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    internal static string Ratio(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("0.00", CultureInfo.InvariantCulture);

    private static Instant Minute(Instant i) => Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds() / 60 * 60);

    private static string Format(Instant i) => i.ToString("uuuu-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
