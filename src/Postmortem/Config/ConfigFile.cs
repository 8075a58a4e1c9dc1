using Postmortem.Analysis;
using Postmortem.Analysis.Lint;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using YamlDotNet.RepresentationModel;

namespace Postmortem.Config;

/// <summary>The team configuration file <c>.postmortem.yml</c> (docs/config.md), found by walking up from the input.</summary>
public static class ConfigFile
{
    /// <summary>The file name looked for.</summary>
    public const string FileName = ".postmortem.yml";

    private static readonly string[] TopKeys = ["severityScale", "lexicon", "silenceThresholdMinutes", "retroCadenceDays", "rules", "allow", "roster", "failOn", "store", "actionPolicies", "tracker"];
    private static readonly string[] PolicyKeys = ["name", "severity", "type", "dueWithinDays", "requireOwner", "requireDue"];
    private static readonly string[] TrackerKeys = ["kind", "webBaseUrl", "labels", "assignees", "credentials", "github", "jira"];
    private static readonly string[] GitHubKeys = ["repo", "apiUrl"];
    private static readonly string[] JiraKeys = ["site", "project", "issueType", "components", "transitions", "notDoingResolutions"];
    private static readonly string[] TransitionKeys = ["done", "notDoing", "reopen"];
    private static readonly string[] SeverityNames = ["off", "info", "warning", "error"];
    private static readonly string[] LevelKeys = ["level", "label", "definition", "when"];
    private static readonly string[] ConditionKeys = ["scope", "effect", "dataLoss", "securityBreach", "workaround", "minUsersPercent", "belowUsersPercent"];

