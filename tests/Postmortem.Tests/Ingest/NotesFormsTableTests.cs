using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Postmortem.Ingest.Notes;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// The table "The forms, as tests" in docs/notes-format.md is the test data (as Markdig's spec files are):
/// each row's notes must give exactly the listed UTC events, in order.
/// </summary>
public sealed class NotesFormsTableTests
{
    public static TheoryData<string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string>();
        var doc = File.ReadAllLines(Repo.PathOf("docs", "notes-format.md"));
        var start = Array.FindIndex(doc, l => l.StartsWith("## The forms, as tests", StringComparison.Ordinal));
        foreach (var line in doc.Skip(start + 1).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| form", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|', ' ').Split(" | ");
            data.Add(cells[0], cells[1].Trim('`').Replace("⏎", "\n", StringComparison.Ordinal).Replace("\\|", "|", StringComparison.Ordinal), cells[2], cells[3], cells[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_documented_form_gives_its_events(string form, string notes, string date, string zone, string expected)
    {
        var anchor = LocalDatePattern.Iso.Parse(date).Value;
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = form, AnchorDate = anchor, DefaultZone = ZoneAbbreviations.ResolveZone(zone)! });
        var want = expected.Split(", ").Select(e => Normalise(e, anchor)).ToList();
        var got = result.Events.OrderBy(e => e.Time).Select(e => Format(e.Time) + (e.EndTime is { } end ? "–" + Format(end) : string.Empty)).ToList();
        Assert.Equal(want, got);
    }

    private static string Normalise(string written, LocalDate anchor) =>
        string.Join("–", written.Split('–').Select(part => part.Length <= 5 ? anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + part : part));

    private static string Format(Instant i) => i.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
