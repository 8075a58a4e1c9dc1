using System.Text;
using NodaTime;
using Postmortem.Editing;
using Postmortem.Model;
using Postmortem.Store;
using Postmortem.Tests.Ingest;
using Postmortem.Tests.Ingest.Exports;
using Postmortem.Tests.Store;

namespace Postmortem.Tests.Editing;

/// <summary>The review meeting's factors and actions go into a Markdown record as a person would add them: rows of the action items table, bullets under the category's label.</summary>
public sealed class MarkdownAdditionsTests
{
    private const string LastRow = "| 2 | Add Redis connection pool utilization alert (threshold: >75% pool usage) in Datadog; route to same SEV-1 channel | Detect | Platform Team | Dec 1, 2023 | Open | — | — |\n";
    private const string HumanFactor = "- The on-call engineer had been on the team for 3 weeks and had not been through a SEV-1 before\n";
    private const string LastLink = "      - \"no-pool-alert\"\n";

    private static readonly NewAction Pager = new("act-pgr2sms3", "Page the secondary by SMS | when the pager is not acknowledged in 5 minutes", ActionType.Process, "On-call leads", new LocalDate(2024, 4, 1), "small");
    private static readonly NewAction Pool = new("act-pool4lim", "Raise the Redis pool limit to 200", ActionType.Mitigate, "Platform Team", new LocalDate(2024, 3, 20), null);
    private static readonly NewFactor Alone = new("human", "A new responder was alone for 18 minutes");

    [Fact]
    public void Two_actions_and_a_factor_are_added_as_rows_and_a_bullet_and_nothing_else_changes()
    {
        // Given: Meridian drafted to Markdown by the facade
        var file = MarkdownRecordTests.Drafted("examples/meridian/incident.yml");
        var drafted = File.ReadAllText(file);

        // When
        var added = Postmortems.AddToSource(file, [Alone], [Pager, Pool]);

        // Then: only added lines, each where a person would write it
        Assert.True(added.Success, string.Join("; ", added.Diagnostics));
        var expected = Once(drafted, LastRow, LastRow
                + "| act-pgr2sms3 | Page the secondary by SMS \\| when the pager is not acknowledged in 5 minutes | Process | On-call leads | Apr 1, 2024 | Open | — | — |\n"
                + "| act-pool4lim | Raise the Redis pool limit to 200 | Mitigate | Platform Team | Mar 20, 2024 | Open | — | — |\n");
        expected = Once(expected, HumanFactor, HumanFactor + "- A new responder was alone for 18 minutes\n");
        expected = Once(expected, LastLink, LastLink + "  act-pgr2sms3:\n    effort: small\n");
        Assert.Equal(expected, Encoding.UTF8.GetString(added.Value.Bytes));
        Assert.Equal(2 + 1 + 2, added.Value.AddedLines);

        // The model read back has them, as given.
        var document = added.Value.Document;
        var pager = Assert.Single(document.Actions, a => a.Id == Pager.Id);
        Assert.Equal((Pager.Text, ActionType.Process, "On-call leads", new LocalDate(2024, 4, 1), "small", "Open"), (pager.Action, pager.Type, pager.Owner, pager.Due, pager.Effort, pager.Status));
        var pool = Assert.Single(document.Actions, a => a.Id == Pool.Id);
        Assert.Equal((ActionType.Mitigate, "Platform Team", new LocalDate(2024, 3, 20), (string?)null), (pool.Type, pool.Owner, pool.Due, pool.Effort));
        Assert.Equal(["1", "2", Pager.Id, Pool.Id], document.Actions.Select(a => a.Id));
        Assert.Contains(document.Factors, f => f.Id == "human-2" && f.Category == "human" && f.Text == Alone.Text);
    }

    [Fact]
    public void An_action_linked_to_a_new_and_an_existing_factor_gets_both_ids_under_its_action_links()
    {
        var file = MarkdownRecordTests.Drafted("examples/meridian/incident.yml");
        var drafted = File.ReadAllText(file);
        var linked = Pool with { Factors = ["technical-1"], NewFactors = [Alone] };

        var added = Postmortems.AddToSource(file, [Alone], [linked]);

        Assert.True(added.Success, string.Join("; ", added.Diagnostics));
        Assert.Contains(LastLink + "  act-pool4lim:\n    factors: [technical-1, human-2]\n", Encoding.UTF8.GetString(added.Value.Bytes), StringComparison.Ordinal);
        var pool = Assert.Single(added.Value.Document.Actions, a => a.Id == Pool.Id);
        Assert.Equal(["technical-1", "human-2"], pool.Factors);
        Assert.Equal(Alone.Text, Assert.Single(added.Value.Document.Factors, f => f.Id == "human-2").Text);
        Assert.Equal(drafted.Split('\n').Length + 1 + 1 + 2, Encoding.UTF8.GetString(added.Value.Bytes).Split('\n').Length);
    }

