using NodaTime;
using Postmortem.Diagnostics;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Ingest;

public sealed class NotesExtractorTests
{
    private static NotesResult Extract(string notes, string zone = "UTC", LocalDate? anchor = null) =>
        NotesExtractor.Extract(notes, new NotesOptions
        {
            File = "notes.md",
            AnchorDate = anchor ?? new LocalDate(2023, 11, 24),
            DefaultZone = DateTimeZoneProviders.Tzdb[zone],
        });

    [Fact]
    public void A_zone_name_of_a_digit_and_a_letter_is_not_a_clock()
    {
        var result = Extract("At 14:00 we moved traffic from 1a to 1c. Errors stopped at 14:20.");
        Assert.Equal(["14:00", "14:20"], result.Events.OrderBy(e => e.Time).Select(e => e.Time.ToString("HH:mm", null)));
        Assert.Empty(TimeScanner.FindAll("the shard went at 1a to 1c"));
        Assert.Equal(new LocalTime(15, 0), Assert.Single(TimeScanner.FindAll("paged at 3p")).Time);
    }

    [Fact]
    public void A_dotted_day_before_a_month_that_is_no_english_word_is_a_date_whatever_follows()
    {
        var result = Extract("On Saturday 17. August the data centre lost power at 10:15.", anchor: new LocalDate(2024, 8, 20));
        var only = Assert.Single(result.Events);
        Assert.Equal("2024-08-17 10:15", only.Time.ToString("uuuu-MM-dd HH:mm", null));
        Assert.Contains("data centre lost power", only.Text, StringComparison.Ordinal);

        var node = Extract("Rebooted node 2. May need a restart later at 10:15.", anchor: new LocalDate(2024, 8, 20));
        Assert.Equal("2024-08-20 10:15", Assert.Single(node.Events).Time.ToString("uuuu-MM-dd HH:mm", null));
    }

    [Fact]
    public void On_the_nth_of_something_other_than_a_month_is_no_date()
    {
        var result = Extract("Failover at 14:10 on the 2nd of the three hosts.", anchor: new LocalDate(2024, 8, 20));
        Assert.Equal("2024-08-20 14:10", Assert.Single(result.Events).Time.ToString("uuuu-MM-dd HH:mm", null));
        var dated = Extract("Failover at 14:10 on the 2nd of August.", anchor: new LocalDate(2024, 8, 20));
        Assert.Equal("2024-08-02 14:10", Assert.Single(dated.Events).Time.ToString("uuuu-MM-dd HH:mm", null));
    }

    [Fact]
    public void The_later_sentences_of_a_line_led_by_its_time_tell_more_of_its_moment()
    {
        // "00:20 We have lost service. Customers … are affected.": the second sentence is the same update, kept as context.
        var result = Extract("00:20 We have lost service on the north link. Customers in two towns are affected.", anchor: new LocalDate(2024, 5, 14));
        var only = Assert.Single(result.Events);
        Assert.Equal("Customers in two towns are affected.", only.Context);
    }

    [Fact]
    public void A_quoted_email_is_read_without_its_quote_marks()
    {
        var result = Extract("On Mar 5, 2021 at 10:09, Dana Kim wrote:\n> Hi,\n>\n> At 05:00 UTC an update took the\n> mirror service down.\n>\n> By 08:11 UTC I had rolled it back.", anchor: new LocalDate(2021, 3, 5));
        Assert.Equal(["05:00", "08:11", "10:09"], result.Events.OrderBy(e => e.Time).Select(e => e.Time.ToString("HH:mm", null)));
        Assert.DoesNotContain(result.Events, e => e.Text.Contains('>', StringComparison.Ordinal));
        Assert.Equal("I had rolled it back", result.Events.Single(e => e.Time.ToString("HH:mm", null) == "08:11").Text);
    }

