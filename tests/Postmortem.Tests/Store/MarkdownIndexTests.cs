using NodaTime;
using Postmortem.Editing;
using Postmortem.Store;
using Postmortem.Tests.Ingest;

namespace Postmortem.Tests.Store;

/// <summary>A Markdown record is indexed like an incident file, and a hand edit of an action's status in it shows up in actions and stats.</summary>
public sealed class MarkdownIndexTests
{
    private static readonly LocalDate AsOf = new(2024, 1, 15);

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void A_hand_edited_status_in_a_markdown_record_shows_up_in_actions_and_stats(string kind)
    {
        using var store = new StoreFixture(kind);
        var drafted = File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml"));
        PostmortemIndexTests.Write(store, "pm/meridian.md", drafted);
        PostmortemIndexTests.Write(store, "pm/README.md", "# Our postmortems\n\nOne file per incident.\n");
        using var session = store.Open();

        var first = PostmortemIndexTests.Index(store, session, []);
        var overdue = ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Overdue = true });
        var before = StatsQuery.Compute(session, null, null, AsOf);

        Assert.Equal(1, first.Added);
        Assert.Equal(["1", "2"], overdue.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(overdue, a => Assert.Equal("pm/meridian.md", a.Path));
        Assert.Equal((2, 0, 2), (before.Actions.Total, before.Actions.Done, before.Actions.Overdue));

        // A person marks action 2 done in the Markdown, by hand as the editor would: one row changes.
        var edited = Postmortems.MarkdownEditor.SetActionField(drafted, "meridian.md", "2", ActionField.Status, "Done").Value!;
        Assert.Equal(1, edited.ChangedLines);
        File.WriteAllText(Path.Combine(store.Folder, "pm/meridian.md"), edited.Text);
        var second = PostmortemIndexTests.Index(store, session, []);
        var after = ActionQuery.Find(session, new ActionFilter { AsOf = AsOf, Overdue = true });
        var stats = StatsQuery.Compute(session, null, null, AsOf);

        Assert.Equal((0, 1), (second.Added, second.Updated));
        Assert.Equal(["1"], after.Select(a => a.Id));
        Assert.Equal((2, 1, 1), (stats.Actions.Total, stats.Actions.Done, stats.Actions.Overdue));
        Assert.Equal(1, Assert.Single(stats.Groups).Incidents);
    }
}
