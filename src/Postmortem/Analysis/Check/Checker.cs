using Postmortem.Analysis.Actions;
using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;
using Postmortem.Ingest;
using Postmortem.Ingest.Documents;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;

namespace Postmortem.Analysis.Check;

/// <summary>
/// <c>postmortem check</c>: one report for CI over an incident file or a Markdown postmortem — template
/// completeness, key timestamps, blameless lint, action-item checks and the follow-up schedule.
/// </summary>
public static class Checker
{
    private static readonly string[] IncidentSections = ["Summary", "Impact", "Timeline", "Contributing factors", "Detection and response assessment", "What went well", "Action items", "Follow-up schedule"];
    private static readonly string[] ProjectSections = ["Summary", "Goals vs. Outcomes", "What went well", "What we would do differently", "Lessons learned", "Recommendations for future engagements", "Action items"];

    /// <summary>Checks a file: the findings, and diagnostics that are input errors (the file could not be read as a postmortem).</summary>
    /// <param name="file">The file's path: incident files (.yml) are analysed, others read as Markdown.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="options">Team configuration.</param>
    /// <param name="scope">Where an incident file's notes files may be read (default: <see cref="InputScope.For"/>).</param>
    public static Result<IReadOnlyList<LintFinding>> CheckFile(string file, string text, AnalysisOptions options, InputScope? scope = null)
    {
        var (lint, unread) = Linter.LintFileWithDiagnostics(file, text, options.Lint);
        if (file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            scope ??= InputScope.For(file);
            var read = IncidentFileReader.Read(text, file, relative => IncidentFileReader.ReadText(scope.Resolve(relative)), scope);
            if (read.Value is null)
            {
                return new([], read.Diagnostics);
            }

            var analyzed = Analyzer.Analyze(read.Value, read.Diagnostics, options);
            return new([.. Sort(lint.Concat(CheckDocument(analyzed, options.Lint)).Concat(CheckPolicies(analyzed, options)))], analyzed.Diagnostics);
        }

        if (MarkdownRecordReader.IsRecord(text))
        {
            // A record draft wrote (front matter and the template): the same document as an incident file, checked the same way.
            var record = MarkdownRecordReader.Read(text, file);
            if (record.Value is null || unread.Count > 0)
            {
                return new([], [.. unread, .. record.Diagnostics]);
            }

            var analyzed = Analyzer.Analyze(record.Value, record.Diagnostics, options);
            return new([.. Sort(lint.Concat(CheckDocument(analyzed, options.Lint)).Concat(CheckPolicies(analyzed, options)))], analyzed.Diagnostics);
        }

        var markdown = MarkdownPostmortemReader.Read(text, file);
        if (unread.Count > 0 || markdown.Diagnostics.Count > 0)
        {
            return new([], [.. unread, .. markdown.Diagnostics]);
        }

        return new([.. Sort(lint.Concat(CheckMarkdown(file, markdown, options.Lint)).Concat(MarkdownPolicies(file, text, options)))], []);
    }

    // A hand-written Markdown postmortem (the seed's or the SRE layout): the template checks read its sections as written,
    // and the action policies need its severity, date and actions as the model has them, which the record reader gives.
    private static List<LintFinding> MarkdownPolicies(string file, string text, AnalysisOptions options)
    {
        if (options.ActionPolicies.Count == 0 || MarkdownRecordReader.Read(text, file) is not { Value: { } document } read)
        {
            return [];
        }

        return CheckPolicies(Analyzer.Analyze(document, read.Diagnostics, options), options);
    }

    // The team's action policies, for an incident whose severity and date are known from the analysis.
    private static List<LintFinding> CheckPolicies(AnalyzedPostmortem pm, AnalysisOptions options)
    {
        var findings = new List<LintFinding>();
        foreach (var a in pm.Document.Actions)
        {
            var broken = Actions.PolicyCheck.Broken(options.ActionPolicies, pm.Severity?.Level ?? pm.Document.Severity, pm.IncidentDate, a.Type?.ToString(), a.Owner, a.Due, ActionStatus.Of(a.Status));
            foreach (var why in broken)
            {
                LintFinding.AddTo(findings, options.Lint, Actions.ActionRules.Policy, pm.Document.SourceFile, a.Line, a.Column, a.Id, why);
            }
        }

        return findings;
    }

