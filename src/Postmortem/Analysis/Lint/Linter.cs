using System.Text.RegularExpressions;
using Postmortem.Model;

namespace Postmortem.Analysis.Lint;

/// <summary>Runs the blameless rules over prose segments. Never throws on input.</summary>
public static class Linter
{
    /// <summary>Lints a whole file: an incident file (<c>.yml</c>, <c>.yaml</c>; its roster joins the configured one) or Markdown.</summary>
    public static IReadOnlyList<LintFinding> LintFile(string file, string text, LintOptions options)
    {
        if (file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            var roster = Ingest.Yaml.IncidentFileReader.Read(text, file).Document?.Team.Roster ?? [];
            return Lint(file, Ingest.Prose.YamlProse.Read(text).Segments, options with { Roster = [.. options.Roster, .. roster] });
        }

        var prose = Ingest.Prose.MarkdownProse.Read(text);
        return Lint(file, prose.Segments, options, prose.Suppressions);
    }

    /// <summary>Lints <paramref name="segments"/> of <paramref name="file"/>.</summary>
    public static IReadOnlyList<LintFinding> Lint(string file, IEnumerable<ProseSegment> segments, LintOptions options, Suppressions? suppressions = null)
    {
        var findings = new List<LintFinding>();
        // Quoted passages ("…", “…”) are verbatim evidence, not our prose: they are never linted.
        foreach (var segment in segments.SelectMany(QuoteSplitter.Split))
        {
            foreach (var (rule, index, length, fix) in Matches(segment, options.Roster))
            {
                var severity = options.SeverityOf(rule);
                if (severity == LintSeverity.Off || !rule.Applies.Contains(segment.Context)
                    || IsAllowed(segment.Text, index, length, options.Allowed) || suppressions?.IsSuppressed(rule, segment.Line) == true)
                {
                    continue;
                }

                var matched = segment.Text.Substring(index, length);
                findings.Add(new LintFinding
                {
                    File = file,
                    Line = segment.Line,
                    Column = segment.Column + index,
                    Length = length,
                    Offset = segment.Offset + index,
                    Rule = rule,
                    Severity = severity,
                    Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.Message, matched),
                    Suggestion = string.IsNullOrEmpty(fix) ? rule.Suggestion : $"{rule.Suggestion}: '{fix}'",
                    Fix = fix,
                });
            }
        }

        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(LintRule Rule, int Index, int Length, string? Fix)> Matches(ProseSegment segment, IReadOnlyList<TeamMember> roster)
    {
        var text = segment.Text;
        foreach (Match m in LintRules.CounterfactualPattern().Matches(text))
        {
            yield return (LintRules.Counterfactual, m.Index, m.Length, null);
        }

        foreach (Match m in LintRules.AbsencePattern().Matches(text))
        {
            if (!LintRules.SystemSubject().IsMatch(text[..m.Index]))
            {
                yield return (LintRules.AbsenceAsFault, m.Index, m.Length, null);
            }
        }

        foreach (Match m in LintRules.HumanErrorPattern().Matches(text))
        {
            yield return (LintRules.HumanError, m.Index, m.Length, null);
        }

        foreach (Match m in LintRules.JudgementalPattern().Matches(text))
        {
            yield return (LintRules.Judgemental, m.Index, m.Length, null);
        }

        foreach (Match m in LintRules.RootCausePattern().Matches(text))
        {
            yield return (LintRules.RootCause, m.Index, m.Length, null);
        }

        foreach (Match m in LintRules.HindsightPattern().Matches(text))
        {
            yield return (LintRules.Hindsight, m.Index, m.Length, string.Empty);
        }

        foreach (var (index, length, role) in People(text, roster))
        {
            yield return (LintRules.PersonName, index, length, role);
        }

        foreach (Match m in LintRules.CauseVerbPattern().Matches(text))
        {
            var before = text[..m.Index];
            var subject = LintRules.PersonSubject().Match(before);
            var named = People(before, roster).LastOrDefault(p => before[(p.Index + p.Length)..].Trim().Length == 0);
            var start = subject.Success ? subject.Index : named.Length > 0 ? named.Index : -1;
            if (start >= 0)
            {
                yield return (LintRules.PersonAsCause, start, m.Index + m.Length - start, null);
            }
        }

        foreach (Match m in LintRules.WhoPattern().Matches(text))
        {
            yield return (LintRules.WhoQuestion, m.Index, m.Length, null);
        }

        foreach (Match m in LintRules.ActionAtPeoplePattern().Matches(text))
        {
            yield return (LintRules.ActionAtPeople, m.Index, m.Length, null);
        }
    }

    /// <summary>Roster names and @handles in <paramref name="text"/>, with the role that replaces each (null when unknown).</summary>
    internal static IEnumerable<(int Index, int Length, string? Role)> People(string text, IReadOnlyList<TeamMember> roster)
    {
        var found = new List<(int Index, int Length, string? Role)>();
        // A roster entry whose "name" is its role (a team that lists roles only) names nobody.
        foreach (var member in roster.Where(m => !m.Name.Equals(m.Role, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var name in member.Handles.Prepend(member.Name).Where(n => n.Length > 1 && !n.StartsWith('@')))
            {
                // Names are matched case-sensitively: "Will" the person, not "will" the verb.
                foreach (Match m in Regex.Matches(text, @"(?<![\w@])" + Regex.Escape(name) + @"(?![\w])"))
                {
                    found.Add((m.Index, m.Length, member.Role));
                }
            }
        }

        foreach (Match m in LintRules.HandlePattern().Matches(text))
        {
            if (!found.Any(f => f.Index <= m.Index && m.Index < f.Index + f.Length))
            {
                found.Add((m.Index, m.Length, EventEnricher.RoleOf(m.Value, roster)));
            }
        }

        return found.OrderBy(f => f.Index);
    }

    private static bool IsAllowed(string text, int index, int length, IReadOnlyList<string> allowed)
    {
        foreach (var phrase in allowed)
        {
            for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (index < at + phrase.Length && at < index + length)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
