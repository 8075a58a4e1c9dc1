namespace Postmortem.Ingest.Yaml;

/// <summary>The keys of the incident file format (docs/format.md); the JSON Schema is tested against these lists.</summary>
public static class IncidentFileKeys
{
    /// <summary>Top-level keys both modes share.</summary>
    public static readonly string[] Common =
        ["$schema", "id", "type", "title", "author", "postmortemDate", "summary", "team", "wentWell", "actions"];

    /// <summary>Top-level keys only incident files have.</summary>
    public static readonly string[] IncidentOnly =
        ["date", "timeZone", "severity", "services", "impact", "resolution", "notes", "notesFiles", "events", "sources", "window", "factors", "assessment", "analysis"];

    /// <summary>Top-level keys only project files have.</summary>
    public static readonly string[] ProjectOnly =
        ["period", "goals", "milestones", "delivered", "feedback", "doDifferently", "lessons", "recommendations"];

    /// <summary>Keys of 'impact'.</summary>
    public static readonly string[] Impact =
        ["usersAffected", "usersAffectedPercent", "revenue", "sla", "data", "scope", "effect", "dataLoss", "securityBreach", "workaround"];

    /// <summary>Keys of 'team'.</summary>
    public static readonly string[] Team = ["name", "context", "experience", "onCall", "roster", "retro"];

    /// <summary>Keys of a roster entry.</summary>
    public static readonly string[] RosterEntry = ["name", "role", "handles"];

    /// <summary>Keys of 'team.retro'.</summary>
    public static readonly string[] Retro = ["cadenceDays", "anchor"];

    /// <summary>Keys of a structured event.</summary>
    public static readonly string[] Event = ["time", "end", "event", "kind", "source", "actor"];

    /// <summary>Keys of an export in 'sources'.</summary>
    public static readonly string[] Source = ["path", "channels", "all", "markers", "columns"];

    /// <summary>Keys of 'window'.</summary>
    public static readonly string[] Window = ["from", "to", "marginMinutes"];

    /// <summary>Keys of a source's 'columns' (CSV).</summary>
    public static readonly string[] Columns = ["time", "event", "source", "actor", "kind"];

    /// <summary>Categories of 'factors' (seed step 3).</summary>
    public static readonly string[] FactorCategories = ["process", "technical", "human", "organizational"];

    /// <summary>Keys of a factor written as a mapping.</summary>
    public static readonly string[] Factor = ["id", "text", "acceptedRisk"];

    /// <summary>Phases of 'assessment' (seed step 4).</summary>
    public static readonly string[] AssessmentPhases = ["detection", "triage", "communication", "mitigation", "resolution"];

    /// <summary>Keys of an assessment phase.</summary>
    public static readonly string[] AssessmentRow = ["happened", "worked", "didnt"];

    /// <summary>Keys of an action item.</summary>
    public static readonly string[] Action = ["id", "action", "type", "owner", "due", "status", "note", "tracker", "factors", "effort"];

    /// <summary>Keys of 'analysis'.</summary>
    public static readonly string[] Analysis = ["silenceThresholdMinutes"];

    /// <summary>Keys of 'period'.</summary>
    public static readonly string[] Period = ["start", "end"];

    /// <summary>Keys of a goal.</summary>
    public static readonly string[] Goal = ["goal", "target", "actual", "assessment"];

    /// <summary>Keys of a milestone.</summary>
    public static readonly string[] Milestone = ["name", "planned", "actual"];

    /// <summary>Keys of 'delivered'.</summary>
    public static readonly string[] Delivered = ["scope", "timeline", "quality"];

    /// <summary>Keys of 'lessons'.</summary>
    public static readonly string[] Lessons = ["process", "technical", "people", "client"];

    /// <summary>Values of 'impact.scope'.</summary>
    public static readonly string[] Scopes = ["all-users", "large-subset", "small-subset", "none"];

    /// <summary>Values of 'impact.effect'.</summary>
    public static readonly string[] Effects = ["outage", "degraded", "cosmetic"];

    /// <summary>Values of an action's 'type'.</summary>
    public static readonly string[] ActionTypes = ["prevent", "detect", "mitigate", "process"];

    /// <summary>Values of an action's 'effort'.</summary>
    public static readonly string[] Efforts = ["small", "medium", "large"];

    /// <summary>Values of a goal's 'assessment'.</summary>
    public static readonly string[] GoalAssessments = ["met", "partially-met", "not-met"];
}
