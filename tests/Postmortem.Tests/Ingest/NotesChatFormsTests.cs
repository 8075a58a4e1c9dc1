using System.Globalization;
using NodaTime.Text;
using Postmortem.Ingest.Notes;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// docs/notes-chat-forms.md holds chat pastes in the layouts real clients give (snippets in our own words), split
/// Heldout/Dev. Each row says whether the extractor reads it exactly (✓): the listed UTC events, and each event's text
/// holding its own message's word and no other's (one message is one event, never glued to the next).
/// </summary>
public sealed class NotesChatFormsTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string, string, string>();
        foreach (var (split, cells) in Table())
        {
            data.Add(split + " " + cells[0], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_reads_as_the_table_says(string id, string form, string notes, string date, string zone, string expected, string words, string read)
    {
        var (right, _, got) = Read(notes, date, zone, expected, words);
        Assert.True((right == Want(expected).Count && got.Count == right) == (read == "✓"), $"{id} {form}: table says {read}, extractor gave [{string.Join(" | ", got)}]");
    }

    /// <summary>
    /// Rows fully right and events right per split, printed (the figures in docs/accuracy.md), and held at their floors:
    /// the rows test above holds each snippet's ✓, this one the events right inside the snippets that are not.
    /// </summary>
    [Fact]
    public void Figures()
    {
        var floors = new Dictionary<string, (int Full, int Events)> { ["Heldout"] = (37, 103), ["Dev"] = (14, 34) };
        foreach (var split in new[] { "Heldout", "Dev" })
        {
            int rows = 0, full = 0, eventsRight = 0, expectedEvents = 0;
            foreach (var (s, c) in Table().Where(t => t.Split == split))
            {
                var (right, want, got) = Read(c[3], c[4], c[5], c[6], c[7]);
                rows++;
                expectedEvents += want;
                eventsRight += right;
                full += right == want && got.Count == want ? 1 : 0;
                output.WriteLine($"{s} {c[0]}: {right}/{want} events right, {got.Count} read: {string.Join(" | ", got)}");
            }

            output.WriteLine($"{split}: {full}/{rows} snippets fully right, events {eventsRight}/{expectedEvents}");
            Assert.True(full >= floors[split].Full && eventsRight >= floors[split].Events,
                $"{split}: {full}/{rows} snippets fully right, events {eventsRight}/{expectedEvents}, below the floor {floors[split].Full} snippets, {floors[split].Events} events");
        }
    }

    private static IEnumerable<(string Split, string[] Cells)> Table() =>
        FormsTable.Rows("notes-chat-forms.md", "## Heldout", "| id", notesColumn: 3).Select(c => ("Heldout", c))
            .Concat(FormsTable.Rows("notes-chat-forms.md", "## Dev", "| id", notesColumn: 3).Select(c => ("Dev", c)));

    private static List<string> Want(string expected) => [.. expected.Split(", ")];

    // Events right: an expected minute matched by an unused read event whose text holds the message's word and no
    // other message's word. Returns (right, expected count, what was read).
    private static (int Right, int Want, List<string> Got) Read(string notes, string date, string zone, string expected, string words)
    {
        var anchor = LocalDatePattern.Iso.Parse(date).Value;
        var result = NotesExtractor.Extract(notes, new NotesOptions { File = "chat", AnchorDate = anchor, DefaultZone = ZoneAbbreviations.ResolveZone(zone)! });
        var want = Want(expected).Select(e => e.Length <= 5 ? anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + e : e).ToList();
        var word = words.Split("; ");
        var events = result.Events.OrderBy(e => e.Time).Select(e => (Time: e.Time.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture), e.Text)).ToList();
        var used = new bool[events.Count];
        var right = 0;
        for (var i = 0; i < want.Count; i++)
        {
            for (var j = 0; j < events.Count; j++)
            {
                if (!used[j] && events[j].Time == want[i] && Holds(events[j].Text, word, i))
                {
                    used[j] = true;
                    right++;
                    break;
                }
            }
        }

        return (right, want.Count, [.. events.Select(e => e.Time + " " + e.Text)]);
    }

    private static bool Holds(string text, string[] words, int own) =>
        words.Select((w, k) => (w, k)).All(p => text.Contains(p.w, StringComparison.OrdinalIgnoreCase) == (p.k == own));
}