    private static IEnumerable<LintFinding> CheckDocument(AnalyzedPostmortem pm, LintOptions options)
    {
        var d = pm.Document;
        var file = d.SourceFile;
        var incident = d.Type == PostmortemType.Incident;
        var findings = new List<LintFinding>();
        void Missing(LintRule rule, string what) => LintFinding.AddTo(findings, options, rule, file, 1, 1, what);

        if (string.IsNullOrWhiteSpace(d.Summary))
        {
            Missing(CheckRules.SectionMissing, "Summary");
        }

        if (incident)
        {
            if (d.Impact.UsersAffected is null)
            {
                Missing(CheckRules.SectionPlaceholder, "Impact");
            }

            if (d.Factors.Count == 0)
            {
                Missing(CheckRules.SectionPlaceholder, "Contributing factors");
            }

            foreach (var (name, key) in new (string, KeyTimestamp?)[] { ("detection", pm.Keys.Detection), ("escalation", pm.Keys.Escalation), ("mitigation", pm.Keys.Mitigation), ("resolution", pm.Keys.Resolution), ("communication", pm.Keys.Communication) })
            {
                if (key is null)
                {
                    LintFinding.AddTo(findings, options, CheckRules.KeyTimestamp, file, 1, 1, name, CheckRules.Settle(name));
                }
            }
        }
        else if (d.Project is { } p)
        {
            if (p.Goals.Count == 0)
            {
                Missing(CheckRules.SectionPlaceholder, "Goals vs. Outcomes");
            }

            if (p.Lessons.Process.Count + p.Lessons.Technical.Count + p.Lessons.People.Count + p.Lessons.Client.Count == 0)
            {
                Missing(CheckRules.SectionPlaceholder, "Lessons learned");
            }
        }

        if (d.WentWell.Count == 0)
        {
            Missing(CheckRules.SectionPlaceholder, "What went well");
        }

        if (d.Actions.Count == 0)
        {
            Missing(CheckRules.SectionPlaceholder, "Action items");
        }

        if (pm.FollowUp.ActionReview is null)
        {
            Missing(CheckRules.FollowUp, "no postmortem date");
        }

        findings.AddRange(ActionChecker.Check(file, d.Actions, d.Factors, d.PostmortemDate, incident, ActionChecker.Coverage.ExplicitLinks, options));
        return findings;
    }

    private static IEnumerable<LintFinding> CheckMarkdown(string file, MarkdownPostmortem md, LintOptions options)
    {
        var findings = new List<LintFinding>();
        foreach (var section in md.IsProject ? ProjectSections : IncidentSections)
        {
            var found = md.Sections.FirstOrDefault(s => s.Title.Equals(section, StringComparison.OrdinalIgnoreCase));
            if (found.Title is null)
            {
                LintFinding.AddTo(findings, options, CheckRules.SectionMissing, file, 1, 1, section);
            }
            else if (found.Placeholder)
            {
                LintFinding.AddTo(findings, options, CheckRules.SectionPlaceholder, file, found.Line, 1, section);
            }
        }

        foreach (var (name, line) in md.UnknownKeyTimestamps)
        {
            LintFinding.AddTo(findings, options, CheckRules.KeyTimestamp, file, line, 1, name.ToLowerInvariant(), CheckRules.Settle(name.ToLowerInvariant()));
        }

        if (md.UnknownFollowUpLine is { } followUp)
        {
            LintFinding.AddTo(findings, options, CheckRules.FollowUp, file, followUp, 1, "no postmortem date");
        }

        findings.AddRange(ActionChecker.Check(file, md.Actions, md.Factors, md.PostmortemDate, !md.IsProject, ActionChecker.Coverage.WordOverlap, options));
        return findings;
    }

    private static IEnumerable<LintFinding> Sort(IEnumerable<LintFinding> findings) =>
        findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule.Id, StringComparer.Ordinal);
}
