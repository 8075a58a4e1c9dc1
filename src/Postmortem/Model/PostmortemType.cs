namespace Postmortem.Model;

/// <summary>The two kinds of postmortem the seed describes.</summary>
public enum PostmortemType
{
    /// <summary>A production incident.</summary>
    Incident,

    /// <summary>A project or engagement.</summary>
    Project,
}
