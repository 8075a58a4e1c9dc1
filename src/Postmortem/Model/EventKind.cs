namespace Postmortem.Model;

/// <summary>What a timeline event is, as the key-timestamp rules need to know it.</summary>
public enum EventKind
{
    /// <summary>Something that changed the system: a deploy, config change, migration.</summary>
    Change,

    /// <summary>An observation of user-facing impact.</summary>
    Impact,

    /// <summary>A customer or user reported the problem.</summary>
    CustomerReport,

    /// <summary>An automated alert fired.</summary>
    Alert,

    /// <summary>A person was paged.</summary>
    Page,

    /// <summary>Someone beyond the first responder was involved.</summary>
    Escalation,

    /// <summary>The cause (or part of it) was understood.</summary>
    Diagnosis,

    /// <summary>Customers or stakeholders were told.</summary>
    Communication,

    /// <summary>A decision about the response was taken.</summary>
    Decision,

    /// <summary>The bleeding stopped: rollback, failover, flag off.</summary>
    Mitigation,

    /// <summary>The fix was confirmed and the service stable.</summary>
    Resolution,

    /// <summary>Anything else worth keeping.</summary>
    Other,
}
