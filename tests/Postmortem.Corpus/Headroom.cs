using System.Globalization;
using System.Text;
using NodaTime;
using Postmortem.Model;

namespace Postmortem.Corpus;

/// <summary>
/// Where each wrong or missed key goes wrong: the labelled moment is not in the timeline at all (reading), it is there
/// without evidence of the key's kind (the lexicon), or it is there with that evidence and the rules chose another
/// moment (judgement). Totals only, like <see cref="KeyBreakdown"/>: it names no case.
/// </summary>
public static class Headroom
{
    private static readonly Dictionary<string, EventKind[]> Family = new()
    {
        ["impactStart"] = [EventKind.Impact, EventKind.CustomerReport, EventKind.Alert],
        ["detection"] = [EventKind.Alert, EventKind.Page, EventKind.CustomerReport, EventKind.Impact, EventKind.Diagnosis],
        ["escalation"] = [EventKind.Escalation, EventKind.Page],
        ["mitigation"] = [EventKind.Mitigation, EventKind.Resolution],
        ["resolution"] = [EventKind.Resolution, EventKind.Mitigation],
        ["communication"] = [EventKind.Communication],
    };

    /// <summary>The totals; with <paramref name="rows"/>, each wrong key of a case outside the held-out split with its class.</summary>
    public static string Report(IReadOnlyList<CaseScore> scores, bool rows = false)
    {
        var text = new StringBuilder();
        var lines = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"key (labelled, not right)",-26} {"not read",9} {"no kind",8} {"judged",7} {"runner-up",10} {"invented",9}");
        foreach (var name in CorpusCase.KeyNames)
        {
            int notRead = 0, noKind = 0, judged = 0, runnerUp = 0, invented = 0, atFirst = 0, atLast = 0, between = 0;
            foreach (var s in scores)
            {
                var k = s.Keys.FirstOrDefault(x => x.Name == name);
                if (k is null || k.Right)
                {
                    continue;
                }

                if (k.Want is not { } want)
                {
                    invented++;
                    continue;
                }

                var at = Minute(want);
                var events = s.Analyzed.Timeline.Where(e => Minute(e.Time) == at || (e.EndTime is { } end && Minute(end) == at)).ToList();
                string cls;
                if (events.Count == 0)
                {
                    notRead++;
                    cls = "not read";
                }
                else if (!events.Any(e => e.Evidence.Any(x => Family[name].Contains(x.Kind)) || Family[name].Contains(e.Kind)))
                {
                    noKind++;
                    cls = "no kind";
                }
                else
                {
                    judged++;
                    cls = "judged";
                    // Where the labelled moment stands among the timeline's moments of the key's family: the first, the
                    // last, or one between. A rule that takes the first where writers mean the last shows here.
                    var family = s.Analyzed.Timeline.Where(e => e.Evidence.Any(x => Family[name].Contains(x.Kind)) || Family[name].Contains(e.Kind))
                        .Select(e => Minute(e.Time)).Distinct().Order().ToList();
                    if (family.Count > 1 && family[0] == at)
                    {
                        atFirst++;
                    }
                    else if (family.Count > 1 && family[^1] == at)
                    {
                        atLast++;
                    }
                    else
                    {
                        between++;
                    }

                    if (CorpusScorer.Key(s.Analyzed.Keys, name)?.Candidates.Any(c => Minute(c.Time) == at) == true)
                    {
                        runnerUp++;
                    }
                }

                if (rows && !s.Case.HeldOut)
                {
                    var got = CorpusScorer.Key(s.Analyzed.Keys, name);
                    lines.AppendLine(CultureInfo.InvariantCulture, $"  {cls,-8} {name,-13} {s.Case.Id}: want {at:HH:mm} '{Clip(events.FirstOrDefault()?.Text)}', got {got?.Time.ToString("HH:mm", null) ?? "unknown"} '{Clip(got?.Event.Text)}'");
                }
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{name,-26} {notRead,9} {noKind,8} {judged,7} {runnerUp,10} {invented,9}   judged label first/last/between {atFirst}/{atLast}/{between}");
        }

        return text.Append(lines).ToString();
    }

    private static string Clip(string? s) => s is null ? "" : s.Length <= 90 ? s : s[..89] + "…";

    private static Instant Minute(Instant i) => Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds() / 60 * 60);
}
