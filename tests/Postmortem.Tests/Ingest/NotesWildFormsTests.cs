using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Postmortem.Ingest.Notes;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// docs/notes-forms-wild.md holds forms of writing times seen in public write-ups (snippets in our own words), split
/// dev/heldout by source. Each row says whether the extractor reads it exactly (✓) or not (✗); this keeps that column true.
/// </summary>
public sealed class NotesWildFormsTests
{
    public static TheoryData<string, string, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string, string>();
        foreach (var cells in Table())
        {
            data.Add(cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_reads_as_the_table_says(string split, string form, string notes, string date, string zone, string expected, string read)
    {
        var (want, got) = Read(notes, date, zone, expected);
        var right = want.SequenceEqual(got);
        Assert.True(right == (read == "✓"), $"[{split}] {form}: table says {read}, extractor gave [{string.Join(", ", got)}] for [{string.Join(", ", want)}]");
    }

    internal static IEnumerable<string[]> Table()
    {
        var doc = File.ReadAllLines(Repo.PathOf("docs", "notes-forms-wild.md"));
        var start = Array.FindIndex(doc, l => l.StartsWith("## Rows", StringComparison.Ordinal));
        foreach (var line in doc.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| source", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|', ' ').Split(" | ");
            cells[3] = cells[3].Trim('`').Replace("⏎", "\n", StringComparison.Ordinal).Replace("\\|", "|", StringComparison.Ordinal);
            yield return cells;
        }
    }

    internal static (List<string> Want, List<string> Got) Read(string notes, string date, string zone, string expected)
    {
        var anchor = LocalDatePattern.Iso.Parse(date).Value;
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "wild", AnchorDate = anchor, DefaultZone = ZoneAbbreviations.ResolveZone(zone)! });
        var want = expected.Split(", ").Select(e => Normalise(e, anchor)).ToList();
        var got = result.Events.OrderBy(e => e.Time).Select(e => Format(e.Time) + (e.EndTime is { } end ? "–" + Format(end) : string.Empty)).ToList();
        return (want, got);
    }

    private static string Normalise(string written, LocalDate anchor) =>
        string.Join("–", written.Split('–').Select(part => part.Length <= 5 ? anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + part : part));

    private static string Format(Instant i) => i.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
