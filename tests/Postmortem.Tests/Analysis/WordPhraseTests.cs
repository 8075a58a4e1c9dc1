using Postmortem.Analysis;
using Postmortem.Config;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Word phrases (docs/analysis.md, "Word phrases"): a phrase written once in base form matches its inflections, and its
/// words reversed only as a passive; and the decisions that read the evidence they give.
/// </summary>
public sealed class WordPhraseTests
{
    [Theory]
    [InlineData("restore", "restored")]
    [InlineData("restore", "restoring")]
    [InlineData("restore", "restores")]
    [InlineData("service", "services")]
    [InlineData("page", "paged")]
    [InlineData("page", "paging")]
    [InlineData("stop", "stopped")]
    [InlineData("apply", "applied")]
    [InlineData("apply", "applies")]
    [InlineData("go", "went")]
    [InlineData("bring", "brought")]
    [InlineData("fall", "fell")]
    [InlineData("fix", "fixes")]
    [InlineData("status", "statuses")]
    [InlineData("need", "needs")]
    public void An_inflection_has_the_base_of_its_word(string word, string inflected) =>
        Assert.Equal(WordStems.Base(word), WordStems.Base(inflected));

    [Theory]
    [InlineData("recover", "recovery")]
    [InlineData("red", "read")]
    [InlineData("status", "stat")]
    public void Different_words_keep_different_bases(string a, string b) =>
        Assert.NotEqual(WordStems.Base(a), WordStems.Base(b));

    [Theory]
    [InlineData("restore service", "Service was restored at 10:02", true)]
    [InlineData("restore service", "All services have now been restored", true)]
    [InlineData("restore service", "We restored service to the EU", true)]
    [InlineData("restore service", "Service was not restored until the next morning", false)]
    [InlineData("restore service", "Service degraded. We restored the cache", false)]
    [InlineData("restore service", "We restored the primary database and the billing service", false)]
    [InlineData("email customer", "Customers are emailing support", false)]
    [InlineData("email customer", "Affected customers were emailed", true)]
    [InlineData("scale up", "During that scale-up some servers failed", false)]
    [InlineData("scale up", "We scaled the cluster up", true)]
    [InlineData("flip kill switch", "The kill switch was flipped", true)]
    public void A_phrase_matches_its_inflections_and_its_passive(string phrase, string text, bool expected)
    {
        var vocabulary = new WordPhrases.Vocabulary();
        var phrases = new WordPhrases(phrase, vocabulary);
        Assert.Equal(expected, phrases.Matches(vocabulary.Read(text)).Count > 0);
    }

    public static TheoryData<string, string, bool> Kinds => new()
    {
        // text, kind, expected to be evidence
        { "Service was restored for all customers", "resolution", true },
        { "We are restoring service region by region", "resolution", false },
        { "We are restoring service region by region", "mitigation", true },
        { "@here everything on those two racks is offline. need network folks now", "escalation", true },
        { "Can someone from storage help? The bucket refuses writes", "escalation", true },
        { "Can someone post on the status page", "communication", false },
        { "Both dashboards went red", "impact", true },
        { "Customers are experiencing issues with logins", "impact", true },
        { "Customers are emailing that their downloads are empty", "communication", false },
        { "During that scale-up some servers failed to register", "mitigation", false },
        { "Engineers shifted traffic away from the region", "mitigation", true },
        { "We stopped seeing errors at 14:02", "resolution", true },
        { "Error rates have normalized", "resolution", true },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_built_in_word_phrases_give_evidence(string text, string kind, bool expected) =>
        Assert.Equal(expected, KindLexicon.Default.Read(text, null).Any(e => e.Kind.ToName() == kind));

    [Fact]
    public void A_team_phrase_in_the_config_matches_its_inflections()
    {
        var read = ConfigFile.Read("lexicon:\n  mitigation: [flip the kill switch]\n  escalation: [\"rolled back, again\"]\n", ".postmortem.yml");
        Assert.Empty(read.Diagnostics);
        var lexicon = read.Value!.Lexicon;
        Assert.Contains(lexicon.Read("The kill switch was flipped at 10:02", null), e => e.Kind == EventKind.Mitigation && e.Phrase == "kill switch was flipped");
        Assert.Contains(lexicon.Read("rolled back, again", null), e => e.Kind == EventKind.Escalation);
    }

    [Fact]
    public void The_call_for_people_is_the_escalation_not_someone_dropping_in_before_it()
    {
        var pm = AnalysisTests.FromNotes("[10:40 AM] Tomas: alerts firing, services can't connect to the kv store\n[10:44 AM] Hannah: joined. sites failing to load\n[10:47 AM] Tomas: paging Ravi, db on-call, we need him for this\n[10:52 AM] Ravi: here\n[11:06 AM] Ravi: primary elected, services reconnecting\n[11:17 AM] Hannah: all tiers serving normally");
        Assert.Equal("10:47", pm.Keys.Escalation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Someone_arriving_is_the_escalation_when_no_call_is_recorded()
    {
        var pm = AnalysisTests.FromNotes("[10:40 AM] Tomas: alerts firing, services can't connect to the kv store\n[10:44 AM] Hannah: joined. sites failing to load\n[11:17 AM] Hannah: all tiers serving normally");
        Assert.Equal("10:44", pm.Keys.Escalation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_responder_reporting_impact_while_asking_for_help_noticed_it()
    {
        var pm = AnalysisTests.FromNotes("[11:12 AM] Ana: starting the zeroize on the new racks now\n[11:14 AM] Ana: @here I wiped the configs on two switches, everything on those racks is offline. need network folks now\n[11:15 AM] Bot: Triggered: hypervisor heartbeat lost\n[11:47 AM] Ana: all services confirmed back online");
        Assert.Equal("11:14", pm.Keys.Detection!.Time.ToString("HH:mm", null));
        Assert.Equal("11:14", pm.Keys.Escalation!.Time.ToString("HH:mm", null));
        Assert.Equal("11:14", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void The_first_update_saying_engineers_look_into_it_is_detection_when_nothing_is_earlier()
    {
        var pm = AnalysisTests.FromNotes("22:36 Update - Engineers continue to look into intermittent rejections of a small number of requests; customers may receive 503 responses.\n23:31 Update - We are still investigating the rejections.\n23:58 Resolved - This incident has been resolved.");
        Assert.Equal("22:36", pm.Keys.Detection!.Time.ToString("HH:mm", null));
    }
}
