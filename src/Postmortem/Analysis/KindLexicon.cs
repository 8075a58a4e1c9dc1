using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis;

/// <summary>
/// The phrases that classify timeline events, in priority order: the first kind with a matching phrase wins.
/// </summary>
/// <remarks>
/// The order settles sentences that name two things: "decided to roll back" is a decision, not the
/// rollback; "rolled back the deploy" is a mitigation, not a change. Teams add phrases in
/// <c>.postmortem.yml</c> ('lexicon'); theirs are tried before the built-in ones of the same kind.
/// The table is printed in docs/analysis.md.
/// </remarks>
public sealed class KindLexicon
{
    /// <summary>The built-in phrases, in priority order.</summary>
    public static IReadOnlyList<LexiconEntry> BuiltIn { get; } =
    [
        new(EventKind.Decision, @"decided|decision|agreed to|chose to|call was made", "built-in"),
        new(EventKind.Resolution, @"resolved|resolution|confirmed stable|stable again|stabili[sz]ed|fully recovered|recovered|back to normal|all clear|fully restored|service restored|incident closed|closed the incident|returned to (?:normal|baseline)", "built-in"),
        new(EventKind.Communication, @"status ?page|statuspage|posted an? (?:update|notice)|customers? (?:were |was )?(?:notified|informed|emailed)|notified (?:customers|stakeholders|users)|announced|announcement|tweeted|sent an? (?:update|email|notice) to|comms sent", "built-in"),
        new(EventKind.Mitigation, @"rolled back|roll(?:ed)?[- ]?back|rollback|reverted|revert|failed over|fail ?over|flag (?:turned |switched )?off|disabled (?:the )?(?:feature|flag)|kill ?switch|mitigat\w*|restarted|scaled (?:up|out)|drained|shed load|hotfix (?:deployed|applied)|traffic (?:shifted|moved)", "built-in"),
        new(EventKind.Escalation, @"escalat\w*|joined|brought in|bringing in|loop(?:ed|ing)? in|pull(?:ed|ing)? in|call(?:ed|ing)? in|war ?room|incident commander|second responder", "built-in"),
        new(EventKind.Page, @"paged|page sent|pager|on-?call (?:was )?(?:notified|paged)|acknowledged|ack(?:ed)?", "built-in"),
        new(EventKind.Alert, @"alert\w*|alarm\w*|monitor (?:triggered|fired)|fired|synthetic check failed", "built-in"),
        new(EventKind.CustomerReport, @"customers? (?:complain\w*|report\w*)|complaint|support ticket|ticket|users? reports?|reported by (?:a )?(?:customer|user)|customers? (?:couldn't|could not|can't|cannot|were unable)", "built-in"),
        new(EventKind.Diagnosis, @"identified|root cause|traced to|found (?:that|the)|diagnos\w*|pinpointed|narrowed|determined|suspected|hypothes\w*|investigat\w*", "built-in"),
        new(EventKind.Change, @"deploy\w*|releas\w*|rolled out|roll-?out|pushed|merged|config(?:uration)? change|migration|upgrad\w*|shipped|launched", "built-in"),
        new(EventKind.Impact, @"errors?|5xx|50[0-4]s?|latency|time ?outs?|down|outage|failing|degrad\w*|unavailable|slow\w*|spike\w*|elevated|frozen|broken|crash\w*|exhaust\w*", "built-in"),
    ];

    private readonly List<(LexiconEntry Entry, Regex Regex)> entries;

    /// <summary>Creates a lexicon from the built-in phrases plus a team's additions.</summary>
    public KindLexicon(IEnumerable<LexiconEntry>? additions = null)
    {
        var added = (additions ?? []).ToList();
        var ordered = new List<LexiconEntry>();
        foreach (var kindGroup in BuiltIn.GroupBy(e => e.Kind))
        {
            ordered.AddRange(added.Where(a => a.Kind == kindGroup.Key));
            ordered.AddRange(kindGroup);
        }

        // Additions for kinds that have no built-in phrases (other) go last.
        ordered.AddRange(added.Where(a => BuiltIn.All(b => b.Kind != a.Kind)));
        entries = ordered
            .Select(e => (e, new Regex(@"\b(?:" + e.Pattern + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            .ToList();
    }

    /// <summary>The default lexicon.</summary>
    public static KindLexicon Default { get; } = new();

    /// <summary>Classifies a text: the kind and the phrase that decided it, or <see cref="EventKind.Other"/>.</summary>
    public (EventKind Kind, string Rule) Classify(string text)
    {
        foreach (var (entry, regex) in entries)
        {
            var m = regex.Match(text);
            if (m.Success)
            {
                return (entry.Kind, $"lexicon:{entry.Kind.ToName()}:'{m.Value.ToLowerInvariant()}'");
            }
        }

        return (EventKind.Other, "lexicon:no-match");
    }
}
