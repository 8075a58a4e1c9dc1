using NodaTime;
using Postmortem.Store;
using Postmortem.Tests.Store;

namespace Postmortem.Tests.Trackers;

/// <summary>Schema 5's sync state on both stores: a journal row without a key, then the key; one row per action and tracker.</summary>
public sealed class SyncStateTests
{
    [Theory]
    [MemberData(nameof(StoreFixture.Kinds), MemberType = typeof(StoreFixture))]
    public void Sync_state_is_saved_replaced_and_kept_per_tracker(string kind)
    {
        using var store = new StoreFixture(kind);
        using var session = store.Open();
        var at = Instant.FromUtc(2024, 2, 10, 12, 0);

        SyncStates.Save(session, new SyncedAction("github", "act-7k2m9xqa", null, null, "open", "open", at));
        SyncStates.Save(session, new SyncedAction("github", "act-7k2m9xqa", "#12", "https://github.com/acme/ops/issues/12", "done", "done", at));
        SyncStates.Save(session, new SyncedAction("jira", "act-7k2m9xqa", "OPS-3", "https://acme.atlassian.net/browse/OPS-3", "open", "open", at));

        var github = Assert.Single(SyncStates.Load(session, "github")).Value;
        Assert.Equal(new SyncedAction("github", "act-7k2m9xqa", "#12", "https://github.com/acme/ops/issues/12", "done", "done", at), github);
        Assert.Equal("OPS-3", SyncStates.Load(session, "jira")["act-7k2m9xqa"].IssueKey);
        Assert.Equal(7, StoreSchema.Current);
    }
}
