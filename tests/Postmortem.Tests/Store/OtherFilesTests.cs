using Postmortem.Store;

namespace Postmortem.Tests.Store;

/// <summary>Files the index looked at and found not to be postmortems (notes files, CI workflows): remembered with their stamp, opened again only when it changes.</summary>
public sealed class OtherFilesTests
{
    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_file_that_is_not_a_postmortem_is_opened_again_only_when_its_size_or_time_changes(string kind)
    {
        // Given a CI workflow beside a postmortem, and a postmortem's text of exactly the workflow's size
        using var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5));
        const string postmortem = "title: Build failure\ndate: 2024-03-01\n";
        var workflow = "name: x\n# " + new string('-', postmortem.Length - 11) + "\n";
        PostmortemIndexTests.Write(store, "pm/ci.yml", workflow);
        var ci = Path.Combine(store.Folder, "pm", "ci.yml");
        var time = File.GetLastWriteTimeUtc(ci);
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);
        var remembered = Others(session);

        // When its text becomes a postmortem's but its size and time stay as they were, then when its time changes
        File.WriteAllText(ci, postmortem);
        File.SetLastWriteTimeUtc(ci, time);
        var unseen = PostmortemIndexTests.Index(store, session, []);
        var pathsUnseen = Paths(session);
        File.SetLastWriteTimeUtc(ci, time.AddMinutes(1));
        var seen = PostmortemIndexTests.Index(store, session, []);

        // Then the first run took the stamp's word (as git's index does) and the second opened it, indexed it and forgot it as an other file
        Assert.Equal(workflow.Length, postmortem.Length);
        Assert.Equal(["pm/ci.yml"], remembered);
        Assert.Equal((0, 1), (unseen.Added, unseen.Unchanged));
        Assert.Equal(["pm/a.yml"], pathsUnseen);
        Assert.Equal((1, 1), (seen.Added, seen.Unchanged));
        Assert.Equal(["pm/a.yml", "pm/ci.yml"], Paths(session));
        Assert.Empty(Others(session));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_deleted_or_changed_notes_file_is_forgotten_or_restamped_and_a_postmortem_that_stops_being_one_is_remembered(string kind)
    {
        using var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", "title: Checkout errors\ndate: 2024-03-01\ntimeZone: UTC\nnotesFiles: [notes.md]\n");
        PostmortemIndexTests.Write(store, "pm/notes.md", "- 10:00 customers began seeing errors\n- 10:06 alert fired\n");
        PostmortemIndexTests.Write(store, "pm/other.md", "# Reading list\n");
        PostmortemIndexTests.Write(store, "pm/b.yml", Incidents.Yaml("Login errors", "2024-03-02", 7));
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);
        var first = Others(session);

        File.Delete(Path.Combine(store.Folder, "pm", "other.md"));
        File.AppendAllText(Path.Combine(store.Folder, "pm", "notes.md"), "- 11:00 resolved\n");
        PostmortemIndexTests.Write(store, "pm/b.yml", "name: no longer a postmortem\n");
        var second = PostmortemIndexTests.Index(store, session, []);

        Assert.Equal(["pm/notes.md", "pm/other.md"], first);
        Assert.Equal((0, 1, 1), (second.Added, second.Updated, second.Removed));
        Assert.Equal(["pm/b.yml", "pm/notes.md"], Others(session));
        Assert.Equal(new FileInfo(Path.Combine(store.Folder, "pm", "notes.md")).Length, Length(session, "pm/notes.md"));
        Assert.Equal(["pm/a.yml"], Paths(session));
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_notes_file_named_by_a_postmortem_is_compared_by_the_walks_stamp_when_walked_and_by_its_own_otherwise(string kind)
    {
        // Given a postmortem naming two notes files beside it: Markdown (the walk passes it) and text (not a candidate: not walked)
        using var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", "title: Checkout errors\ndate: 2024-03-01\ntimeZone: UTC\nnotesFiles: [notes.md, more.txt]\n");
        PostmortemIndexTests.Write(store, "pm/notes.md", "- 10:00 customers began seeing errors\n");
        PostmortemIndexTests.Write(store, "pm/more.txt", "- 10:06 alert fired\n");
        using var session = store.Open();
        var reads = new List<string>();
        PostmortemIndexTests.Index(store, session, reads);
        var first = reads.Count;

        // When nothing changes, then the walked notes file changes, then the other one
        var quiet = PostmortemIndexTests.Index(store, session, reads);
        File.AppendAllText(Path.Combine(store.Folder, "pm", "notes.md"), "- 11:00 resolved\n");
        var inside = PostmortemIndexTests.Index(store, session, reads);
        File.AppendAllText(Path.Combine(store.Folder, "pm", "more.txt"), "- 10:30 rolled back\n");
        var other = PostmortemIndexTests.Index(store, session, reads);

        // Then the postmortem was read once at first, not when nothing changed, and again after each change
        Assert.Equal(1, first);
        Assert.Equal((0, 1), (quiet.Updated, quiet.Unchanged));
        Assert.Equal((1, 0), (inside.Updated, inside.Unchanged));
        Assert.Equal((1, 0), (other.Updated, other.Unchanged));
        Assert.Equal(3, reads.Count);
    }

    private static List<string> Others(StoreSession session) => Column(session, "SELECT path FROM pm_other_files ORDER BY path");

    private static List<string> Paths(StoreSession session) => Column(session, "SELECT path FROM pm_documents ORDER BY path");

    private static long Length(StoreSession session, string path)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = $"SELECT file_length FROM pm_other_files WHERE path = '{path}'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Column(StoreSession session, string sql)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
