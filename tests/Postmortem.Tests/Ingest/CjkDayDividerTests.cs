using Postmortem.Ingest.Notes;
using Postmortem.Tests.Analysis;

namespace Postmortem.Tests.Ingest;

/// <summary>
/// A Japanese, Chinese or Korean date alone on its line is a day divider (a Slack copy writes "10月11日（水）" between the days of a
/// channel) or a day heading: the messages and lines below are on that day, and the divider is no part of the message above it
/// (docs/notes-format.md). Sentences of our own.
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

    [Theory]
    [InlineData("2023년 11월 25일 (토)\n- 09:10 결제 장애 발생", "11-25 09:10")]
    [InlineData("11月25日\n- 09:10 支付服务无法访问", "11-25 09:10")]
    public void A_cjk_date_alone_on_a_line_dates_the_lines_below(string notes, string moment) => Assert.Equal([moment], Times(notes));

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