    [Fact]
    public void A_sentence_ended_inside_its_brackets_ends_there()
    {
        var result = Extract("All the hosts went offline at 22:36 (server time.) The portal came back on its own at 23:50.");
        Assert.DoesNotContain("portal", result.Events[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_label_as_a_bullet_over_its_stamp_leads_the_update_below()
    {
        var result = Extract("- investigating May 11, 2021, 02:35 AM UTC\n  The portal is down right now. We are investigating.\n- resolved May 11, 2021, 03:42 PM UTC\n  This incident is resolved.", anchor: new LocalDate(2021, 5, 11));
        Assert.Equal("Investigating - The portal is down right now", result.Events[0].Text);
    }

    [Theory]
    [InlineData("## Update - 12:30 UTC\nThe problem is resolved. A load balancer setting was wrong.", "Update - The problem is resolved")]
    [InlineData("09:15 UTC – Investigating\n\nWe are looking into reports of timeouts.\n\n09:32 UTC – Identified", "Investigating - We are looking into reports of timeouts")]
    public void A_time_led_status_label_takes_the_paragraph_below_as_its_words(string notes, string text)
    {
        var result = Extract(notes, anchor: new LocalDate(2025, 1, 28));
        Assert.Equal(text, result.Events[0].Text);
    }

    [Theory]
    [InlineData("API access was restored at 18:38 UTC and UI access at 19:37 UTC.", "UI access was restored")]
    [InlineData("The US-East region recovered at 10:02 UTC and EU-West at 10:15 UTC.", "EU-West recovered")]
    [InlineData("Errors began at 08:00 UTC for web users and at 08:20 UTC for mobile users.", "Errors began for mobile users")]
    [InlineData("The alert fired at 10:00 UTC and again at 10:05 UTC.", "The alert fired again")]
    public void A_moment_whose_verb_was_left_out_takes_it_from_the_moment_before(string notes, string second)
    {
        var result = Extract(notes, anchor: new LocalDate(2023, 1, 30));
        Assert.Equal(second, result.Events[1].Text);
    }

    [Fact]
    public void The_seed_notes_become_seven_events_with_the_time_removed_from_the_text()
    {
        var result = Extract(
            "Deploy went out at 07:14 ET. First customer complaint in Zendesk at 07:22. Datadog alert for elevated 5xx rate fired at 07:31. " +
            "On-call paged at 07:33. Senior engineer joined at 07:51 after Slack DM (pager didn't reach her). Rolled back deploy at 08:19. " +
            "Checkout confirmed stable at 08:47.");

        Assert.Equal(
            ["Deploy went out", "First customer complaint in Zendesk", "Datadog alert for elevated 5xx rate fired", "On-call paged",
             "Senior engineer joined after Slack DM (pager didn't reach her)", "Rolled back deploy", "Checkout confirmed stable"],
            result.Events.Select(e => e.Text));
        Assert.Equal(ZoneOrigin.Written, result.Events[0].ZoneOrigin);
        Assert.All(result.Events.Skip(1), e => Assert.Equal(ZoneOrigin.Carried, e.ZoneOrigin));
        Assert.All(result.Events, e => Assert.Equal("America/New_York", e.Zone));
    }

    [Fact]
    public void Provenance_points_at_the_time_expression_on_its_own_line()
    {
        var result = Extract("Intro line without time.\nThe deploy went out\nat 07:14 UTC and nothing happened.");

        var e = Assert.Single(result.Events);
        Assert.Equal(3, e.Provenance.Line);
        Assert.Equal(4, e.Provenance.Column);
        Assert.Equal("notes.md", e.Provenance.File);
        Assert.Contains("The deploy went out at 07:14 UTC", e.Provenance.RawText, StringComparison.Ordinal);
        Assert.Equal("07:14 UTC", e.WrittenTime);
    }

    [Fact]
    public void A_teams_header_with_a_date_heads_its_message()
    {
        var result = Extract("Supervision 12/10 11:00\nALARM link down since 10:50. traffic on the backup link, backup at 100%\nLucas Moreau 12/10 11:04\non it, packet loss on the link", anchor: new LocalDate(2019, 10, 12));

        var last = result.Events.OrderBy(e => e.Time).Last();
        Assert.Equal(Instant.FromUtc(2019, 10, 12, 11, 4), last.Time);
        Assert.Equal("Lucas Moreau", last.Actor);
        Assert.Equal("On it, packet loss on the link", last.Text);
        Assert.Contains(result.Events, e => e.Actor == "Supervision" && e.Text.EndsWith("backup at 100%", StringComparison.Ordinal));

        // The mentioned time tells its own sentence only.
        var mentioned = Assert.Single(result.Events, e => e.Time == Instant.FromUtc(2019, 10, 12, 10, 50));
        Assert.Equal("ALARM link down", mentioned.Text);
    }

    [Fact]
    public void A_status_tag_before_an_update_telling_its_own_times_is_not_the_first_moments_word()
    {
        var result = Extract("3rd June 2021, at 3:02PM\n\n[resolved] At 13:40 on 19th May the mains supply tripped. Power was back at 14:09.", "Europe/London");

        var first = Assert.Single(result.Events, e => e.Time == Instant.FromUtc(2021, 5, 19, 12, 40));
        Assert.DoesNotContain("resolved", first.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(15, first.Provenance.Column); // the column of "13:40" in the line as written
    }

    [Fact]
    public void A_duration_written_the_french_way_is_not_a_time()
    {
        foreach (var notes in new[] { "The rebuild took 2h30.", "Writes were blocked for 1h45 in all.", "We saw 3h15 of downtime.", "It lasted approx. 2h30.", "Alerts were quiet for 24h." })
        {
            var result = Extract(notes);
            Assert.Empty(result.Events);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PM0107");
        }
    }

    [Fact]
    public void Chat_lines_keep_the_speaker_as_actor()
    {
        var e = Assert.Single(Extract("[14:23] @sam: rolling back now").Events);
        Assert.Equal("sam", e.Actor);
        Assert.Equal("Rolling back now", e.Text);
        Assert.Equal("chat", e.Source);
    }

    [Fact]
    public void A_table_row_takes_event_source_actor_and_explicit_kind_from_their_columns()
    {
        var e = Assert.Single(Extract("| Time | Event | Source | Actor | Kind |\n|---|---|---|---|---|\n| 14:05 | Flag \\| off | LaunchDarkly | SRE | mitigation |").Events);
        Assert.Equal("Flag | off", e.Text);
        Assert.Equal("LaunchDarkly", e.Source);
        Assert.Equal("SRE", e.Actor);
        Assert.Equal(EventKind.Mitigation, e.Kind);
        Assert.Equal("explicit", e.KindRule);
    }

    [Fact]
    public void A_heading_time_takes_its_text_from_the_paragraph_below()
    {
        var result = Extract("### 2018 October 21 22:52 UTC\n\nThe network partition began between the two data centers.\n\n### 2018 October 21 22:54 UTC\nMonitoring paged.");
        Assert.Equal(["The network partition began between the two data centers", "Monitoring paged"], result.Events.Select(e => e.Text));
    }

    [Fact]
    public void Code_fences_are_quoted_material_and_yield_no_events()
    {
        Assert.Empty(Extract("```\n14:00 UTC ERROR connection refused\n```").Events);
    }

    [Fact]
    public void A_relative_time_with_nothing_before_it_is_a_diagnostic_not_an_event()
    {
        var result = Extract("Three minutes later, errors spiked.");
        Assert.Empty(result.Events);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("PM0106", d.Code);
        Assert.Equal((1, 1), (d.Line, d.Column));
    }

    [Fact]
    public void A_time_with_no_date_anywhere_is_an_error_with_its_position()
    {
        var result = NotesExtractor.Extract("Deploy at 07:14 UTC.", new NotesOptions { File = "n.md", DefaultZone = DateTimeZone.Utc });
        Assert.Empty(result.Events);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("PM0103", DiagnosticSeverity.Error, 1, 11), (d.Code, d.Severity, d.Line, d.Column));
    }

    [Fact]
    public void A_time_without_a_date_in_a_status_history_is_on_the_day_of_its_first_post()
    {
        var result = NotesExtractor.Extract(
            "Postmortem\nAt approximately 15:00 UTC the certificates expired.\n\nWe will add expiry checks.\nPosted Apr 06, 2022 - 09:00 UTC\n\nResolved\nThis incident has been resolved.\nPosted Apr 05, 2022 - 16:36 UTC\n\nInvestigating\nEverything is down.\nPosted Apr 05, 2022 - 15:25 UTC",
            new NotesOptions { File = "n.md", DefaultZone = DateTimeZone.Utc });
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2022, 4, 5, 15, 0));
        var d = Assert.Single(result.Diagnostics, d => d.Code == "PM0210");
        Assert.Equal((DiagnosticSeverity.Info, 2), (d.Severity, d.Line));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PM0103");
    }

    public static TheoryData<string, string, string, string> Warnings => new()
    {
        { "07:14 CST deploy", "2023-01-10", "America/Chicago", "PM0101" },
        { "07:14 IST deploy", "2023-01-10", "Asia/Kolkata", "PM0101" },
        { "07:14 EDT deploy", "2023-01-10", "UTC", "PM0102" },
        { "07:14 EST deploy", "2023-07-10", "UTC", "PM0211" },
        { "07:14 CET deploy", "2023-07-10", "UTC", "PM0102" },
        { "02:30 restart", "2024-03-10", "America/New_York", "PM0104" },
        { "01:30 restart", "2024-11-03", "America/New_York", "PM0105" },
        { "25:10 restart", "2024-11-03", "UTC", "PM0107" },
        { "13:00PM - every service is back", "2024-11-03", "UTC", "PM0212" },
        { "23:50 deploy\n00:10 errors", "2024-11-03", "UTC", "PM0108" },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Assumptions_are_reported_as_diagnostics(string notes, string anchor, string zone, string code)
    {
        var result = Extract(notes, zone, NodaTime.Text.LocalDatePattern.Iso.Parse(anchor).Value);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line >= 1 && d.Column >= 1);
    }

    [Fact]
    public void An_ambiguous_abbreviation_marks_the_zone_as_assumed()
    {
        var e = Assert.Single(Extract("07:14 CST deploy", "America/Chicago").Events);
        Assert.True(e.ZoneAssumed);
        Assert.Equal(ZoneOrigin.Configured, e.ZoneOrigin);
    }

    [Fact]
    public void Every_abbreviation_in_the_table_is_recognised_by_the_scanner()
    {
        var inPattern = TimeScanner.PatternAbbreviations.ToHashSet();
        Assert.All(ZoneAbbreviations.Known, abbreviation => Assert.Contains(abbreviation, inPattern));
    }

    [Fact]
    public void Structured_times_resolve_with_the_anchor_and_zone()
    {
        var (e, diagnostics) = NotesExtractor.ResolveTime("08:03", new NotesOptions
        {
            File = "i.yml",
            AnchorDate = new LocalDate(2023, 11, 24),
            DefaultZone = DateTimeZoneProviders.Tzdb["America/New_York"],
        }, 4, 11);
        Assert.Empty(diagnostics);
        Assert.Equal(Instant.FromUtc(2023, 11, 24, 13, 3), e!.Time);
        Assert.Null(NotesExtractor.ResolveTime("08:03 and 09:00", new NotesOptions { File = "i", DefaultZone = DateTimeZone.Utc, AnchorDate = new LocalDate(2023, 1, 1) }, 1, 1).Event);
    }
    [Fact]
    public void A_status_update_without_a_status_word_is_every_paragraph_since_the_previous_posted_line()
    {
        var result = Extract(
            "Elevated latency\nIncident Report for Acme\n\nTraffic and latency are fully restored.\n\nThe cause was a capacity cut on the auth cluster.\nPosted Nov 06, 2023 - 12:00 UTC\n\n" +
            "Users are coming back online.\nPosted Nov 06, 2023 - 11:45 UTC");

        var latest = result.Events.Single(e => e.Time == Instant.FromUtc(2023, 11, 6, 12, 0));
        Assert.StartsWith("Traffic and latency are fully restored.", latest.Text, StringComparison.Ordinal);
        Assert.Contains("capacity cut", latest.Text, StringComparison.Ordinal);
        Assert.Equal("Users are coming back online", result.Events.Single(e => e.Time == Instant.FromUtc(2023, 11, 6, 11, 45)).Text);
    }

    [Fact]
    public void The_times_in_the_last_paragraph_of_an_update_before_its_posted_line_are_moments_of_their_own()
    {
        var result = Extract(
            "Delivery delays\nIncident Report for Acme\n\nFrom 10:30 CET until 12:08 CET, deliveries were late.\n\n" +
            "Resolution: a fix went in at 12:08 CET. The backlog was worked off by 12:25 CET.\nPosted Nov 22, 2025 - 12:30 UTC", anchor: new LocalDate(2025, 11, 22));

        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2025, 11, 22, 11, 25) && e.Text.Contains("backlog", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2025, 11, 22, 11, 8) && e.EndTime is null && e.Text.Contains("fix went in", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Time == Instant.FromUtc(2025, 11, 22, 12, 30) && e.Text.StartsWith("From 10:30 CET", StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_on_one_stamp_of_a_newest_first_history_is_that_stamps_only()
    {
        var result = Extract("Service is fully back.\n\nMay 13, 8:31 AM PDT\n\nUsers can't connect.\n\n5:33 PM PDT\n\nUsers report timeouts.\n\n5:02 PM PDT", anchor: new LocalDate(2020, 5, 12));
        Assert.Equal(
            [Instant.FromUtc(2020, 5, 13, 15, 31), Instant.FromUtc(2020, 5, 13, 0, 33), Instant.FromUtc(2020, 5, 13, 0, 2)],
            result.Events.Select(e => e.Time));
    }

    [Fact]
    public void A_stamp_in_several_zones_under_a_section_title_heads_the_text_below_it()
    {
        var result = Extract("Timeline\n\n12:28am PDT / 3:28am EDT / 7:28am GMT / 5:28pm AEST\nWe dropped off most networks.\n\n3:15am PDT / 6:15am EDT / 10:15am GMT\nFull service restored.", anchor: new LocalDate(2018, 8, 1));
        Assert.Equal(
            [(Instant.FromUtc(2018, 8, 1, 7, 28), "We dropped off most networks"), (Instant.FromUtc(2018, 8, 1, 10, 15), "Full service restored")],
            result.Events.Select(e => (e.Time, e.Text)));
    }

    [Fact]
    public void A_date_line_starts_its_day_afresh_after_a_later_time_in_the_summary()
    {
        var result = Extract("On May 23, 2022, at 10:30 UTC, ingestion was delayed.\n\nTimeline (in UTC)\n\nMay 23\n\n10:25 — Responded to alerts on consumer backlogs.\n23:10 — Tuned the backlog job.\n\nMay 24\n\n02:05 — Backlog fully processed.", anchor: new LocalDate(2022, 5, 23));
        Assert.Equal(
            [Instant.FromUtc(2022, 5, 23, 10, 25), Instant.FromUtc(2022, 5, 23, 10, 30), Instant.FromUtc(2022, 5, 23, 23, 10), Instant.FromUtc(2022, 5, 24, 2, 5)],
            result.Events.Select(e => e.Time).Order());
    }

    [Fact]
    public void A_time_on_a_wrapped_line_that_carries_on_a_sentence_belongs_to_that_sentence()
    {
        // Prose wrapped at a fixed width: "about 13:20 UTC." ends the sentence above, it is not a stamp heading the next paragraph.
        var result = Extract("The cache in one region began rejecting uploads at 04:10 UTC after a storage upgrade. The team\nworked on it all morning, and the first users only felt it at\nabout 13:20 UTC.\n\nThe effect was broad: many builds were slow.", anchor: new LocalDate(2024, 3, 2));
        var late = Assert.Single(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 2, 13, 20));
        Assert.Contains("first users only felt it", late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Events, e => e.Text.Contains("effect was broad", StringComparison.Ordinal));

        // A short title without an end mark is not a sentence left open: the stamp below it still heads its paragraph.
        var titled = Extract("Timeline\n13:20 UTC\n\nThe first builds failed.", anchor: new LocalDate(2024, 3, 2));
        Assert.Equal("The first builds failed", Assert.Single(titled.Events).Text);
    }

    [Fact]
    public void A_stamp_under_a_title_heads_the_paragraph_below_even_after_a_paragraph_of_background()
    {
        // A write-up's background paragraph, then a section title and a dated stamp on lines of their own: the stamp leads.
        var result = Extract("Background\nOur search runs on a hosted index that only holds summaries of each item.\n\nWhat happened\nMay 3rd, 2022 4:10PM UTC\nAn engineer cleared the live index by mistake. From then on, invoices could not be found.", anchor: new LocalDate(2022, 5, 3));
        var stamped = Assert.Single(result.Events);
        Assert.Equal(Instant.FromUtc(2022, 5, 3, 16, 10), stamped.Time);
        Assert.StartsWith("An engineer cleared the live index", stamped.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_posted_line_after_a_blank_line_closes_the_update_above_it()
    {
        // Newest first, the postmortem above its own "Posted" line, a blank line between: the postmortem is that post's text,
        // and the next update is only its own paragraph.
        var result = Extract("We found the cause: a switch with a faulty optic. The faulty optic has since been replaced.\n\nPosted Mar 20, 2024 - 15:37 UTC\n\nThe network issue is resolved and the servers are reachable again.\nPosted Mar 04, 2024 - 09:24 UTC", anchor: new LocalDate(2024, 3, 4));
        var later = Assert.Single(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 20, 15, 37));
        Assert.Contains("faulty optic", later.Text, StringComparison.Ordinal);
        var update = Assert.Single(result.Events, e => e.Time == Instant.FromUtc(2024, 3, 4, 9, 24));
        Assert.DoesNotContain("faulty optic", update.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_label_and_its_unbracketed_stamp_head_the_update_below()
    {
        // A status aggregator's numbered history: "2. identified Mar 4, 2024, 09:47 AM UTC", the update indented below it.
        var result = Extract("Update timeline\n\n  1. investigating Mar 4, 2024, 09:30 AM UTC\n\n    Pages load slowly for some users. We are looking into it.\n\n  2. resolved Mar 4, 2024, 10:15 AM UTC\n\n    Pages load normally again.", anchor: new LocalDate(2024, 3, 4));
        Assert.Equal(["Investigating - Pages load slowly for some users", "Resolved - Pages load normally again"], result.Events.Select(e => e.Text));
        Assert.All(result.Events, e => Assert.Equal("Status page", e.Source));
    }

    [Fact]
    public void A_flashback_dates_its_own_sentence_only()
    {
        var result = Extract("On March 5 the wikis went read-only at 15:36 UTC.\n\nTwo days earlier, on March 3, a smaller incident was resolved by 10:24 UTC.\n\nBy 17:09 UTC the wikis were back.", anchor: new LocalDate(2026, 3, 5));
        Assert.Equal(
            [Instant.FromUtc(2026, 3, 5, 15, 36), Instant.FromUtc(2026, 3, 3, 10, 24), Instant.FromUtc(2026, 3, 5, 17, 9)],
            result.Events.Select(e => e.Time));
    }

    [Fact]
    public void A_date_without_a_year_takes_the_year_of_a_full_date_elsewhere_in_the_notes()
    {
        var result = NotesExtractor.Extract(
            "Requests failed from 6.51 pm to 7.01 pm on June 7th.\n\nPosted Jun 07, 2023 - 19:01 UTC",
            new NotesOptions { File = "notes.md", AnchorDate = null, DefaultZone = DateTimeZone.Utc });
        var span = Assert.Single(result.Events, e => e.EndTime is not null);
        Assert.Equal(Instant.FromUtc(2023, 6, 7, 18, 51), span.Time);
        Assert.Equal(Instant.FromUtc(2023, 6, 7, 19, 1), span.EndTime);
    }
    [Fact]
    public void Label_lines_one_under_another_are_each_their_own_moment()
    {
        // "Started: … ⏎ Ended: …": the first label's value is not folded into the second label's sentence.
        var result = Extract("Details\nStarted: 09:10 on Monday, 4th March 2024\nEnded: 11:45 on Monday, 4th March 2024\nMost users saw slow pages.", anchor: new LocalDate(2024, 3, 4));
        Assert.Equal(["Started", "Ended"], result.Events.Select(e => e.Text.TrimEnd(':', ' ')).ToArray());
        Assert.Equal("Most users saw slow pages.", result.Events[1].Context ?? string.Empty);
    }

    [Fact]
    public void A_label_span_whose_end_carries_its_own_later_date_ends_on_that_date()
    {
        var result = Extract("Window: March 3rd (Sunday) 10:15pm to March 4th (Monday) 2:05am", anchor: new LocalDate(2024, 3, 3));
        var only = Assert.Single(result.Events);
        Assert.Equal(Instant.FromUtc(2024, 3, 3, 22, 15), only.Time);
        Assert.Equal(Instant.FromUtc(2024, 3, 4, 2, 5), only.EndTime);
    }

    [Fact]
    public void A_table_of_labels_and_values_reads_the_span_in_a_cell()
    {
        var result = Extract("| Outage date | 12 May 2025 |\n| Length | about 40 minutes (08:10-08:50 UTC) |\n| Owner | payments team |");
        var only = Assert.Single(result.Events);
        Assert.Equal(Instant.FromUtc(2025, 5, 12, 8, 10), only.Time);
        Assert.Equal(Instant.FromUtc(2025, 5, 12, 8, 50), only.EndTime);
    }

    [Fact]
    public void A_tilde_after_a_leading_time_is_not_part_of_the_text()
    {
        var only = Assert.Single(Extract("9:40~ | engineers start checking the switches | |").Events);
        Assert.StartsWith("Engineers start checking", only.Text, StringComparison.Ordinal);
    }
}
