using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Thirty-fifth session (s35-open): forms batch 31's train half missed at arrival, fixed as ways people write, each with sentences
/// of our own (none is a case's) and a variant the rule must not misread (docs/accuracy.md, "thirty-fifth session: s35-open").
/// </summary>
public sealed class Judgement35Tests
{
    private static string At(TimelineEvent e) => e.Time.ToString("uuuu-MM-dd HH:mm", null);

    private static string? Day(KeyTimestamp? key) => key?.Time.ToString("MM-dd HH:mm", null);

    private static IReadOnlyList<TimelineEvent> Events(string notes, int year = 2023, int month = 11, int day = 24) =>
        NotesExtractor.Extract(notes, new NotesOptions { File = "notes.md", AnchorDate = new LocalDate(year, month, day), DefaultZone = DateTimeZoneProviders.Tzdb["UTC"] }).Events;

    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    // Customers starting to report, complain or call: a customer report, as "customers reported" is.
    [Theory]
    [InlineData("Customers start reporting a problem with the checkout page.", "customer-report")]
    [InlineData("- 09:40 users began complaining about slow logins on the forum", "customer-report")]
    [InlineData("around then clients started calling the helpdesk about missing invoices", "customer-report")]
    [InlineData("Subscribers started to email support about failed renewals.", "customer-report")]
    public void Customers_starting_to_report_are_a_report(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("We started reporting the error counts to customers every hour.", "customer-report")]
    [InlineData("Users started calling back once the line was restored.", "customer-report")]
    public void Our_reporting_or_customers_calling_back_is_no_report(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    // An investigation widened to a wider team: people beyond the first responders brought in.
    [Theory]
    [InlineData("Investigation widened to the extended team, into the cause and the effects.", "escalation")]
    [InlineData("- 10:02 expanded the incident response to the wider platform team", "escalation")]
    [InlineData("The response was broadened to include the whole SRE group.", "escalation")]
    public void An_investigation_widened_to_a_wider_team_is_an_escalation(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("The outage widened to two more regions.", "escalation")]
    [InlineData("Investigation widened to the database logs and the load balancer.", "escalation")]
    public void Something_else_widened_is_no_escalation(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    // Japanese monitoring messages: a warning tag opening the message, a threshold with its number; a recovery tag is the check back.
    [Theory]
    [InlineData("[警告] 決済API エラー率 35%(閾値 5%)", "alert")]
    [InlineData("監視bot: ディスク使用率 92%(しきい値 90%)", "alert")]
    [InlineData("[回復] 決済API エラー率 0.2%(閾値 5%)", "resolution")]
    [InlineData("[復旧] 在庫同期ジョブ 正常終了", "resolution")]
    public void Japanese_monitoring_tags_and_thresholds(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("閾値を見直して来週から適用します", "alert")]
    [InlineData("「警告」の文言をサイトに載せるか検討中", "alert")]
    public void A_threshold_without_its_number_or_a_warning_word_in_passing_is_no_alert(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    // Japanese: asking a manager to decide is calling someone in.
    [Theory]
    [InlineData("@田中 課長、代替手段をどうするか判断をお願いします", "escalation")]
    [InlineData("部長の判断を仰ぎました", "escalation")]
    [InlineData("切り戻すかどうかご判断ください", "escalation")]
    public void Japanese_asking_for_a_decision_is_an_escalation(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Fact]
    public void Japanese_deciding_later_is_no_escalation() => Assert.NotEqual("escalation", Kind("判断は明日の会議でします"));

    // Closing the issue, the problem or the outage ends it, as closing the incident does; closing a tracker or a report does not.
    [Theory]
    [InlineData("We backfilled the data and closed the issue.", "resolution")]
    [InlineData("closing this issue now, error rates flat for an hour", "resolution")]
    [InlineData("- 16:40 ops closed the outage after the last node rejoined", "resolution")]
    public void Closing_the_issue_is_the_end(string text, string kind) => Assert.Equal(kind, Kind(text));

    [Theory]
    [InlineData("We closed the issue tracker to new reports for the weekend.", "resolution")]
    [InlineData("Closing the problem report is on Monday's list.", "resolution")]
    public void Closing_a_tracker_or_a_report_is_not_the_end(string text, string notKind) => Assert.NotEqual(notKind, Kind(text));

    // A short weekday's name before a clock dates it: the nearest such day to the date in force (Friday 24 November 2023 here).
    [Fact]
    public void A_short_weekday_before_a_clock_dates_it()
    {
        var events = Events("Thurs, 11:40pm: the nightly export stalled\nFri 00:15 export restarted by hand\nSat. 9:05am: all exports caught up");
        Assert.Equal(["2023-11-23 23:40", "2023-11-24 00:15", "2023-11-25 09:05"], events.Select(At));
        Assert.DoesNotContain(events, e => e.Text.StartsWith("Thurs", StringComparison.Ordinal) || e.Text.StartsWith("Sat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_weekday_word_that_is_a_verb_is_no_date()
    {
        // "sat" between words is the verb; the clock keeps the date in force.
        var events = Events("- 10:05 the job sat 20 minutes in the queue\n- the queue sat at 10:40 with 300 jobs");
        Assert.All(events, e => Assert.StartsWith("2023-11-24", At(e), StringComparison.Ordinal));
    }

    // A weekday in brackets after a span that crosses midnight is the end's day: the span starts the day before.
    [Fact]
    public void A_weekday_in_brackets_after_an_overnight_span_is_the_ends_day()
    {
        var events = Events("The database was read-only from 23:30 to 02:10 (Saturday).\nSaturday 25 Nov, 11pm - 3 am (Sunday): storage migration, uploads paused.");
        Assert.Contains(events, e => At(e) == "2023-11-24 23:30" && e.EndTime?.ToString("uuuu-MM-dd HH:mm", null) == "2023-11-25 02:10");
        Assert.Contains(events, e => At(e) == "2023-11-25 23:00" && e.EndTime?.ToString("uuuu-MM-dd HH:mm", null) == "2023-11-26 03:00"
            && !e.Text.Contains("Sunday", StringComparison.Ordinal));
    }

    [Fact]
    public void A_weekday_in_brackets_after_a_span_within_a_day_is_its_day()
    {
        var events = Events("The portal was slow from 10:10 to 11:30 (Saturday).");
        Assert.Equal("2023-11-25 10:10", At(Assert.Single(events)));
    }

    // Chinese 点 clocks.
    [Fact]
    public void Chinese_dian_is_an_hour_with_a_half_of_the_day_or_its_minutes()
    {
        var events = Events("- 晚上9点40分 订单系统无法访问\n- 22点15分 已恢复正常\n- 复盘会上提出了3点改进建议", 2024, 3, 5);
        Assert.Equal(["2024-03-05 21:40", "2024-03-05 22:15"], events.Select(At));
    }

    // An untimed sentence whose date is a bound leaves the day in force; a sentence on the day moves it.
    [Fact]
    public void A_date_after_before_or_after_is_a_bound_not_the_day()
    {
        var bound = Events("Outage on 24 November 2023\n\nAccounts opened before May 31, 2023 keep the old login page.\n\n- 14:05 The login page went down.");
        Assert.Equal("2023-11-24 14:05", At(Assert.Single(bound)));
        var moved = Events("Outage notes\n\nOn May 31, 2023 the login page was migrated.\n\n- 14:05 The login page went down.");
        Assert.Equal("2023-05-31 14:05", At(Assert.Single(moved)));
    }

    // A Japanese chat message that names a later moment as a deadline ("…までに復旧する見込み"): that moment is a forecast of no kind.
    [Fact]
    public void A_japanese_deadline_in_a_chat_message_is_a_forecast()
    {
        var events = AnalysisTests.FromNotes("佐藤 健  22:05\n決済で障害が発生しています。25日8時30分までに復旧する見込みです。\n佐藤 健  22:40\nベンダーから、明日10時頃を目処に修正版を出す予定と連絡あり").Timeline;
        Assert.Contains(events, e => At(e) == "2023-11-24 22:05" && e.Kind == EventKind.Impact);
        Assert.Contains(events, e => At(e) == "2023-11-25 08:30");
        Assert.DoesNotContain(events, e => At(e) == "2023-11-25 08:30" && e.Kind != EventKind.Other);
    }

    // A chat in Japanese with the connector's tags: keys from the kinds above.
    [Fact]
    public void Japanese_chat_keys()
    {
        var pm = AnalysisTests.FromNotes("監視bot  9:12\n[警告] 決済API エラー率 41%(閾値 5%)\n山田 太郎  9:20\n@田中 課長 休日にすみません。切り戻すかどうか判断をお願いします\n監視bot  10:31\n[回復] 決済API エラー率 0.3%(閾値 5%)");
        Assert.Equal(("11-24 09:12", "11-24 09:20", "11-24 10:31"), (Day(pm.Keys.Detection), Day(pm.Keys.Escalation), Day(pm.Keys.Resolution)));
    }
}
