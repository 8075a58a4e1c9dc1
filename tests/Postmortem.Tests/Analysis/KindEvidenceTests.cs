using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>Kinds read clause by clause (docs/analysis.md, "Event kinds"): negation, plans, other parties, mitigations that did nothing.</summary>
public sealed class KindEvidenceTests
{
    public static TheoryData<string, string?, string, bool> Cases => new()
    {
        // text, status, kind, expected to be evidence
        { "No page went out to the on-call engineer", null, "page", false },
        { "On-call engineer paged", null, "page", true },
        { "Preparing to roll back the deploy", null, "mitigation", false },
        { "I'll post on the status page", null, "communication", false },
        { "Rolled back the deploy", null, "mitigation", true },
        { "Reverted the change, but errors continued", null, "mitigation", false },
        { "Our CDN provider posted on their status page", null, "communication", false },
        { "Status page updated to resolved", null, "communication", true },
        { "Status page updated to resolved", null, "resolution", true },
        { "Everything except the mobile site was back up", null, "resolution", false },
        { "Everything except the mobile site was back up", null, "mitigation", true },
        { "Resolved - This incident has been resolved.", null, "communication", true },
        { "Queue backed up", "**SEV-1 opened**", "escalation", true },
        { "Latency is back at its usual level", null, "resolution", true },
        { "Decided to roll back the deploy", null, "mitigation", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_clause_gives_evidence_only_when_it_says_the_thing_happened(string text, string? status, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, status);
        Assert.Equal(expected, evidence.Any(e => e.Kind.ToName() == kind));
    }

    [Fact]
    public void Resolution_is_when_impact_ended_not_the_last_mention()
    {
        var pm = AnalysisTests.FromNotes("10:00 Alert fired on 5xx errors\n10:20 Rolled back\n10:30 Error rate back to normal\n11:00 Incident closed and status page set to resolved");
        Assert.Equal("10:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.NotEmpty(pm.Keys.Resolution.Candidates);
    }

    [Fact]
    public void Impact_start_is_never_after_an_alert_that_measured_impact()
    {
        var pm = AnalysisTests.FromNotes("10:00 Alert fired: checkout 5xx above 5%\n10:10 Customers report failed payments\n10:40 Rolled back\n10:50 Recovered");
        Assert.Equal(pm.Keys.Detection!.Time, pm.Keys.ImpactStart!.Time);
    }

    [Fact]
    public void A_change_weeks_before_is_background_not_a_key_moment()
    {
        var pm = AnalysisTests.FromNotes("2024-02-01 10:00 UTC rolled back an old config\n2024-03-01 10:00 UTC alert fired on errors\n2024-03-01 10:30 UTC failed over to the replica\n2024-03-01 10:45 UTC recovered");
        Assert.Equal("2024-03-01T10:30", pm.Keys.Mitigation!.Time.ToString("uuuu-MM-dd'T'HH:mm", null));
    }
}