    /// <summary>Finds the nearest <c>.postmortem.yml</c> at or above <paramref name="directory"/>, or null.</summary>
    public static string? Find(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads the configuration at <paramref name="path"/> into analysis options.</summary>
    public static Result<AnalysisOptions> ReadFile(string path)
    {
        var (file, problem) = Ingest.TextFile.Read(path);
        return file is null ? new(new AnalysisOptions(), [problem!]) : Read(file.Text, path);
    }

    /// <summary>Reads configuration text named <paramref name="file"/>.</summary>
    public static Result<AnalysisOptions> Read(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var y = new YamlNodeReader(file, diagnostics);
        var root = y.Load(text);
        var top = root is null ? null : y.Mapping(root, "(file)", FileName, TopKeys);
        if (top is null)
        {
            return new(new AnalysisOptions(), diagnostics);
        }

        var scale = ReadScale(y, top, file);
        var lexicon = ReadLexicon(y, top, file);
        var options = new AnalysisOptions
        {
            Scale = scale ?? SeverityScale.Default,
            Lexicon = lexicon.Count == 0 ? KindLexicon.Default : new KindLexicon(lexicon),
            SilenceThresholdMinutes = y.Integer(top, "silenceThresholdMinutes", 1, 24 * 60),
            RetroCadenceDays = y.Integer(top, "retroCadenceDays", 1, 366),
            Lint = ReadLint(y, top, file),
            Store = y.String(top, "store"),
            ActionPolicies = ReadPolicies(y, top, file),
            Tracker = ReadTracker(y, top, file),
        };
        return new(options, diagnostics);
    }

    private static List<ActionPolicy> ReadPolicies(YamlNodeReader y, Dictionary<string, YamlNode> top, string file)
    {
        var policies = new List<ActionPolicy>();
        foreach (var node in y.Sequence(top.GetValueOrDefault("actionPolicies"), "actionPolicies"))
        {
            if (y.Mapping(node, "actionPolicies[]", "an action policy", PolicyKeys) is not { } m)
            {
                continue;
            }

            var types = new List<ActionType>();
            foreach (var type in y.Strings(m, "type"))
            {
                if (Enum.TryParse<ActionType>(type.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(type, out _))
                {
                    types.Add(parsed);
                }
                else
                {
                    y.Add(DiagnosticCatalog.InvalidValue(file, YamlNodeReader.Line(m["type"]), YamlNodeReader.Column(m["type"]), "type", type, "prevent, detect, mitigate or process"));
                }
            }

            var policy = new ActionPolicy
            {
                Name = y.String(m, "name")?.Trim() ?? $"policy {policies.Count + 1}",
                Severities = [.. y.Strings(m, "severity").Select(s => s.Trim())],
                Types = types,
                DueWithinDays = y.Integer(m, "dueWithinDays", 1, 3660),
                RequireOwner = y.Bool(m, "requireOwner") ?? false,
                RequireDue = y.Bool(m, "requireDue") ?? false,
            };
            if (policy.DueWithinDays is null && !policy.RequireOwner && !policy.RequireDue)
            {
                y.Add(DiagnosticCatalog.MissingKey(file, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "dueWithinDays, requireOwner or requireDue", "an action policy"));
                continue;
            }

            policies.Add(policy);
        }

        return policies;
    }

    private static TrackerSettings? ReadTracker(YamlNodeReader y, Dictionary<string, YamlNode> top, string file)
    {
        var m = y.Mapping(top.GetValueOrDefault("tracker"), "tracker", "'tracker'", TrackerKeys);
        if (m is null)
        {
            return null;
        }

        GitHubTrackerSettings? github = null;
        if (y.Mapping(m.GetValueOrDefault("github"), "github", "'tracker.github'", GitHubKeys) is { } g)
        {
            var repo = y.String(g, "repo")?.Trim();
            var slash = repo?.IndexOf('/') ?? -1;
            if (repo is null || slash <= 0 || slash == repo.Length - 1 || repo.IndexOf('/', slash + 1) >= 0)
            {
                var node = g.GetValueOrDefault("repo") ?? m["github"];
                y.Add(DiagnosticCatalog.InvalidValue(file, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "tracker.github.repo", repo ?? string.Empty, "OWNER/NAME"));
            }
            else
            {
                github = new GitHubTrackerSettings(repo[..slash], repo[(slash + 1)..], y.String(g, "apiUrl")?.Trim().TrimEnd('/') ?? GitHubTrackerSettings.DefaultApiUrl);
            }
        }

        JiraTrackerSettings? jira = null;
        if (y.Mapping(m.GetValueOrDefault("jira"), "jira", "'tracker.jira'", JiraKeys) is { } j)
        {
            var site = y.String(j, "site")?.Trim().TrimEnd('/');
            var project = y.String(j, "project")?.Trim();
            if (site is null || project is null)
            {
                y.Add(DiagnosticCatalog.MissingKey(file, YamlNodeReader.Line(m["jira"]), YamlNodeReader.Column(m["jira"]), "site and project", "'tracker.jira'"));
            }
            else
            {
                var t = y.Mapping(j.GetValueOrDefault("transitions"), "transitions", "'tracker.jira.transitions'", TransitionKeys);
                var defaults = new JiraTrackerSettings(site, project, "Task");
                jira = defaults with
                {
                    IssueType = y.String(j, "issueType")?.Trim() ?? defaults.IssueType,
                    Components = y.Strings(j, "components"),
                    DoneTransition = y.String(t, "done")?.Trim() ?? defaults.DoneTransition,
                    NotDoingTransition = y.String(t, "notDoing")?.Trim() ?? defaults.NotDoingTransition,
                    ReopenTransition = y.String(t, "reopen")?.Trim() ?? defaults.ReopenTransition,
                    NotDoingResolutions = j.ContainsKey("notDoingResolutions") ? y.Strings(j, "notDoingResolutions") : defaults.NotDoingResolutions,
                };
            }
        }

        var assignees = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // The keys are the team's own (owners as written in 'owner:'), so every key the mapping has is allowed.
        var assigneesNode = m.GetValueOrDefault("assignees");
        string[] owners = assigneesNode is YamlMappingNode given ? [.. given.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty)] : [];
        var map = y.Mapping(assigneesNode, "assignees", "'tracker.assignees'", owners);
        foreach (var (owner, _) in map ?? [])
        {
            if (y.String(map, owner) is { } user)
            {
                assignees[owner.Trim()] = user.Trim();
            }
        }

        return new TrackerSettings
        {
            Kind = y.OneOf(m, "kind", ["github", "jira"])?.ToLowerInvariant(),
            WebBaseUrl = y.String(m, "webBaseUrl")?.Trim().TrimEnd('/'),
            Labels = y.Strings(m, "labels"),
            Assignees = assignees,
            CredentialsFile = y.String(m, "credentials")?.Trim(),
            GitHub = github,
            Jira = jira,
            ConfigFolder = Path.GetDirectoryName(Path.GetFullPath(file)),
            ConfigFile = file,
        };
    }

    private static SeverityScale? ReadScale(YamlNodeReader y, Dictionary<string, YamlNode> top, string file)
    {
        if (!top.TryGetValue("severityScale", out var node))
        {
            return null;
        }

        var levels = new List<SeverityLevel>();
        foreach (var item in y.Sequence(node, "severityScale"))
        {
            var m = y.Mapping(item, "severityScale[]", "a severity level", LevelKeys);
            var level = y.String(m, "level");
            if (m is null || level is null)
            {
                y.Add(DiagnosticCatalog.MissingKey(file, YamlNodeReader.Line(item), YamlNodeReader.Column(item), "level", "a severity level"));
                continue;
            }

            var conditions = new List<SeverityCondition>();
            foreach (var c in y.Sequence(m.GetValueOrDefault("when"), "when"))
            {
                var cm = y.Mapping(c, "when[]", "a severity condition", ConditionKeys);
                if (cm is null)
                {
                    continue;
                }

                conditions.Add(new SeverityCondition
                {
                    Scope = cm.ContainsKey("scope") ? y.Strings(cm, "scope") : null,
                    Effect = cm.ContainsKey("effect") ? y.Strings(cm, "effect") : null,
                    DataLoss = y.Bool(cm, "dataLoss"),
                    SecurityBreach = y.Bool(cm, "securityBreach"),
                    Workaround = y.Bool(cm, "workaround"),
                    MinUsersPercent = y.Number(cm, "minUsersPercent", 0, 100),
                    BelowUsersPercent = y.Number(cm, "belowUsersPercent", 0, 100),
                });
            }

            levels.Add(new SeverityLevel(level.Trim(), y.String(m, "label")?.Trim() ?? level.Trim(), y.String(m, "definition")?.Trim() ?? string.Empty, conditions));
        }

        return levels.Count == 0 ? null : new SeverityScale(file, levels);
    }

    private static LintOptions ReadLint(YamlNodeReader y, Dictionary<string, YamlNode> top, string file)
    {
        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
        var ruleNames = RuleCatalog.All.SelectMany(r => new[] { r.Id, r.Name }).ToArray();
        var rules = y.Mapping(top.GetValueOrDefault("rules"), "rules", "'rules'", ruleNames);
        foreach (var (name, _) in rules ?? [])
        {
            if (y.OneOf(rules, name, SeverityNames) is { } level)
            {
                severities[RuleCatalog.Find(name)!.Id] = level.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : Enum.Parse<DiagnosticSeverity>(level, ignoreCase: true);
            }
        }

        var roster = new List<TeamMember>();
        foreach (var node in y.Sequence(top.GetValueOrDefault("roster"), "roster"))
        {
            var m = y.Mapping(node, "roster[]", "a roster entry", ["name", "role", "handles"]);
            if (y.String(m, "name") is { } name && y.String(m, "role") is { } role)
            {
                roster.Add(new TeamMember(name.Trim(), role.Trim(), y.Strings(m, "handles")));
            }
            else if (m is not null)
            {
                y.Add(DiagnosticCatalog.MissingKey(file, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "name and role", "a roster entry"));
            }
        }

        var failOn = y.OneOf(top, "failOn", ["info", "warning", "error"]);
        return new LintOptions
        {
            Severities = severities,
            Allowed = y.Strings(top, "allow"),
            Roster = roster,
            FailOn = failOn is null ? DiagnosticSeverity.Warning : Enum.Parse<DiagnosticSeverity>(failOn, ignoreCase: true),
        };
    }

    private static List<LexiconEntry> ReadLexicon(YamlNodeReader y, Dictionary<string, YamlNode> top, string file)
    {
        var entries = new List<LexiconEntry>();
        var m = y.Mapping(top.GetValueOrDefault("lexicon"), "lexicon", "'lexicon'", EventKinds.AllNames.ToArray());
        if (m is null)
        {
            return entries;
        }

        foreach (var (kindName, _) in m)
        {
            EventKinds.TryParse(kindName, out var kind);
            foreach (var phrase in y.Strings(m, kindName))
            {
                // A team writes words, not regular expressions: matched by their bases, so "restore service" also finds
                // "service was restored" (docs/analysis.md, "Word phrases"). A phrase with punctuation inside a clause
                // break ("rolled back, again") is matched as written.
                entries.Add(IsWordPhrase(phrase)
                    ? new LexiconEntry(kind, phrase.Trim(), file, LexiconForm.Words)
                    : new LexiconEntry(kind, System.Text.RegularExpressions.Regex.Escape(phrase.Trim()), file));
            }
        }

        return entries;
    }

    // Words, spaces, apostrophes, hyphens, '#', '@', '/' and '.' inside a word: nothing that ends a clause or splits phrases.
    private static bool IsWordPhrase(string phrase) =>
        phrase.Any(char.IsLetterOrDigit) && phrase.Trim().All(c => char.IsLetterOrDigit(c) || c is ' ' or '\'' or '’' or '-' or '#' or '@' or '/' or '_')
        && !phrase.Trim().Split(' ').Any(w => w is "but" or "however" or "while" or "after" or "because" or "which" or "until" or "although" or "though");
}
