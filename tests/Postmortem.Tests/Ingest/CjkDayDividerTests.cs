using Postmortem.Ingest.Notes;
using Postmortem.Tests.Analysis;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A Japanese, Chinese or Korean date alone on its line in a chat paste is a day divider (a Slack copy writes "10月11日（水）" between the days of a
/// channel): the messages below are on that day, and the divider is no part of the message above it (docs/notes-format.md).
/// Sentences of our own.
/// </summary>
public sealed class CjkDayDividerTests
{
    private static string[] Times(string notes) => [.. AnalysisTests.FromNotes(notes).Timeline.Select(e => e.Time.ToString("MM-dd HH:mm", null))];

    [Fact]
    public void A_slack_day_divider_moves_the_messages_below_to_its_day()
    {
        var pm = AnalysisTests.FromNotes("11月24日（金）\n佐藤 健  9:05\n決済APIでエラーが増えています\n佐藤 健  19:00\n切り戻しを実施しました\n11月25日（土）\n鈴木 花  8:30\n決済は正常に戻りました");
        Assert.Equal(["11-24 09:05", "11-24 19:00", "11-25 08:30"], [.. pm.Timeline.Select(e => e.Time.ToString("MM-dd HH:mm", null))]);
        Assert.DoesNotContain(pm.Timeline, e => e.Text.Contains("11月25日", StringComparison.Ordinal));
    }

    [Fact]
    public void A_divider_without_a_year_follows_the_day_above_it_over_new_year() =>
        Assert.Equal(["12-31 23:50", "01-01 00:40"], Times("12月31日（日）\n佐藤 健  23:50\n決済APIでエラーが発生\n1月1日（月）\n佐藤 健  0:40\n決済は正常に利用できています"));

    [Fact]
    public void A_message_that_is_only_a_date_is_no_divider()
    {
        var pm = AnalysisTests.FromNotes("山田 花子  19:05\n作業日はいつですか\n佐藤 健  19:06\n11月25日（土）\n佐藤 健  19:10\n障害は継続中です");
        Assert.All(pm.Timeline, e => Assert.StartsWith("11-24 ", e.Time.ToString("MM-dd HH:mm", null), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10月11日（水）", 10, 11)]
    [InlineData("2024년 3월 5일 (화)", 3, 5)]
    [InlineData("## 2024年3月5日", 3, 5)]
    public void A_cjk_date_line_is_read(string line, int month, int day)
    {
        var date = Assert.IsType<WrittenDate>(TimeScanner.CjkDateLine(line));
        Assert.Equal((month, day), date.Date is { } d ? (d.Month, d.Day) : date.MonthDay!.Value);
    }

    [Theory]
    [InlineData("10月11日（水）に障害が発生しました")]
    [InlineData("10月11日 9:05 障害発生")]
    [InlineData("13月40日")]
    [InlineData("October 11")]
    public void A_line_with_more_than_a_cjk_date_is_no_divider(string line) => Assert.Null(TimeScanner.CjkDateLine(line));
}
