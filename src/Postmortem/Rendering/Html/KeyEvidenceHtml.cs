using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Rendering.Html;

/// <summary>
/// Why each key timestamp is where it is: the event and the rule that chose it, the words that made the event that
/// kind (<see cref="KindEvidence"/>) with where they were read, and the other events that could have been the key.
/// </summary>
internal static class KeyEvidenceHtml
{
    /// <summary>The table, or nothing when no key timestamp is known.</summary>
    public static void Write(HtmlPage page, AnalyzedPostmortem pm, TimeFormat f)
    {
        var k = pm.Keys;
        var keys = new (string Name, KeyTimestamp? Key)[]
        {
            ("Impact start", k.ImpactStart), ("Detection", k.Detection), ("First customer report", k.FirstCustomerReport), ("Escalation", k.Escalation),
            ("Mitigation", k.Mitigation), ("Resolution", k.Resolution), ("Communication", k.Communication),
        }.Where(x => x.Key is not null).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        page.Heading(3, "Evidence and alternatives");
        page.TableStart(("Key", 13), ("Time", 15), ("Event and rule", 28), ("Evidence", 22), ("Alternatives", 22));
        foreach (var (name, key) in keys)
        {
            page.Row(name, f.Cell(key!.Time, null), $"{key.Event.Text}\nRule: {key.Rule}", Evidence(key.Event), Alternatives(key, f));
        }

        page.TableEnd();
    }

    /// <summary>"alert: "fired" (text, 0.8)" per piece of evidence, then where the event was read.</summary>
    private static string Evidence(TimelineEvent e)
    {
        var words = e.Evidence.Count == 0
            ? [$"{e.Kind.ToName()}: no phrase recorded"]
            : e.Evidence.Select(x => $"{x.Kind.ToName()}: \"{x.Phrase}\" ({x.Origin}, {HtmlPage.Number(x.Strength)})");
        return string.Join("\n", words.Append($"read from {e.Provenance.File}:{e.Provenance.Line}:{e.Provenance.Column}"));
    }

    private static string Alternatives(KeyTimestamp key, TimeFormat f) =>
        key.Candidates.Count == 0 ? "no other event could have been this one" : string.Join("\n", key.Candidates.Select(c => $"{f.Cell(c.Time, null)}: {c.Text}"));
}