    [Fact]
    public void A_link_to_a_factor_the_record_does_not_have_is_refused()
    {
        var file = MarkdownRecordTests.Drafted("examples/meridian/incident.yml");

        var added = Postmortems.AddToSource(file, [], [Pool with { Factors = ["technical-99"] }]);

        var problem = Assert.Single(added.Diagnostics);
        Assert.Contains("technical-99", problem.Message, StringComparison.Ordinal);
        Assert.Null(added.Value);
    }

    [Fact]
    public void A_record_with_crlf_line_endings_keeps_them()
    {
        var drafted = File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml")).Replace("\n", "\r\n", StringComparison.Ordinal);
        var file = Temp.File("crlf.md", drafted);

        var added = Postmortems.AddToSource(file, [Alone], [Pool]);

        Assert.True(added.Success, string.Join("; ", added.Diagnostics));
        var text = Encoding.UTF8.GetString(added.Value.Bytes);
        Assert.DoesNotContain(text.Replace("\r\n", string.Empty, StringComparison.Ordinal), ch => ch == '\n');
        Assert.Equal(drafted.Split("\r\n").Length + 2, text.Split("\r\n").Length);
        Assert.Contains("\r\n- A new responder was alone for 18 minutes\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_bullet_gives_way_to_the_first_factor_of_its_category()
    {
        var drafted = File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml"));
        var file = Temp.File("placeholder.md", Once(drafted, HumanFactor, "- _To discuss in the review._\n"));

        var added = Postmortems.AddToSource(file, [Alone], []);

        Assert.True(added.Success, string.Join("; ", added.Diagnostics));
        Assert.Equal(Once(drafted, HumanFactor, "- A new responder was alone for 18 minutes\n"), Encoding.UTF8.GetString(added.Value.Bytes));
        Assert.Equal(["A new responder was alone for 18 minutes"], added.Value.Document.Factors.Where(f => f.Category == "human").Select(f => f.Text));
    }

    [Theory]
    [InlineData("| ID | Action | Type | Owner | Due date | Status | Tracker | Note |", "no action items table")]
    [InlineData("**Human factors:**", "no '**Human factors:**' list")]
    public void A_record_without_the_table_or_the_label_is_refused_with_the_reason(string removed, string reason)
    {
        var drafted = File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml"));
        var file = Temp.File("hand.md", Once(drafted, removed + "\n", removed.StartsWith('|') ? "Action items follow.\n" : string.Empty));

        var added = Postmortems.AddToSource(file, [Alone], [Pool]);

        var problem = Assert.Single(added.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal("PM0920", problem.Code);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void The_added_actions_show_up_in_the_actions_query_after_the_record_is_indexed_again(string kind)
    {
        using var store = new StoreFixture(kind);
        var drafted = File.ReadAllText(MarkdownRecordTests.Drafted("examples/meridian/incident.yml"));
        PostmortemIndexTests.Write(store, "pm/meridian.md", drafted);
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);
        var file = Path.Combine(store.Folder, "pm/meridian.md");

        var added = Postmortems.AddToSource(file, [Alone], [Pager, Pool]);
        Assert.True(added.Success, string.Join("; ", added.Diagnostics));
        Assert.Null(SafeFile.WriteBytes(file, added.Value.Bytes));
        var second = PostmortemIndexTests.Index(store, session, []);
        var actions = ActionQuery.Find(session, new ActionFilter { AsOf = new LocalDate(2024, 1, 15) });

        Assert.Equal(1, second.Updated);
        Assert.Equal(["1", "2", Pager.Id, Pool.Id], actions.Select(a => a.Id).Order(StringComparer.Ordinal));
        var row = Assert.Single(actions, a => a.Id == Pool.Id);
        Assert.Equal(("Platform Team", "pm/meridian.md"), (row.Owner, row.Path));
    }

    private static string Once(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find.TrimEnd()}' is not once in the draft");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
