using Postmortem.Analysis.Lint;
using Postmortem.Ingest.Prose;
using Postmortem.Model;

namespace Postmortem.Tests.Lint;

/// <summary>
/// The blameless corpus: each sentence with the exact set of rules it must trigger (empty: it must trigger
/// none). False positives matter as much as misses. Context "a" is an action item, "n" narrative.
/// </summary>
public sealed class BlamelessCorpusTests
{
    private static readonly LintOptions Options = new()
    {
        Roster = [new TeamMember("Priya", "Senior engineer", ["@priya"]), new TeamMember("Sam", "On-call engineer", ["@sam"])],
    };

    public static TheoryData<string, string, string> Corpus => new()
    {
        // Counterfactuals.
        { "n", "The on-call engineer should have escalated sooner.", "counterfactual" },
        { "n", "We could have caught this in staging.", "counterfactual" },
        { "n", "A canary would have limited the blast radius.", "counterfactual" },
        { "n", "If only the runbook had covered Redis.", "counterfactual" },
        { "n", "The team shouldn't have deployed on Friday.", "counterfactual" },
        { "n", "It should've been caught by the tests.", "counterfactual" },
        { "n", "Had we known about the coupling, we would not have shipped.", "counterfactual" },
        { "n", "If someone had checked the pool size, nothing would have broken.", "counterfactual" },
        { "a", "Alert should have fired at 75% pool usage: add a Datadog monitor at that threshold", "" },
        { "n", "The alert threshold was 90%, so it did not fire.", "" },
        { "n", "Engineers should escalate within 10 minutes according to the runbook.", "" },
        // Absence framed as a fault.
        { "n", "The engineer failed to notice the alert.", "absence-as-fault" },
        { "n", "The on-call engineer forgot to update the status page.", "absence-as-fault" },
        { "n", "The reviewer neglected to test the rollback.", "absence-as-fault" },
        { "n", "Nobody didn't notice the error rate climbing.", "absence-as-fault" },
        { "n", "The deployer did not check the dashboard.", "absence-as-fault" },
        { "n", "The team overlooked the warning in the logs.", "absence-as-fault" },
        { "n", "The pager failed to reach the senior engineer.", "" },
        { "n", "The deploy failed to complete within the window.", "" },
        { "n", "The health check failed to detect the stuck workers.", "" },
        { "n", "The migration job failed to acquire the lock.", "" },
        // Human error.
        { "n", "This was human error.", "human-error" },
        { "n", "Operator error during the failover caused the outage.", "human-error" },
        { "n", "A fat-fingered command deleted the table.", "human-error" },
        { "n", "The console accepted a command that deleted the table without confirmation.", "" },
        // Judgemental words.
        { "n", "The change was careless.", "judgemental" },
        { "n", "Sloppy testing let the bug through.", "judgemental" },
        { "n", "The config change was negligent.", "judgemental" },
        { "n", "Deploying during the sale was reckless.", "judgemental" },
        { "n", "The response was incompetent.", "judgemental" },
        { "n", "Posting credentials in the channel was inappropriate.", "judgemental" },
        { "n", "It showed poor judgement to skip the review.", "judgemental" },
        { "n", "The review was skipped because the release was urgent.", "" },
        // Root cause, singular.
        { "n", "The root cause was a missing index.", "root-cause" },
        { "n", "We did a root-cause analysis.", "root-cause" },
        { "n", "There were several root causes.", "" },
        { "n", "Contributing factors included a missing index and no query timeout.", "" },
        // Hindsight.
        { "n", "Obviously, the cache was cold.", "hindsight" },
        { "n", "The fix was clearly to roll back.", "hindsight" },
        { "n", "Of course the pool was exhausted.", "hindsight" },
        { "n", "We simply restarted the pods.", "hindsight" },
        { "n", "The team just rolled back.", "hindsight" },
        { "n", "Just-in-time compilation kept the workers busy.", "" },
        { "n", "The dashboard shows it was just-in-time delivery.", "" },
        { "n", "The graph was clear after the restart.", "" },
        // Names and handles.
        { "n", "Priya rolled back the deploy.", "person-name" },
        { "n", "The incident channel pinged @sam at 07:40.", "person-name" },
        { "n", "@priya joined the war room.", "person-name" },
        { "n", "Email ops@example.com for access.", "" },
        { "n", "The senior engineer rolled back the deploy.", "" },
        { "n", "The team will review priya-style dashboards.", "" },
        { "n", "The chat shows \"Priya: rolling back now\" at 07:52.", "" },
        { "n", "Sam's laptop had the only copy of the key.", "person-name" },
        // A person as the cause.
        { "n", "Sam broke the deploy pipeline.", "person-name,person-as-cause" },
        { "n", "He caused the outage by restarting the primary.", "person-as-cause" },
        { "n", "The on-call engineer caused the outage.", "person-as-cause" },
        { "n", "Someone took down the database.", "person-as-cause" },
        { "n", "The config change caused the outage.", "" },
        { "n", "The deploy broke checkout.", "" },
        { "n", "Priya's mistake was restarting the primary.", "person-name,person-as-cause" },
        // Who questions.
        { "n", "Who caused this?", "who-question" },
        { "n", "Who pushed the change?", "who-question" },
        { "n", "Whose fault was it?", "who-question" },
        { "n", "Who was on call is recorded in PagerDuty.", "" },
        { "n", "What made this outcome likely?", "" },
        // Actions aimed at people.
        { "a", "Engineers should be more careful with deploys", "action-at-people" },
        { "a", "More training for the on-call rotation", "action-at-people" },
        { "a", "Remind engineers to check the dashboard", "action-at-people" },
        { "a", "Pay more attention to alerts", "action-at-people" },
        { "a", "Double-check config changes before deploying", "action-at-people" },
        { "a", "Be more vigilant during peak events", "action-at-people" },
        { "a", "Add a CI check that rejects pool sizes below 50", "" },
        { "a", "Add a runbook entry for Redis connection pool exhaustion", "" },
        { "a", "Shadow on-call rotation for two weeks before independent duty", "" },
        { "n", "The team was more careful after the incident.", "" },
        // Mixed and clean narrative.
        { "n", "Obviously Sam should have known.", "hindsight,person-name,counterfactual" },
        { "n", "The promo banner deploy at 07:14 introduced a cache stampede.", "" },
        { "n", "The on-call engineer had been on the team for 3 weeks.", "" },
        { "n", "Alert fatigue: 31 low-priority alerts in the previous 24 hours masked the real signal.", "" },
        { "n", "Detection was delayed by 9 minutes.", "" },
        { "n", "The status page update fell to whoever was least busy.", "" },
        { "n", "The rollback took 11 minutes because the pipeline was queued.", "" },
        { "a", "Add Redis connection pool utilization alert (threshold: >75% pool usage)", "" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_sentence_triggers_exactly_its_rules(string context, string sentence, string rules)
    {
        var segment = new ProseSegment(sentence, 1, 1, 0, context == "a" ? ProseContext.Action : ProseContext.Narrative);
        var found = Linter.Lint("corpus.md", [segment], Options).Select(f => f.Rule.Name).Distinct().Order();
        Assert.Equal(rules.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), found);
    }

    [Fact]
    public void The_corpus_is_at_least_eighty_sentences_and_covers_every_rule()
    {
        var rows = Corpus.Select(r => r.Data.Item3).ToList();
        Assert.True(rows.Count >= 80, $"{rows.Count} sentences");
        Assert.All(LintRules.All, rule => Assert.Contains(rows, r => r.Split(',').Contains(rule.Name)));
    }
}
