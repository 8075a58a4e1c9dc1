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
        var (want, got) = FormsTable.Read(notes, date, zone, expected);
        var right = want.SequenceEqual(got);
        Assert.True(right == (read == "✓"), $"[{split}] {form}: table says {read}, extractor gave [{string.Join(", ", got)}] for [{string.Join(", ", want)}]");
    }

    internal static IEnumerable<string[]> Table() => FormsTable.Rows("notes-forms-wild.md", "## Rows", "| source", notesColumn: 3);
}
