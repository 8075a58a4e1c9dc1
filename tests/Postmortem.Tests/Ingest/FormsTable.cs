using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Postmortem.Ingest.Notes;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A Markdown table of notes forms used as test data (docs/notes-format.md, docs/notes-forms-wild.md): its rows, and what the
/// extractor reads from a row's notes against the instants the row lists.
/// </summary>
internal static class FormsTable
{
    /// <summary>The cells of each row under <paramref name="heading"/> (up to the next heading); the notes cell unquoted.</summary>
    public static IEnumerable<string[]> Rows(string file, string heading, string headerStart, int notesColumn)
    {
        var doc = File.ReadAllLines(Repo.PathOf("docs", file));
        var start = Array.FindIndex(doc, l => l.StartsWith(heading, StringComparison.Ordinal));
        foreach (var line in doc.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
                     .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith(headerStart, StringComparison.Ordinal)))
        {
            var cells = line.Trim('|', ' ').Split(" | ");
            cells[notesColumn] = cells[notesColumn].Trim('`').Replace("⏎", "\n", StringComparison.Ordinal).Replace("\\|", "|", StringComparison.Ordinal);
            yield return cells;
        }
    }

    /// <summary>
    /// The instants a row lists (a bare clock is on the anchor date; <c>none</c> for text that holds no moment) and the events
    /// the extractor reads, as text.
    /// </summary>
    public static (List<string> Want, List<string> Got) Read(string notes, string date, string zone, string expected)
    {
        var anchor = LocalDatePattern.Iso.Parse(date).Value;
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "forms", AnchorDate = anchor, DefaultZone = ZoneAbbreviations.ResolveZone(zone)! });
        var want = expected == "none" ? [] : expected.Split(", ").Select(e => Normalise(e, anchor)).ToList();
        var got = result.Events.OrderBy(e => e.Time).Select(e => Format(e.Time) + (e.EndTime is { } end ? "–" + Format(end) : string.Empty)).ToList();
        return (want, got);
    }

    private static string Normalise(string written, LocalDate anchor) =>
        string.Join("–", written.Split('–').Select(part => part.Length <= 5 ? anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + part : part));

    private static string Format(Instant i) => i.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
