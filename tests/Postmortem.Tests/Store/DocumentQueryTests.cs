using Postmortem.Store;

namespace Postmortem.Tests.Store;

/// <summary>The postmortems a browser lists: search and filters in the database, the same on both stores.</summary>
public sealed class DocumentQueryTests
{
    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Postmortems_are_found_by_words_severity_month_and_the_state_of_their_actions(string kind)
    {
        using var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5, actions: Incidents.Actions(("Alert on pool saturation", "Platform", "2024-03-15", "Open"))));
        PostmortemIndexTests.Write(store, "pm/b.yml", Incidents.Yaml("Pool 100% saturated", "2024-02-10", 5, "SEV-1", Incidents.Actions(("Raise the pool", "SRE", "2024-02-20", "Done"))));
        PostmortemIndexTests.Write(store, "pm/c.yml", Incidents.Yaml("Pool at 1000 connections", "2024-02-11", 5));
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);

        string[] Find(DocumentFilter filter) => [.. DocumentQuery.Find(session, filter).Select(d => d.Path)];

        Assert.Equal(["pm/a.yml", "pm/c.yml", "pm/b.yml"], Find(new DocumentFilter()));
        Assert.Equal(["pm/b.yml"], Find(new DocumentFilter { Text = "100%" }));
        Assert.Equal(["pm/c.yml", "pm/b.yml"], Find(new DocumentFilter { Text = "POOL" }));
        Assert.Equal(["pm/b.yml"], Find(new DocumentFilter { Severity = "sev-1" }));
        Assert.Equal(["pm/c.yml", "pm/b.yml"], Find(new DocumentFilter { Month = "2024-02" }));
        Assert.Equal(["pm/a.yml"], Find(new DocumentFilter { ActionState = "open" }));
        Assert.Equal(["pm/b.yml"], Find(new DocumentFilter { ActionState = "done", Text = "pool" }));
        Assert.Empty(Find(new DocumentFilter { Text = "_" }));
        var a = DocumentQuery.Get(session, "pm/a.yml");
        Assert.Equal(("Checkout errors", "SEV-2", 1, 1), (a!.Title, a.Severity, a.OpenActions, a.Actions));
        Assert.Null(DocumentQuery.Get(session, "pm/../pm/a.yml"));
        var (severities, months) = DocumentQuery.Choices(session);
        Assert.Equal(["SEV-1", "SEV-2"], severities);
        Assert.Equal(["2024-03", "2024-02"], months);
        }

    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Postmortems_are_found_by_service_and_team_and_list_both(string kind)
    {
        using var store = new StoreFixture(kind);
        PostmortemIndexTests.Write(store, "pm/a.yml", Incidents.Yaml("Checkout errors", "2024-03-01", 5).Replace("timeZone: UTC\n", "timeZone: UTC\nservices: [checkout, Redis]\nteam:\n  name: Platform\n", StringComparison.Ordinal));
        PostmortemIndexTests.Write(store, "pm/b.yml", Incidents.Yaml("Search slow", "2024-02-10", 5).Replace("timeZone: UTC\n", "timeZone: UTC\nservices: [search]\nteam:\n  name: Discovery\n", StringComparison.Ordinal));
        PostmortemIndexTests.Write(store, "pm/c.yml", Incidents.Yaml("No service named", "2024-02-11", 5));
        using var session = store.Open();
        PostmortemIndexTests.Index(store, session, []);

        string[] Find(DocumentFilter filter) => [.. DocumentQuery.Find(session, filter).Select(d => d.Path)];

        Assert.Equal(["pm/a.yml"], Find(new DocumentFilter { Service = "redis" }));
        Assert.Equal(["pm/b.yml"], Find(new DocumentFilter { Service = "search", Team = "discovery" }));
        Assert.Empty(Find(new DocumentFilter { Service = "search", Team = "platform" }));
        Assert.Empty(Find(new DocumentFilter { Service = "check" }));
        var a = DocumentQuery.Get(session, "pm/a.yml")!;
        Assert.Equal("Platform", a.Team);
        Assert.Equal(["checkout", "Redis"], a.Services);
        Assert.Null(DocumentQuery.Get(session, "pm/c.yml")!.Team);
        var (services, teams) = DocumentQuery.ServicesAndTeams(session);
        Assert.Equal(["checkout", "Redis", "search"], services);
        Assert.Equal(["Discovery", "Platform"], teams);
    }
}
