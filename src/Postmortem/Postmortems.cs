using NodaTime;
using Postmortem.Analysis;
using Postmortem.Analysis.Check;
using Postmortem.Analysis.Lint;
using Postmortem.Config;
using Postmortem.Diagnostics;
using Postmortem.Ingest;
using Postmortem.Ingest.Exports;
using Postmortem.Ingest.Notes;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using Postmortem.Rendering;
using Postmortem.Rendering.Review;

namespace Postmortem;

/// <summary>
/// The one door into the library, for the CLI and any other host: read an incident file (or notes and
/// exports) → gather the exports → analyse → render by format name.
/// </summary>
/// <remarks>Every step returns a <see cref="Result{T}"/>: input problems are diagnostics, never exceptions. A null
/// value means an input error stopped the pipeline; a host prints the diagnostics either way.</remarks>
public static class Postmortems
{
    /// <summary>The postmortem formats (<c>markdown</c>, <c>json</c>, <c>html</c>) that <see cref="Render"/> accepts.</summary>
    public static RendererRegistry<IPostmortemRenderer> Formats => Renderers.Postmortem;

    /// <summary>The team settings: <paramref name="configFile"/> when given, else the nearest <c>.postmortem.yml</c> at or above <paramref name="inputDirectory"/>, else the defaults.</summary>
    public static Result<AnalysisOptions> LoadOptions(string? configFile, string inputDirectory)
    {
        var path = configFile ?? ConfigFile.Find(inputDirectory);
        return path is null ? new(new AnalysisOptions(), []) : ConfigFile.ReadFile(path);
    }

