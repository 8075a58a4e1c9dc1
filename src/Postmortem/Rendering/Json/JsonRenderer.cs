using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Rendering.Json;

/// <summary>Renders the analysed record as the JSON contract of docs/json.md.</summary>
public static class JsonRenderer
{
    private static readonly PostmortemJsonContext Context = new(new JsonSerializerOptions(PostmortemJsonContext.Default.Options)
    {
        // Keep em dashes and accents readable; the output is UTF-8 JSON, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The full record.</summary>
    public static string Render(AnalyzedPostmortem pm) => Text(stream => Write(pm, stream));

    /// <summary>The full record, written to <paramref name="output"/> as UTF-8 a timeline row at a time.</summary>
    public static void Write(AnalyzedPostmortem pm, Stream output) => Write(output, ToJson(pm), Context.PostmortemJson);

    /// <summary>The timeline part only (the <c>timeline</c> command).</summary>
    public static string RenderTimeline(AnalyzedPostmortem pm) => Text(stream => WriteTimeline(pm, stream));

    /// <summary>The timeline part only, written to <paramref name="output"/> as UTF-8 a row at a time.</summary>
    public static void WriteTimeline(AnalyzedPostmortem pm, Stream output) => Write(output, Timeline(pm), Context.TimelineJson);

    private static TimelineJson Timeline(AnalyzedPostmortem pm) => new()
    {
        Timeline = new MappedList<TimelineEvent, EventJson>(pm.Timeline, Event),
        KeyTimestamps = Keys(pm.Keys),
        DurationMinutes = pm.DurationMinutes,
        Gaps = pm.Gaps.Select(g => new GapJson(g.Name, g.Label, g.Minutes)).ToList(),
        Silences = Silences(pm),
        Diagnostics = Diagnostics(pm.Diagnostics),
    };

    /// <summary>Serializes onto a writer over <paramref name="output"/>: the timeline's converter flushes as it goes, so the whole JSON is never one buffer.</summary>
    private static void Write<T>(Stream output, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = Context.Options.Encoder, SkipValidation = false }))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static string Text(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Diagnostics alone, for machine-readable errors.</summary>
    public static string RenderDiagnostics(IEnumerable<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(Diagnostics(diagnostics), Context.ListDiagnosticJson) + "\n";

    /// <summary>Maps the analysed record to its JSON shape.</summary>
    public static PostmortemJson ToJson(AnalyzedPostmortem pm)
    {
        var d = pm.Document;
        var i = d.Impact;
        return new PostmortemJson
        {
            Id = d.Id,
            Type = d.Type == PostmortemType.Project ? "project" : "incident",
            Title = d.Title,
            Date = Date(d.Date),
            TimeZone = d.TimeZone.Id,
            Author = d.Author,
            PostmortemDate = Date(d.PostmortemDate),
            Summary = d.Summary,
            Impact = d.Type == PostmortemType.Project ? null
                : new ImpactJson(i.UsersAffected, i.UsersAffectedPercent, i.Revenue, i.Sla, i.Data, i.Scope, i.Effect, i.DataLoss, i.SecurityBreach, i.Workaround),
            Resolution = d.Resolution,
            Timeline = new MappedList<TimelineEvent, EventJson>(pm.Timeline, Event),
            KeyTimestamps = Keys(pm.Keys),
            DurationMinutes = pm.DurationMinutes,
            Gaps = pm.Gaps.Select(g => new GapJson(g.Name, g.Label, g.Minutes)).ToList(),
            Silences = Silences(pm),
            Severity = pm.Severity is { } s ? new SeverityJson(s.Level, s.Label, s.Rationale, s.Rule, s.Scale) : null,
            Factors = d.Factors.Select(f => new FactorJson(f.Id, f.Category, f.Text, f.AcceptedRisk)).ToList(),
            Assessment = d.Assessment.Select(a => new AssessmentJson(a.Phase, a.WhatHappened, a.WhatWorked, a.WhatDidNot)).ToList(),
            WentWell = d.WentWell,
            Actions = d.Actions.Select(a => new ActionJson(a.Id, a.Action, a.Type?.ToString().ToLowerInvariant(), a.Owner, Date(a.Due), a.Status, a.Effort, a.Factors)).ToList(),
            FollowUp = new FollowUpJson(Date(pm.FollowUp.ActionReview), Date(pm.FollowUp.RetroCheckIn), pm.FollowUp.RetroRule),
            Project = d.Project is { } p ? Project(p) : null,
            Diagnostics = Diagnostics(pm.Diagnostics),
        };
    }

    private static ProjectJson Project(ProjectDetails p) => new(
        Date(p.Start),
        Date(p.End),
        p.Goals.Select(g => new GoalJson(g.Name, g.Target, g.Actual, g.Assessment)).ToList(),
        p.Milestones.Select(m => new MilestoneJson(m.Name, Date(m.Planned), Date(m.Actual),
            m.Planned is { } pl && m.Actual is { } ac ? Period.Between(pl, ac, PeriodUnits.Days).Days : null)).ToList(),
        p.Delivered.ToDictionary(kv => kv.Key, kv => kv.Value),
        p.StakeholderFeedback,
        p.DoDifferently,
        new LessonsJson(p.Lessons.Process, p.Lessons.Technical, p.Lessons.People, p.Lessons.Client),
        p.Recommendations);

    private static List<SilenceJson> Silences(AnalyzedPostmortem pm) => pm.Silences
        .Select(s => new SilenceJson(TimeFormat.Iso(s.Before.EndTime is { } e && e > s.Before.Time ? e : s.Before.Time), TimeFormat.Iso(s.After.Time), s.Minutes, s.Before.Text, s.After.Text))
        .ToList();

    private static EventJson Event(TimelineEvent e) => new()
    {
        Time = TimeFormat.Iso(e.Time),
        EndTime = e.EndTime is { } end ? TimeFormat.Iso(end) : null,
        Event = e.Text,
        Kind = e.Kind.ToName(),
        KindRule = e.KindRule,
        Kinds = Evidence(e),
        Status = e.Status,
        Source = e.Source,
        Actor = e.Actor,
        WrittenTime = e.WrittenTime,
        Zone = e.Zone,
        ZoneAssumed = e.ZoneAssumed,
        ZoneOrigin = e.ZoneOrigin.ToString().ToLowerInvariant(),
        Confidence = e.Confidence,
        Provenance = Provenance(e.Provenance),
        AlsoSeenIn = e.AlsoSeenIn.Select(Provenance).ToList(),
    };

    private static ProvenanceJson Provenance(Provenance p) => new(p.File, p.Line, p.Column, p.RawText);

    private static KeyTimestampsJson Keys(KeyTimestamps k) => new(
        Key(k.ImpactStart),
        Key(k.Detection),
        k.DetectionMethod,
        Key(k.FirstCustomerReport),
        k.FirstCustomerReport is { } r && k.Detection is { } d && r.Time < d.Time ? KeyTimestampAnalyzer.Minutes(r, d) : null,
        Key(k.Escalation),
        Key(k.Mitigation),
        Key(k.Resolution),
        Key(k.Communication));

    private static KeyTimeJson? Key(KeyTimestamp? k) => k is null ? null : new KeyTimeJson(TimeFormat.Iso(k.Time), k.Rule, k.Event.Text, Provenance(k.Event.Provenance),
        Evidence(k.Event), k.Candidates.Select(c => new CandidateJson(TimeFormat.Iso(c.Time), c.Text, Evidence(c), Provenance(c.Provenance))).ToList());

    private static List<EvidenceJson> Evidence(TimelineEvent e) =>
        e.Evidence.Select(x => new EvidenceJson(x.Kind.ToName(), x.Phrase, x.Origin, x.Strength)).ToList();

    private static List<DiagnosticJson> Diagnostics(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(x => new DiagnosticJson(x.Code, Diagnostic.SeverityWord(x.Severity), x.Message, x.File, x.Line, x.Column))
        .ToList();

    private static string? Date(LocalDate? date) => date?.ToString("uuuu-MM-dd", null);
}
