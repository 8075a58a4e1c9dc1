using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports;

/// <summary>
/// Where format mappers put the events they read: applies the window, counts what is left out, and
/// builds each <see cref="TimelineEvent"/> with its provenance.
/// </summary>
public sealed class ExportSink(string file, string source, ExportOptions options)
{
    // Raw texts are kept as UTF-8 in shared chunks, each event's a range of one (issue 9, scale: a kept chat message's
    // raw line was its largest part, as a string of its own). A chunk is 1 MiB; a raw text is at most MaxText chars.
    private const int ChunkBytes = 1 << 20;

    // Equal actors (a chat user's id or name on each of their messages) are one string per reader, up to this many.
    private const int MaxActors = 65_536;

    private readonly Dictionary<string, string> actors = new(StringComparer.Ordinal);
    private List<TimelineEvent> target = [];
    private int finished;
    private byte[] chunk = [];
    private int used;

    /// <summary>The export's file name, for provenance.</summary>
    public string File { get; set; } = file;

    /// <summary>The export as the user named it (a Slack folder or zip, whatever day file <see cref="File"/> is): the input every event cites.</summary>
    public string Input { get; } = file;

    /// <summary>The tool the export came from, e.g. "PagerDuty".</summary>
    public string Source { get; } = source;

    /// <summary>The reading options.</summary>
    public ExportOptions Options { get; } = options;

    /// <summary>Events outside the window so far.</summary>
    public int OutsideWindow { get; private set; }

    /// <summary>Chat messages left out by curation so far (not pinned, not marked, not recognised).</summary>
    public int LeftOut { get; set; }

    /// <summary>Join/leave notices, deleted and hidden messages dropped so far (even with --all).</summary>
    public int Noise { get; set; }

    /// <summary>Records without a time (each also reported as a diagnostic).</summary>
    public List<Postmortem.Diagnostics.Diagnostic> Diagnostics { get; } = [];

    /// <summary>Directs the next events into <paramref name="output"/>.</summary>
    public ExportSink Into(List<TimelineEvent> output)
    {
        target = output;
        finished = output.Count;
        return this;
    }

    /// <summary>True when <paramref name="time"/> is inside the window; counts it as left out otherwise. Check before building text.</summary>
    public bool Accept(ExportInstant time)
    {
        if (Options.InWindow(time.Instant))
        {
            return true;
        }

        OutsideWindow++;
        return false;
    }

    /// <summary>Reports a record without a usable time.</summary>
    public void NoTime(int line, int column, string what) =>
        Diagnostics.Add(Postmortem.Diagnostics.DiagnosticCatalog.ExportRecordWithoutTime(File, line, column, what));

    /// <summary>Longest event text kept from an export record, in characters; a longer text (one 40 MB chat message) is cut.</summary>
    public const int MaxText = 4000;

    /// <summary><paramref name="text"/> cut to <see cref="MaxText"/> (ending in "…"), with PM0409 for the record at <paramref name="line"/>:<paramref name="column"/>.</summary>
    public string Cut(string text, int line, int column)
    {
        if (text.Length <= MaxText)
        {
            return text;
        }

        Diagnostics.Add(Postmortem.Diagnostics.DiagnosticCatalog.ExportTextCut(File, line, column, text.Length, MaxText));
        return string.Concat(text.AsSpan(0, MaxText - 1), "…");
    }

    /// <summary>Adds an event whose time has passed <see cref="Accept"/>; its text is cut to <see cref="MaxText"/>.</summary>
    /// <param name="time">When.</param>
    /// <param name="written">The time as the export wrote it.</param>
    /// <param name="text">What happened, in words.</param>
    /// <param name="kind">The mapped kind, or null to let the lexicon classify the text.</param>
    /// <param name="rule">Why it has that kind, e.g. <c>pagerduty: trigger_log_entry</c>.</param>
    /// <param name="actor">Who or what acted, when the export says so.</param>
    /// <param name="line">1-based line of the record.</param>
    /// <param name="column">1-based column of the record.</param>
    /// <param name="raw">The export's own words for the record (type and summary), verbatim.</param>
    public void Add(ExportInstant time, string written, string text, EventKind? kind, string rule, string? actor, int line, int column, string raw)
    {
        Finish(); // Only the last event can still be amended.
        target.Add(new TimelineEvent
        {
            Time = time.Instant,
            WrittenTime = written,
            Zone = time.Zone,
            ZoneOrigin = ZoneOrigin.Written,
            Text = Cut(text, line, column),
            Kind = kind ?? EventKind.Other,
            KindRule = kind is null ? KindRules.Unclassified : KindRules.Export + rule,
            Source = Source,
            Actor = string.IsNullOrWhiteSpace(actor) ? null : Shared(actor),
            Confidence = 1.0,
            Provenance = ProvenanceOf(line, column, raw.Length <= MaxText ? raw : string.Concat(raw.AsSpan(0, MaxText - 1), "…")),
        });
    }

    /// <summary>A provenance whose raw text is a range of the current UTF-8 chunk; its own string when it is not valid UTF-16 (a lone surrogate).</summary>
    private Provenance ProvenanceOf(int line, int column, string raw)
    {
        var most = Encoding.UTF8.GetMaxByteCount(raw.Length);
        if (chunk.Length - used < most)
        {
            chunk = new byte[Math.Max(ChunkBytes, most)];
            used = 0;
        }

        if (Utf8.FromUtf16(raw, chunk.AsSpan(used), out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return new Provenance(File, line, column, raw) { Input = Input };
        }

        var slice = TextSlice.Utf8(chunk, used, written);
        used += written;
        return new Provenance(File, line, column, slice) { Input = Input };
    }

    private string Shared(string actor)
    {
        if (actors.TryGetValue(actor, out var shared))
        {
            return shared;
        }

        if (actors.Count < MaxActors)
        {
            actors[actor] = actor;
        }

        return actor;
    }

    /// <summary>Changes the event added last.</summary>
    public void Amend(Func<TimelineEvent, TimelineEvent> change) => target[^1] = change(target[^1]);

    /// <summary>Applies <see cref="ExportOptions.Finish"/> to every event added since the last call (the reader calls it once the export is read).</summary>
    internal void Finish()
    {
        if (Options.Finish is not { } finish)
        {
            return;
        }

        for (; finished < target.Count; finished++)
        {
            target[finished] = finish(target[finished]);
        }
    }
}
