namespace Postmortem.Model;

/// <summary>The seed's action item types, in leverage order.</summary>
public enum ActionType
{
    /// <summary>Stop this class of incident from happening.</summary>
    Prevent,

    /// <summary>Catch it faster next time.</summary>
    Detect,

    /// <summary>Reduce impact when it does happen.</summary>
    Mitigate,

    /// <summary>Improve how we respond.</summary>
    Process,
}
