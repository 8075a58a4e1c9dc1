using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports;

/// <summary>Reads a document's exports into its timeline, inside the incident window.</summary>
public static class ExportAssembler
{
    /// <summary>
    /// Reads every source of <paramref name="document"/> (paths relative to <paramref name="baseDirectory"/>)
    /// and appends their events. The window is the document's, with missing ends derived from the
    /// events already in it (the notes) and the margin; with neither, exports are read whole.
    /// </summary>
    /// <param name="document">The document whose sources are read.</param>
    /// <param name="baseDirectory">Folder that relative source paths are read from.</param>
    /// <param name="classifier">Recognises chat messages worth keeping (the analysis's lexicon); null keeps only pinned and marked ones.</param>
    /// <param name="progress">Told the source and the bytes read so far, now and then.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static Task<Result<PostmortemDocument>> AttachAsync(
        PostmortemDocument document, string baseDirectory, IKindClassifier? classifier, Action<string, long>? progress = null, CancellationToken cancellationToken = default) =>
        AttachAsync(document, baseDirectory, classifier, null, progress, cancellationToken);

    /// <summary>
    /// <see cref="AttachAsync(PostmortemDocument, string, IKindClassifier?, Action{string, long}?, CancellationToken)"/>, with
    /// <paramref name="finish"/> applied to each export event as it is read (<see cref="ExportOptions.Finish"/>).
    /// </summary>
    internal static async Task<Result<PostmortemDocument>> AttachAsync(
        PostmortemDocument document, string baseDirectory, IKindClassifier? classifier, Func<TimelineEvent, TimelineEvent>? finish, Action<string, long>? progress, CancellationToken cancellationToken)
    {
        if (document.Sources.Count == 0)
        {
            return new(document, []);
        }

        var (from, to) = Window(document.Window, document.Events);
        var diagnostics = new List<Diagnostic>();
        var events = new List<TimelineEvent>(document.Events);
        foreach (var source in document.Sources)
        {
            var path = Path.IsPathRooted(source.Path) ? source.Path : Path.Combine(baseDirectory, source.Path);
            var exportOptions = new ExportOptions
            {
                From = from,
                To = to,
                Channels = source.Channels,
                All = source.All,
                Markers = source.Markers ?? ExportOptions.DefaultMarkers,
                Classifier = classifier,
                Finish = finish,
                DefaultZone = document.TimeZone,
                Columns = source.Columns,
                Progress = progress is null ? null : bytes => progress(source.Path, bytes),
            };
            var result = await ExportReader.ReadAsync(path, exportOptions, cancellationToken).ConfigureAwait(false);

            // A source entry that cannot be opened at all is the incident file's problem: name the entry, not the missing path (issue 9).
            // Exports named on the command line (no line) keep PM0001 on their own path.
            diagnostics.AddRange(result.Diagnostics.Select(d => d.Code == "PM0001" && d.File == path && source.Line > 0
                ? DiagnosticCatalog.SourceUnreadable(document.SourceFile, source.Line, source.Column, source.Path, d.Message.Replace("cannot read file: ", string.Empty, StringComparison.Ordinal))
                : d));
            events.AddRange(result.Events);
        }

        return new(document with { Events = events }, diagnostics);
    }

    /// <summary>The window: given ends win; a missing end is the first (last) event minus (plus) the margin; null when unknown.</summary>
    public static (Instant? From, Instant? To) Window(IncidentWindow? window, IReadOnlyList<TimelineEvent> notes)
    {
        var margin = Duration.FromMinutes(window?.MarginMinutes ?? IncidentWindow.DefaultMarginMinutes);
        var from = window?.From ?? (notes.Count > 0 ? notes.Min(e => e.Time) - margin : null);
        var to = window?.To ?? (notes.Count > 0 ? notes.Max(e => e.EndTime ?? e.Time) + margin : null);
        return (from, to);
    }
}
