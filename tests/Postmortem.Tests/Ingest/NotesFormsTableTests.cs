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
        foreach (var cells in FormsTable.Rows("notes-format.md", "## The forms, as tests", "| form", notesColumn: 1))
        {
            data.Add(cells[0], cells[1], cells[2], cells[3], cells[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_documented_form_gives_its_events(string form, string notes, string date, string zone, string expected)
    {
        _ = form;
        var (want, got) = FormsTable.Read(notes, date, zone, expected);
        Assert.Equal(want, got);
    }
}
