using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

public sealed class AnalysisTests
{
    internal static AnalyzedPostmortem FromNotes(string notes, string extraYaml = "", AnalysisOptions? options = null)
    {
        var yaml = $"title: T\ndate: 2023-11-24\ntimeZone: UTC\n{extraYaml}\nnotes: |\n" + string.Join('\n', notes.Split('\n').Select(l => "  " + l));
        var read = IncidentFileReader.Read(yaml, "t.yml");
        Assert.NotNull(read.Value);
        return Analyzer.Analyze(read.Value, read.Diagnostics, options);
    }

    [Fact]
    public void The_seed_example_gives_the_seed_key_numbers()
    {
        var read = IncidentFileReader.ReadFile("examples/meridian/incident.yml");
        var pm = Analyzer.Analyze(read.Value!, read.Diagnostics);
        var et = DateTimeZoneProviders.Tzdb["America/New_York"];
        string Local(KeyTimestamp? k) => k!.Time.InZone(et).ToString("HH:mm", null);

        Assert.Equal("07:22", Local(pm.Keys.FirstCustomerReport));
        Assert.Equal("07:22", Local(pm.Keys.ImpactStart));
        Assert.Equal("07:31", Local(pm.Keys.Detection));
        Assert.Equal("automated alert", pm.Keys.DetectionMethod);
        Assert.Equal(9, KeyTimestampAnalyzer.Minutes(pm.Keys.FirstCustomerReport, pm.Keys.Detection));
        Assert.Equal("07:51", Local(pm.Keys.Escalation));
        Assert.Equal(20, pm.Gaps.Single(g => g.Name == "detection-to-escalation").Minutes);
        Assert.Equal("08:19", Local(pm.Keys.Mitigation));
        Assert.Equal(28, pm.Gaps.Single(g => g.Name == "escalation-to-mitigation").Minutes);
        Assert.Equal("08:47", Local(pm.Keys.Resolution));
        Assert.Null(pm.Keys.Communication);
        Assert.Null(pm.Gaps.Single(g => g.Name == "detection-to-communication").Minutes);
        Assert.Equal(85, pm.DurationMinutes);
        Assert.Equal("SEV-1", pm.Severity!.Level);
        Assert.Equal("impact.scope = all-users and impact.effect = outage", pm.Severity.Rule);
        Assert.Equal([18L, 28L, 28L], pm.Silences.Select(s => s.Minutes));
        Assert.Equal(new LocalDate(2023, 12, 11), pm.FollowUp.ActionReview);
    }

