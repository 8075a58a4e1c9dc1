using NodaTime;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports;

/// <summary>How to read one export.</summary>
public sealed record ExportOptions
{
    /// <summary>Events before this instant are left out (inclusive bound); null: no lower bound.</summary>
    public Instant? From { get; init; }

    /// <summary>Events after this instant are left out (inclusive bound); null: no upper bound.</summary>
    public Instant? To { get; init; }

    /// <summary>Slack channels to read, by name (with or without '#'); empty: every channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Keep every chat message, not only pinned, marked and recognised ones.</summary>
    public bool All { get; init; }

    /// <summary>Reaction names that mark a message as part of the timeline (without colons).</summary>
    public IReadOnlyList<string> Markers { get; init; } = DefaultMarkers;

    /// <summary>Classifies chat messages for curation (the analysis's lexicon); null: no message is kept for its words alone.</summary>
    public IKindClassifier? Classifier { get; init; }

    /// <summary>Zone for CSV times written without an offset.</summary>
    public DateTimeZone DefaultZone { get; init; } = DateTimeZone.Utc;

    /// <summary>CSV column names for the fields (time, event, source, actor, kind), when the header does not use the usual names.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>Skip Slack day files whose date is more than a day away from the window (the files are named by the workspace's local date).</summary>
    public bool PruneDayFiles { get; init; } = true;

    /// <summary>Told the number of bytes read so far, now and then.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>
    /// Applied to each event once the reader will not change it again (the analysis's enrichment, issue 9: events are
    /// classified while young instead of copied once all are read); null leaves them as read.
    /// </summary>
    internal Func<TimelineEvent, TimelineEvent>? Finish { get; init; }

    /// <summary>The reaction that marks a message by default.</summary>
    public static IReadOnlyList<string> DefaultMarkers { get; } = ["pushpin"];

    /// <summary>True when <paramref name="t"/> is inside the window.</summary>
    public bool InWindow(Instant t) => (From is not { } f || t >= f) && (To is not { } to || t <= to);
}
