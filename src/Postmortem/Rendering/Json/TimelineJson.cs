namespace Postmortem.Rendering.Json;

/// <summary>The output of <c>postmortem timeline --format json</c>: the timeline part of the full contract.</summary>
internal sealed record TimelineJson
{
    [System.Text.Json.Serialization.JsonConverter(typeof(StreamedListConverter<EventJson>))]
    public required IReadOnlyList<EventJson> Timeline { get; init; }

    public required KeyTimestampsJson KeyTimestamps { get; init; }

    public long? DurationMinutes { get; init; }

    public required IReadOnlyList<GapJson> Gaps { get; init; }

    public required IReadOnlyList<SilenceJson> Silences { get; init; }

    public required IReadOnlyList<DiagnosticJson> Diagnostics { get; init; }
}