    /// <summary>Reads an incident or project file, its notes files and exports, and analyses it.</summary>
    public static async Task<Result<AnalyzedPostmortem>> AnalyzeFileAsync(string file, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PipelineOptions();
        var read = ReadDocument(file, options.AllowOutside);
        var settings = Settings(options, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
        var diagnostics = read.Diagnostics.Concat(settings.Diagnostics).ToList();
        if (read.Value is null || HasErrors(diagnostics))
        {
            return new(null, diagnostics);
        }

        var analysis = settings.Value!;
        var (document, exportDiagnostics) = await ExportAssembler.AttachAsync(read.Value, Path.GetDirectoryName(file) ?? string.Empty, analysis.Lexicon, options.Progress, cancellationToken)
            .ConfigureAwait(false);
        diagnostics.AddRange(exportDiagnostics);
        if (HasErrors(diagnostics))
        {
            return new(null, diagnostics);
        }

        var analyzed = Analyzer.Analyze(document!, diagnostics, analysis);
        return new(analyzed, analyzed.Diagnostics);
    }

    /// <summary>A file as the index reads it: the same pipeline as <c>draft</c> (read, team config, exports, analysis), its diagnostics kept.</summary>
    public static Store.IndexedRead IndexRead(string file)
    {
        var result = AnalyzeFileAsync(file).GetAwaiter().GetResult();
        return new Store.IndexedRead(result.HasErrors ? null : result.Value, result.Diagnostics);
    }

    /// <summary>
    /// Reads a postmortem document whatever its format: a Markdown record or hand-written postmortem (<c>.md</c>,
    /// <c>.markdown</c>; docs/format.md, "The Markdown record") or an incident or project file (YAML), before analysis.
    /// </summary>
    public static Result<PostmortemDocument> ReadDocument(string file, IReadOnlyList<string>? allowOutside = null) =>
        Ingest.Documents.MarkdownRecordReader.IsMarkdown(file)
            ? Ingest.Documents.MarkdownRecordReader.ReadFile(file)
            : IncidentFileReader.ReadFile(file, InputScope.For(file, allowOutside));

    /// <summary>The editor of Markdown postmortems, writing cells with the renderers' own escaping (<see cref="Rendering.Markdown.MarkdownText.Cell"/>).</summary>
    public static Editing.ISourceEditor MarkdownEditor => RecordEditor;

    private static readonly Editing.MarkdownSourceEditor RecordEditor =
        new(Rendering.Markdown.MarkdownText.Cell, Rendering.Markdown.ActionRows.Cell, Rendering.Markdown.MarkdownText.Inline);

    /// <summary>
    /// Adds the review meeting's factors and actions to a postmortem's source file (<see cref="Editing.SourceAdditions"/>):
    /// an incident or project file, or a Markdown record, whose rows and bullets are written as the renderers write them.
    /// Nothing is written; the host writes the bytes with <see cref="Editing.SafeFile"/>.
    /// </summary>
    public static Result<Editing.AddedItems> AddToSource(string file, IReadOnlyList<Editing.NewFactor> factors, IReadOnlyList<Editing.NewAction> actions) =>
        Editing.SourceAdditions.Add(file, factors, actions, RecordEditor);

    /// <summary>
    /// Reconstructs a timeline from raw notes and/or exports (no incident file): a stand-in incident around them, analysed
    /// for its timeline only. The events are in <see cref="AnalyzedPostmortem.Timeline"/>; the stand-in document's own
    /// <see cref="PostmortemDocument.Events"/> is empty, so that a long timeline is held once.
    /// </summary>
    public static async Task<Result<AnalyzedPostmortem>> AnalyzeTimelineAsync(TimelineInput input, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PipelineOptions();
        var problems = new List<Diagnostic>();
        var text = input.NotesText ?? string.Empty;
        IReadOnlyList<string>? lines = null;
        if (input.NotesText is null && input.NotesFile is not null)
        {
            // Read as lines, never as one text: the text and its lines together were a third of the peak (issue 9).
            var (read, problem) = TextFile.ReadLines(input.NotesFile);
            lines = read ?? [string.Empty];
            problems.AddRange(problem is null ? [] : [problem]);
        }

        var settings = Settings(options, input.NotesFile is null ? "." : Path.GetDirectoryName(Path.GetFullPath(input.NotesFile)) ?? ".");
        problems.AddRange(settings.Diagnostics);
        if (HasErrors(problems))
        {
            return new(null, problems);
        }

        // Each event is enriched as soon as its reader is done with it, so no second generation of a million events is
        // made after reading (issue 9, scale); the analysis then only puts them in time order.
        var analysis = settings.Value!;
        var enrich = EventEnricher.For(analysis.Lexicon, []);
        var notesOptions = new NotesOptions { File = input.Name, AnchorDate = input.Date, DefaultZone = input.Zone, Finish = enrich };
        var extracted = lines is null ? NotesExtractor.Extract(text, notesOptions) : NotesExtractor.Extract(lines, notesOptions);
        text = string.Empty;
        lines = null; // The events hold what they need; an async method keeps its locals alive through analysis and output (issue 9).
        var document = new PostmortemDocument
        {
            SourceFile = input.Name, Type = PostmortemType.Incident, Title = input.Name, Date = input.Date, TimeZone = input.Zone, Events = extracted.Events,
            Sources = input.Exports, Window = new IncidentWindow(input.From, input.To, null),
        };
        var (merged, exportDiagnostics) = await ExportAssembler.AttachAsync(document, string.Empty, analysis.Lexicon, enrich, options.Progress, cancellationToken).ConfigureAwait(false);
        var diagnostics = problems.Concat(extracted.Diagnostics).Concat(exportDiagnostics).ToList();
        if (HasErrors(exportDiagnostics))
        {
            return new(null, diagnostics);
        }

        // The events, enriched as read, are handed to the analysis, which puts them in time order; the timeline is what a timeline-only
        // analysis shows, so its document keeps no second list of the events as read (issue 9, scale).
        var events = merged!.Events as List<TimelineEvent> ?? [.. merged.Events];
        merged = merged with { Events = [] };
        document = null!;
        extracted = null!;
        var analyzed = Analyzer.AnalyzeOwned(merged, events, enriched: true, diagnostics, analysis with { TimelineOnly = true });
        return new(analyzed, analyzed.Diagnostics);
    }

    /// <summary>Checks a postmortem for CI (completeness, key timestamps, blameless lint, action items, follow-up); the value is null when the file cannot be read as one.</summary>
    public static Result<IReadOnlyList<LintFinding>> Check(string file, AnalysisOptions options, IReadOnlyList<string>? allowOutside = null)
    {
        var (text, problem) = TextFile.Read(file);
        if (text is null)
        {
            return new(null, [problem!]);
        }

        return Checker.CheckFile(file, text.Text, options, InputScope.For(file, allowOutside));
    }

    /// <summary>Lints a file for blame (an incident file or Markdown); with <paramref name="fix"/>, the text with the safe fixes applied too. The value is null when the file cannot be read.</summary>
    public static Result<LintedFile> Lint(string file, LintOptions options, bool fix = false)
    {
        var (source, problem) = TextFile.Read(file);
        if (source is null)
        {
            return new(null, [problem!]);
        }

        if ((file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            && IncidentFileReader.Read(source.Text, file) is { HasErrors: true } read)
        {
            return new(null, read.Diagnostics);
        }

        var (found, unread) = Linter.LintFileWithDiagnostics(file, source.Text, options);
        if (unread.Count > 0)
        {
            // Malformed YAML or a reading limit passed (PM0002, PM0010, PM0011): an input error, never a quiet 0.
            return new(null, unread);
        }

        var (fixedText, edits) = fix ? LintFixer.FixFile(file, source.Text, options) : (source.Text, 0);
        return new(new LintedFile(source, found, fixedText, edits), []);
    }

    /// <summary>Lints <paramref name="text"/> named <paramref name="file"/> (a fixed text, before or after it is written).</summary>
    public static IReadOnlyList<LintFinding> LintText(string file, string text, LintOptions options) => Linter.LintFile(file, text, options);

    /// <summary>A unified diff of what fixing changed in <paramref name="file"/>.</summary>
    public static string FixDiff(string file, string before, string after) => Rendering.Lint.FixDiff.Render(file, before, after);

    /// <summary>Writes <paramref name="postmortem"/> in the format named <paramref name="format"/> (see <see cref="Formats"/>).</summary>
    /// <exception cref="ArgumentException">No format has that name.</exception>
    public static void Render(AnalyzedPostmortem postmortem, string format, Stream output) => Formats.Get(format).Write(postmortem, output);

    /// <summary>Writes the timeline view of <paramref name="postmortem"/> in the format named <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentException">No format has that name.</exception>
    public static void RenderTimeline(AnalyzedPostmortem postmortem, string format, Stream output) => Formats.Get(format).WriteTimeline(postmortem, output);

    /// <summary>The blameless review meeting (seed step 6) in <paramref name="minutes"/> minutes.</summary>
    public static string Agenda(AnalyzedPostmortem postmortem, int minutes) => AgendaRenderer.Render(postmortem, minutes);

    /// <summary>The customer-facing summary (seed step 7), times in <paramref name="customerZone"/> and UTC.</summary>
    public static string CustomerSummary(AnalyzedPostmortem postmortem, DateTimeZone customerZone) => CommsRenderer.Customer(postmortem, customerZone);

    /// <summary>The internal announcement (seed step 7), pointing at <paramref name="link"/>.</summary>
    public static string InternalAnnouncement(AnalyzedPostmortem postmortem, string link) => CommsRenderer.Internal(postmortem, link);

    /// <summary>The action-item review as of <paramref name="asOf"/>; <paramref name="overdue"/> counts the overdue items.</summary>
    public static string FollowUp(AnalyzedPostmortem postmortem, LocalDate asOf, out int overdue) => FollowUpRenderer.Render(postmortem, asOf, out overdue);

    private static Result<AnalysisOptions> Settings(PipelineOptions options, string inputDirectory) =>
        options.Analysis is { } given ? new(given, []) : LoadOptions(options.ConfigFile, inputDirectory);

    private static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
