using NodaTime;
using Postmortem.Editing;
using Postmortem.Model;

namespace Postmortem.Tests.Editing;

/// <summary>The review meeting's factors and actions go into the incident file as a person would add them: new lines under their lists, every other byte kept.</summary>
public sealed class SourceAdditionsTests : IDisposable
{
    private const string Incident =
        """
        # the team's comment stays
        type: incident
        title: Checkout outage
        date: 2024-03-05
        timeZone: UTC
        notes: |
          10:00 Deploy went out.
        factors:
          process:
            - The runbook did not cover pool exhaustion
        actions:
          - action: Add a pool alert at 75% usage   # the 5xx alert fires late
            type: detect
            owner: Platform Team
            due: 2024-03-20
        # trailing comment

        """;

    private readonly string folder = Directory.CreateTempSubdirectory("pm-additions-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Factors_and_an_action_are_added_after_their_siblings_and_nothing_else_changes()
    {
        // Given
        var file = Write("incident.yml", Incident);
        var id = ActionId.New();

        // When
        var added = SourceAdditions.Add(
            file,
            [new NewFactor("process", "No freeze on peak days"), new NewFactor("technical", "Synchronous Redis calls in checkout: <script>")],
            [new NewAction(id, "Page the secondary by SMS when the pager is not acknowledged in 5 minutes", ActionType.Process, "On-call leads", new LocalDate(2024, 4, 1), "small")]);

        // Then
        Assert.True(added.Success, string.Join("; ", added.Diagnostics.Select(d => d.Message)));
        var expected = Incident
            .Replace("    - The runbook did not cover pool exhaustion\n", "    - The runbook did not cover pool exhaustion\n    - No freeze on peak days\n  technical:\n    - \"Synchronous Redis calls in checkout: <script>\"\n", StringComparison.Ordinal)
            .Replace("    due: 2024-03-20\n", $"    due: 2024-03-20\n  - id: {id}\n    action: Page the secondary by SMS when the pager is not acknowledged in 5 minutes\n    type: process\n    owner: On-call leads\n    due: 2024-04-01\n    effort: small\n", StringComparison.Ordinal);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(added.Value.Bytes));
        Assert.Equal(3 + 6, added.Value.AddedLines);
        Assert.Equal(3, added.Value.Document.Factors.Count);
        Assert.Contains(added.Value.Document.Actions, a => a.Id == id && a.Owner == "On-call leads" && a.Type == ActionType.Process);
    }

    [Fact]
    public void An_action_that_addresses_factors_names_their_ids_the_new_ones_as_the_file_will_number_them()
    {
        var file = Write("incident.yml", Incident);
        var freeze = new NewFactor("process", "No freeze on peak days");
        var redis = new NewFactor("technical", "Synchronous Redis calls in checkout");
        var action = new NewAction("act-frz2pk9a", "Freeze deploys on peak days", ActionType.Prevent, "Release team", new LocalDate(2024, 4, 1), null)
        {
            Factors = ["process-1"], NewFactors = [freeze, redis],
        };

        var added = SourceAdditions.Add(file, [freeze, redis], [action]);

        Assert.True(added.Success, string.Join("; ", added.Diagnostics.Select(d => d.Message)));
        Assert.Contains("    due: 2024-04-01\n    factors: [process-1, process-2, technical-1]\n", System.Text.Encoding.UTF8.GetString(added.Value.Bytes), StringComparison.Ordinal);
        var read = Assert.Single(added.Value.Document.Actions, a => a.Id == action.Id);
        Assert.Equal(["process-1", "process-2", "technical-1"], read.Factors);
        Assert.Equal(
            ["The runbook did not cover pool exhaustion", freeze.Text, redis.Text],
            read.Factors.Select(id => added.Value.Document.Factors.Single(f => f.Id == id).Text));
    }

    [Fact]
    public void A_link_to_a_factor_outside_the_additions_or_the_file_is_refused()
    {
        var file = Write("incident.yml", Incident);
        var stray = new NewFactor("human", "Not added");
        var action = new NewAction("act-frz2pk9a", "Freeze deploys on peak days", ActionType.Prevent, "Release team", new LocalDate(2024, 4, 1), null);

        var unknownId = SourceAdditions.Add(file, [], [action with { Factors = ["human-1"] }]);
        var notAdded = SourceAdditions.Add(file, [], [action with { NewFactors = [stray] }]);

        Assert.Contains("'human-1'", Assert.Single(unknownId.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Contains("'Not added'", Assert.Single(notAdded.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal(Incident, File.ReadAllText(file));
    }

    [Fact]
    public void A_file_without_factors_or_actions_gets_both_lists_at_its_end()
    {
        var file = Write("bare.yml", "type: incident\ntitle: Bare\ndate: 2024-03-05\ntimeZone: UTC");

        var added = SourceAdditions.Add(file, [new NewFactor("human", "A new responder alone")], [new NewAction("act-abcd2345", "Pair new on-call engineers for their first SEV-1", ActionType.Process, "Eng managers", new LocalDate(2024, 4, 1), null)]);

        Assert.True(added.Success, string.Join("; ", added.Diagnostics.Select(d => d.Message)));
        Assert.Equal(
            "type: incident\ntitle: Bare\ndate: 2024-03-05\ntimeZone: UTC\nfactors:\n  human:\n    - A new responder alone\nactions:\n  - id: act-abcd2345\n    action: Pair new on-call engineers for their first SEV-1\n    type: process\n    owner: Eng managers\n    due: 2024-04-01\n",
            System.Text.Encoding.UTF8.GetString(added.Value.Bytes));
    }

    [Theory]
    [InlineData("inline.yml", "type: incident\ntitle: T\ndate: 2024-03-05\ntimeZone: UTC\nactions: []\n", "PM0920")]
    [InlineData("record.md", "# Postmortem: T\n", "PM0920")]
    public void What_cannot_take_additions_is_refused_with_nothing_written(string name, string text, string code)
    {
        var file = Write(name, text);

        var added = Postmortems.AddToSource(file, [], [new NewAction("act-abcd2345", "Add a pool alert at 75%", ActionType.Detect, "Platform", new LocalDate(2024, 4, 1), null)]);

        Assert.False(added.Success);
        Assert.Equal(code, added.Diagnostics[0].Code);
        Assert.Equal(text, File.ReadAllText(file));
    }

    private string Write(string name, string text)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, text);
        return file;
    }
}
