using NodaTime;

namespace Postmortem.Model;

/// <summary>One row of the reconstructed timeline, with its provenance.</summary>
public sealed record TimelineEvent
{
    // The members most events leave at their defaults live in one shared object, so that a timeline of a million
    // rows does not carry 48 empty bytes per row (issue 9, scale); each init replaces it, never changes it.
    private Rare? rare;

    // The text and the written time are usually ranges of the provenance's raw line: kept as slices of it, so a row
    // holds its line once (issue 9, scale). Whichever of the three is set last re-slices the other two.
    private TextSlice writtenTime;
    private TextSlice text;
    private Provenance provenance = null!;

    /// <summary>The instant the event happened (or started).</summary>
    public required Instant Time { get; init; }

    /// <summary>End of a range such as <c>07:33–07:51</c>, when one was written.</summary>
    public Instant? EndTime
    {
        get => rare?.EndTime;
        init => Set(value == EndTime ? rare : (rare ?? Rare.None) with { EndTime = value });
    }

    /// <summary>The time exactly as it was written in the input.</summary>
    public required string WrittenTime
    {
        get => writtenTime.ToString();
        init => writtenTime = TextSlice.Within(provenance?.Raw ?? default, TextSlice.Of(value));
    }

    /// <summary>The zone used to read the time: an IANA id, a fixed offset such as <c>UTC-05</c>, or <c>UTC</c>.</summary>
    public required string Zone { get; init; }

    /// <summary>How the zone was determined.</summary>
    public required ZoneOrigin ZoneOrigin { get; init; }

    /// <summary>What happened.</summary>
    public required string Text
    {
        get => text.ToString();
        init => text = TextSlice.Within(provenance?.Raw ?? default, TextSlice.Of(value));
    }

    /// <summary>The classified kind.</summary>
    public required EventKind Kind { get; init; }

    /// <summary>Why the event has its kind: <c>explicit</c> or the lexicon entry that matched.</summary>
    public required string KindRule { get; init; }

    /// <summary>Where the event was recorded (tool, log, notes).</summary>
    public string? Source { get; init; }

    /// <summary>Who or what acted (role or system), when the input says so.</summary>
    public string? Actor { get; init; }

    /// <summary>Every kind the event's text, status or input supports, strongest first (see <see cref="KindEvidence"/>).</summary>
    public IReadOnlyList<KindEvidence> Evidence { get; init; } = [];

    /// <summary>Untimed sentences that follow the event in its paragraph: weaker evidence of how the moment was detected and what it did to users.</summary>
    public string? Context
    {
        get => rare?.Context;
        init => Set(value == Context ? rare : (rare ?? Rare.None) with { Context = value });
    }

    /// <summary>The status a timeline table gave the row ("Investigating", "SEV-1 opened"), its strongest evidence of kind.</summary>
    public string? Status
    {
        get => rare?.Status;
        init => Set(value == Status ? rare : (rare ?? Rare.None) with { Status = value });
    }

    /// <summary>How sure the extractor is of the time, from 0 to 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>Where the event was read from.</summary>
    public required Provenance Provenance
    {
        get => provenance;
        init
        {
            provenance = value;
            text = TextSlice.Within(value?.Raw ?? default, text);
            writtenTime = TextSlice.Within(value?.Raw ?? default, writtenTime);
        }
    }

    /// <summary>Other inputs that recorded the same moment (same kind, within the merge tolerance); merged into this event.</summary>
    public IReadOnlyList<Provenance> AlsoSeenIn
    {
        get => rare?.AlsoSeenIn ?? [];
        init => Set((rare ?? Rare.None) with { AlsoSeenIn = value });
    }

    /// <summary>The sources (tools) of <see cref="AlsoSeenIn"/>, for display.</summary>
    public IReadOnlyList<string> AlsoSeenBy
    {
        get => rare?.AlsoSeenBy ?? [];
        init => Set((rare ?? Rare.None) with { AlsoSeenBy = value });
    }

    /// <summary>True when the zone was not written beside the time.</summary>
    public bool ZoneAssumed => ZoneOrigin != ZoneOrigin.Written;

    // An init that leaves its member as it is keeps the shared object (no allocation per row for the usual nulls).
    private void Set(Rare? value) => rare = value is null || value == Rare.None ? null : value;

    private sealed record Rare(Instant? EndTime, string? Context, string? Status, IReadOnlyList<Provenance> AlsoSeenIn, IReadOnlyList<string> AlsoSeenBy)
    {
        public static readonly Rare None = new(null, null, null, [], []);
    }
}
