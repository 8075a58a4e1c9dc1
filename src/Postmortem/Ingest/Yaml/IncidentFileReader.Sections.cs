using Postmortem.Diagnostics;
using Postmortem.Model;
using YamlDotNet.RepresentationModel;
using K = Postmortem.Ingest.Yaml.IncidentFileKeys;

namespace Postmortem.Ingest.Yaml;

/// <summary>The sections after the timeline: impact, team, factors, assessment, action items and project details.</summary>
public static partial class IncidentFileReader
{
    private static Impact ReadImpact(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "impact"), "impact", "'impact'", K.Impact);
        return new Impact
        {
            UsersAffected = y.String(m, "usersAffected"),
            UsersAffectedPercent = y.Number(m, "usersAffectedPercent", 0, 100),
            Revenue = y.String(m, "revenue"),
            Sla = y.String(m, "sla"),
            Data = y.String(m, "data"),
            Scope = y.OneOf(m, "scope", K.Scopes),
            Effect = y.OneOf(m, "effect", K.Effects),
            DataLoss = y.Bool(m, "dataLoss"),
            SecurityBreach = y.Bool(m, "securityBreach"),
            Workaround = y.Bool(m, "workaround"),
        };
    }

    private static Team ReadTeam(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "team"), "team", "'team'", K.Team);
        var roster = new List<TeamMember>();
        foreach (var node in y.Sequence(Get(m, "roster"), "team.roster"))
        {
            var entry = y.Mapping(node, "team.roster[]", "a roster entry", K.RosterEntry);
            var name = y.String(entry, "name");
            var role = y.String(entry, "role");
            if (entry is not null && (name is null || role is null))
            {
                y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), name is null ? "name" : "role", "a roster entry"));
                continue;
            }

            if (name is not null && role is not null)
            {
                roster.Add(new TeamMember(name.Trim(), role.Trim(), y.Strings(entry, "handles")));
            }
        }

        var retro = y.Mapping(Get(m, "retro"), "team.retro", "'team.retro'", K.Retro);
        return new Team
        {
            Name = y.String(m, "name")?.Trim() is { Length: > 0 } teamName ? teamName : null,
            Context = y.String(m, "context")?.Trim(),
            Experience = y.String(m, "experience")?.Trim(),
            OnCall = y.String(m, "onCall")?.Trim(),
            Roster = roster,
            RetroCadenceDays = y.Integer(retro, "cadenceDays", 1, 366),
            RetroAnchor = y.Date(retro, "anchor"),
        };
    }

    private static IReadOnlyList<ContributingFactor> ReadFactors(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "factors"), "factors", "'factors'", K.FactorCategories);
        var factors = new List<ContributingFactor>();
        foreach (var category in K.FactorCategories)
        {
            var items = y.Sequence(Get(m, category), $"factors.{category}");
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var fallbackId = $"{category}-{i + 1}";
                if (item is YamlScalarNode)
                {
                    if (y.String(item, $"factors.{category}") is { } text)
                    {
                        factors.Add(new ContributingFactor(fallbackId, category, text.Trim()) { Line = YamlNodeReader.Line(item), Column = YamlNodeReader.Column(item) });
                    }

                    continue;
                }

                var f = y.Mapping(item, $"factors.{category}[]", "a factor", K.Factor);
                if (y.String(f, "text") is { } factorText)
                {
                    factors.Add(new ContributingFactor(y.String(f, "id")?.Trim() ?? fallbackId, category, factorText.Trim())
                    {
                        AcceptedRisk = y.Bool(f, "acceptedRisk") ?? false,
                        Line = YamlNodeReader.Line(item),
                        Column = YamlNodeReader.Column(item),
                    });
                }
                else if (f is not null)
                {
                    y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(item), YamlNodeReader.Column(item), "text", "a factor"));
                }
            }
        }

        return factors;
    }

    private static IReadOnlyList<AssessmentRow> ReadAssessment(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var m = y.Mapping(Get(top, "assessment"), "assessment", "'assessment'", K.AssessmentPhases);
        var rows = new List<AssessmentRow>();
        foreach (var phase in K.AssessmentPhases)
        {
            var row = y.Mapping(Get(m, phase), $"assessment.{phase}", $"'assessment.{phase}'", K.AssessmentRow);
            if (row is not null)
            {
                rows.Add(new AssessmentRow(phase, y.String(row, "happened")?.Trim(), y.String(row, "worked")?.Trim(), y.String(row, "didnt")?.Trim()));
            }
        }

        return rows;
    }

    private static IReadOnlyList<ActionItem> ReadActions(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top, PostmortemType type)
    {
        var actions = new List<ActionItem>();
        var items = y.Sequence(Get(top, "actions"), "actions");
        for (var i = 0; i < items.Count; i++)
        {
            var m = y.Mapping(items[i], "actions[]", "an action item", type == PostmortemType.Project ? K.Action.Where(k => k != "type").ToArray() : K.Action);
            if (m is null)
            {
                continue;
            }

            var action = y.String(m, "action");
            if (action is null)
            {
                y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(items[i]), YamlNodeReader.Column(items[i]), "action", "an action item"));
                continue;
            }

            var typeName = y.OneOf(m, "type", K.ActionTypes);
            actions.Add(new ActionItem
            {
                Id = y.String(m, "id")?.Trim() ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = action.Trim(),
                Type = typeName is null ? null : Enum.Parse<ActionType>(typeName, ignoreCase: true),
                Owner = y.String(m, "owner")?.Trim(),
                Due = y.Date(m, "due"),
                Status = y.String(m, "status")?.Trim() ?? "Open",
                Note = y.String(m, "note")?.Trim(),
                Tracker = y.String(m, "tracker")?.Trim(),
                Factors = y.Strings(m, "factors"),
                Effort = y.OneOf(m, "effort", K.Efforts),
                Line = YamlNodeReader.Line(items[i]),
                Column = YamlNodeReader.Column(items[i]),
            });
        }

        return actions;
    }

    private static ProjectDetails ReadProject(YamlNodeReader y, IReadOnlyDictionary<string, YamlNode> top)
    {
        var period = y.Mapping(Get(top, "period"), "period", "'period'", K.Period);
        var goals = new List<Goal>();
        foreach (var node in y.Sequence(Get(top, "goals"), "goals"))
        {
            var g = y.Mapping(node, "goals[]", "a goal", K.Goal);
            if (y.String(g, "goal") is { } name)
            {
                var assessment = y.OneOf(g, "assessment", K.GoalAssessments);
                goals.Add(new Goal(name.Trim(), y.String(g, "target")?.Trim(), y.String(g, "actual")?.Trim(), assessment));
            }
            else if (g is not null)
            {
                y.Add(DiagnosticCatalog.MissingKey(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "goal", "a goal"));
            }
        }

        var milestones = new List<Milestone>();
        foreach (var node in y.Sequence(Get(top, "milestones"), "milestones"))
        {
            var ms = y.Mapping(node, "milestones[]", "a milestone", K.Milestone);
            if (y.String(ms, "name") is { } name)
            {
                milestones.Add(new Milestone(name.Trim(), y.Date(ms, "planned"), y.Date(ms, "actual")));
            }
        }

        var delivered = y.Mapping(Get(top, "delivered"), "delivered", "'delivered'", K.Delivered);
        var lessons = y.Mapping(Get(top, "lessons"), "lessons", "'lessons'", K.Lessons);
        var start = y.Date(period, "start");
        var end = y.Date(period, "end");
        if (start is { } s && end is { } e && e < s)
        {
            var node = period!["end"];
            y.Add(DiagnosticCatalog.InvalidDate(y.File, YamlNodeReader.Line(node), YamlNodeReader.Column(node), "period.end", e.ToString("yyyy-MM-dd", null), "a date on or after period.start"));
        }

        return new ProjectDetails
        {
            Start = start,
            End = end,
            Goals = goals,
            Milestones = milestones,
            Delivered = K.Delivered
                .Select(k => (k, v: y.String(delivered, k)))
                .Where(p => p.v is not null)
                .Select(p => new KeyValuePair<string, string>(p.k, p.v!.Trim()))
                .ToList(),
            StakeholderFeedback = y.Strings(top, "feedback"),
            DoDifferently = y.Strings(top, "doDifferently"),
            Lessons = new Lessons
            {
                Process = y.Strings(lessons, "process"),
                Technical = y.Strings(lessons, "technical"),
                People = y.Strings(lessons, "people"),
                Client = y.Strings(lessons, "client"),
            },
            Recommendations = y.Strings(top, "recommendations"),
        };
    }
}