    public static TheoryData<string, string> Kinds => new()
    {
        { "Deploy went out", "change" },
        { "First customer complaint in Zendesk", "customer-report" },
        { "Datadog alert for elevated 5xx rate fired", "alert" },
        { "On-call paged", "page" },
        { "Senior engineer joined after Slack DM (pager didn't reach her)", "escalation" },
        { "Redis connection pool exhaustion identified in APM traces", "diagnosis" },
        { "Status page updated: investigating checkout issues", "communication" },
        { "Decision made to roll back promo banner deploy", "decision" },
        { "Rolled back deploy", "mitigation" },
        { "Rollback completed; Redis connection limit raised", "mitigation" },
        { "Checkout confirmed stable", "resolution" },
        { "Elevated 5xx errors on checkout", "impact" },
        { "Lunch", "other" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_lexicon_gives_each_event_its_kind(string text, string kind) =>
        Assert.Equal(kind, KindLexicon.Default.Classify(text).Kind.ToName());

    [Fact]
    public void A_team_phrase_is_tried_before_the_built_in_ones()
    {
        var lexicon = new KindLexicon([new LexiconEntry(EventKind.Mitigation, "flipped the big red switch", "team")]);
        var (kind, rule) = lexicon.Classify("Flipped the big red switch");
        Assert.Equal(EventKind.Mitigation, kind);
        Assert.Contains("flipped the big red switch", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_report_alone_is_detection_and_impact_start()
    {
        var pm = FromNotes("10:00 Customer reported checkout errors\n10:30 Rolled back\n10:45 Resolved");
        Assert.Equal("customer report", pm.Keys.DetectionMethod);
        Assert.Equal(pm.Keys.FirstCustomerReport!.Time, pm.Keys.Detection!.Time);
        Assert.Equal(45, pm.DurationMinutes);
    }

    [Fact]
    public void The_status_voice_in_a_chat_is_responders_talking_unless_the_message_quotes_a_public_post()
    {
        var talk = FromNotes("Priya  10:00 AM\nwe're seeing 500s on checkout\nSam  10:20 AM\nrolled back, errors gone");
        Assert.Null(talk.Keys.Communication);

        var quoted = FromNotes("Priya  10:00 AM\nwe're seeing 500s on checkout\nSam  10:05 AM\nPinned a post on the forum: checkout down, we're looking into it");
        Assert.Equal(5, quoted.Keys.Communication!.Time.InUtc().Minute);
    }

    [Fact]
    public void Without_impact_or_report_impact_starts_at_detection()
    {
        var pm = FromNotes("10:00 Alert fired on queue depth\n10:20 Resolved");
        Assert.Equal(pm.Keys.Detection!.Time, pm.Keys.ImpactStart!.Time);
        Assert.Equal(20, pm.DurationMinutes);
    }

    [Fact]
    public void Unknown_stays_unknown_never_zero()
    {
        var pm = FromNotes("10:00 Alert fired on queue depth");
        Assert.Null(pm.Keys.Resolution);
        Assert.Null(pm.DurationMinutes);
        Assert.Null(pm.Keys.Escalation);
        Assert.All(pm.Gaps.Where(g => g.Name != "impact-to-detection"), g => Assert.Null(g.Minutes));
    }

    [Fact]
    public void Key_times_out_of_order_are_a_diagnostic_and_the_gap_stays_negative()
    {
        var pm = FromNotes("10:00 Rolled back the deploy\n10:10 Alert fired\n10:20 Secondary escalated\n10:40 Resolved");
        Assert.Contains(pm.Diagnostics, d => d.Code == "PM0201");
        Assert.Equal(-20, pm.Gaps.Single(g => g.Name == "escalation-to-mitigation").Minutes);
    }

    [Fact]
    public void A_written_range_covers_its_span_when_looking_for_silences()
    {
        var pm = FromNotes("10:00 Alert fired\n10:01–10:40 investigating with the database team\n10:45 Resolved");
        Assert.Empty(pm.Silences);
        var without = FromNotes("10:00 Alert fired\n10:01 investigating with the database team\n10:45 Resolved");
        Assert.Equal(44, Assert.Single(without.Silences).Minutes);
    }

    [Fact]
    public void The_silence_threshold_comes_from_the_file()
    {
        var pm = FromNotes("10:00 Alert fired\n10:10 Paged on-call\n10:20 Resolved", "analysis:\n  silenceThresholdMinutes: 5");
        Assert.Equal(2, pm.Silences.Count);
    }

    public static TheoryData<string, string?> Severities => new()
    {
        { "impact:\n  securityBreach: true", "SEV-1" },
        { "impact:\n  dataLoss: true\n  scope: small-subset", "SEV-1" },
        { "impact:\n  scope: all-users\n  effect: outage", "SEV-1" },
        { "impact:\n  usersAffectedPercent: 100\n  effect: outage", "SEV-1" },
        { "impact:\n  scope: all-users\n  effect: degraded", "SEV-2" },
        { "impact:\n  scope: large-subset", "SEV-2" },
        { "impact:\n  usersAffectedPercent: 30\n  effect: outage", "SEV-2" },
        { "impact:\n  scope: small-subset", "SEV-3" },
        { "impact:\n  workaround: true\n  effect: degraded", "SEV-3" },
        { "impact:\n  usersAffectedPercent: 2\n  effect: degraded", "SEV-3" },
        { "impact:\n  scope: none", "SEV-4" },
        { "impact:\n  effect: cosmetic", "SEV-4" },
        { "impact:\n  scope: all-users", null },
        { "impact:\n  usersAffected: many", null },
    };

    [Theory]
    [MemberData(nameof(Severities))]
    public void Severity_follows_the_seed_scale_from_impact_facts(string impact, string? level)
    {
        var pm = FromNotes("10:00 Alert fired", impact);
        Assert.Equal(level, pm.Severity?.Level);
        if (level is null)
        {
            Assert.Contains(pm.Diagnostics, d => d.Code == "PM0204");
        }
        else
        {
            Assert.Contains("impact.", pm.Severity!.Rationale, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_written_severity_wins_and_a_disagreement_is_noted()
    {
        var pm = FromNotes("10:00 Alert fired", "severity: SEV-3\nimpact:\n  scope: all-users\n  effect: outage");
        Assert.Equal("SEV-3", pm.Severity!.Level);
        Assert.Equal("explicit", pm.Severity.Rule);
        var d = Assert.Single(pm.Diagnostics, d => d.Code == "PM0202");
        Assert.Equal((4, 11), (d.Line, d.Column));
    }

    [Fact]
    public void A_team_scale_from_the_config_file_is_used()
    {
        var (options, diagnostics) = Postmortem.Config.ConfigFile.Read(
            "severityScale:\n  - level: P0\n    label: Emergency\n    definition: Revenue stopped\n    when:\n      - effect: [outage]\n  - level: P2\n    label: Normal\n    when:\n      - scope: [small-subset]\n",
            ".postmortem.yml");
        Assert.Empty(diagnostics);
        var pm = FromNotes("10:00 Alert fired", "impact:\n  effect: outage", options);
        Assert.Equal("P0", pm.Severity!.Level);
        Assert.Equal(".postmortem.yml", pm.Severity.Scale);
    }

    [Fact]
    public void The_retro_check_in_follows_the_team_cadence()
    {
        var pm = FromNotes("10:00 Alert fired", "postmortemDate: 2023-11-27\nteam:\n  retro:\n    cadenceDays: 14\n    anchor: 2023-11-03");
        Assert.Equal(new LocalDate(2023, 12, 1), pm.FollowUp.RetroCheckIn);
        Assert.Equal(new LocalDate(2023, 12, 11), pm.FollowUp.ActionReview);
    }

    [Fact]
    public void Roster_names_become_roles_in_the_actor_column()
    {
        var pm = FromNotes("[10:00] @priya: rolling back now\n10:05 Priya confirmed recovery", "team:\n  roster:\n    - name: Priya\n      role: Senior engineer\n      handles: ['@priya']");
        Assert.All(pm.Timeline, e => Assert.Equal("Senior engineer", e.Actor));
    }

    [Fact]
    public void An_explicit_event_kind_beats_the_lexicon()
    {
        var pm = FromNotes("10:00 Alert fired", "events:\n  - time: '10:30'\n    event: Deploy finished\n    kind: resolution");
        Assert.Equal(EventKind.Resolution, pm.Timeline.Single(e => e.Text == "Deploy finished").Kind);
        Assert.Equal(30, pm.DurationMinutes);
    }

    [Fact]
    public void A_zone_abbreviation_is_shown_with_its_generic_label()
    {
        Assert.Equal("ET", ZoneAbbreviations.DisplayLabel(DateTimeZoneProviders.Tzdb["America/New_York"], Instant.FromUtc(2023, 7, 1, 0, 0)));
        Assert.Equal("CEST", ZoneAbbreviations.DisplayLabel(DateTimeZoneProviders.Tzdb["Europe/Berlin"], Instant.FromUtc(2023, 7, 1, 0, 0)));
        Assert.Equal("UTC", ZoneAbbreviations.DisplayLabel(DateTimeZone.Utc, Instant.FromUtc(2023, 7, 1, 0, 0)));
    }
}
