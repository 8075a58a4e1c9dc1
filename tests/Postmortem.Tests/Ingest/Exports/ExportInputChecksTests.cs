using System.Text;
using NodaTime;
using Postmortem.Ingest.Exports;
using Postmortem.Ingest.Exports.Json;

namespace Postmortem.Tests.Ingest.Exports;

/// <summary>Export inputs that were read quietly wrong (issue 9): epochs past year 9998, duplicate keys, a first record past 64 KB.</summary>
public sealed class ExportInputChecksTests : IDisposable
{
    // Year 300000 in milliseconds has 16 digits: by its size it would be microseconds of year 2268.
    private const string Year300000Ms = "9405342000000000";
    private const string Year300000S = "9405342000000";

    private readonly string temp = Directory.CreateTempSubdirectory("postmortem-checks-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string, string, int, int> FarEpochs => new()
    {
        { "slack.json", $"[{{\"type\":\"message\",\"ts\":\"{Year300000S}.000100\",\"text\":\"deploy went out\"}}]", 1, 2 },
        { "slack-ms.json", "[{\"type\":\"message\",\"ts\":\"1704103200000\",\"text\":\"deploy went out\"}]", 1, 2 },
        { "datadog-v1.json", $"{{\"event\":{{\"date_happened\":{Year300000S},\"title\":\"cpu\",\"alert_type\":\"error\"}}}}", 1, 10 },
        { "datadog-v2.json", $"{{\"data\":[{{\"type\":\"event\",\"attributes\":{{\"attributes\":{{\"timestamp\":{Year300000Ms},\"title\":\"cpu\"}},\"message\":\"m\"}}}}]}}", 1, 10 },
        { "datadog-webhook.json", $"{{\"event_type\":\"x\",\"title\":\"[Triggered] cpu\",\"date\":\"{Year300000Ms}\"}}", 1, 1 },
        { "opsgenie-webhook.json", $"{{\"action\":\"Create\",\"alert\":{{\"alertId\":\"a\",\"createdAt\":{Year300000Ms},\"message\":\"m\",\"tinyId\":\"1\"}}}}", 1, 1 },
        { "opsgenie-alerts.json", $"{{\"data\":[{{\"tinyId\":\"1\",\"createdAt\":{Year300000Ms},\"message\":\"m\"}}]}}", 1, 10 },
        { "opsgenie-ack.json", $"{{\"data\":[{{\"tinyId\":\"1\",\"createdAt\":\"2024-01-01T10:00:00Z\",\"message\":\"m\",\"report\":{{\"ackTime\":{Year300000Ms}}}}}]}}", 1, 10 },
        { "opsgenie-logs.json", $"{{\"data\":[{{\"log\":\"Alert created\",\"createdAt\":{Year300000Ms}}}]}}", 1, 10 },
        { "events.csv", $"time,event\n1704103200000,deploy\n{Year300000Ms},rollback\n", 3, 1 },
    };

    [Theory]
    [MemberData(nameof(FarEpochs))]
    public void An_epoch_past_year_9998_in_its_unit_is_left_out_with_PM0410_not_read_as_another_year(string name, string content, int line, int column)
    {
        var path = Write(name, content);

        var result = ExportReaderTests.Read(path, new ExportOptions { All = true });

        var far = Assert.Single(result.Diagnostics, d => d.Code == "PM0410");
        Assert.Equal((path, line, column), (far.File, far.Line, far.Column));
        Assert.DoesNotContain(result.Events, e => e.Time > Instant.FromUtc(2100, 1, 1, 0, 0));
    }

    [Theory]
    [InlineData(Year300000Ms, EpochUnit.Milliseconds)]
    [InlineData(Year300000S, EpochUnit.Seconds)]
    [InlineData("9223372036854775807", EpochUnit.Seconds)]
    [InlineData("253370764800", EpochUnit.Seconds)]
    public void An_epoch_in_a_known_unit_past_the_supported_dates_is_out_of_range(string text, EpochUnit unit)
    {
        Assert.False(ExportTime.TryEpoch(Encoding.UTF8.GetBytes(text), unit, out _, out var outOfRange));
        Assert.True(outOfRange);
    }

    [Theory]
    [InlineData("1704103200", EpochUnit.Seconds, "2024-01-01T10:00:00Z")]
    [InlineData("1704103200.5", EpochUnit.Seconds, "2024-01-01T10:00:00.5Z")]
    [InlineData("1704103200000", EpochUnit.Milliseconds, "2024-01-01T10:00:00Z")]
    [InlineData("1704103200000000000", EpochUnit.Nanoseconds, "2024-01-01T10:00:00Z")]
    [InlineData("253370764799", EpochUnit.Seconds, "9998-12-31T23:59:59Z")]
    public void An_epoch_in_a_known_unit_is_read_in_that_unit(string text, EpochUnit unit, string expected)
    {
        Assert.True(ExportTime.TryEpoch(Encoding.UTF8.GetBytes(text), unit, out var t, out _));
        Assert.Equal(ExportReaderTests.At(expected), t.Instant);
    }

    [Fact]
    public void A_key_written_twice_in_one_object_keeps_the_first_value_and_is_named_at_the_second()
    {
        var path = Write("dup.json", "[{\"type\":\"message\",\"ts\":\"1704103200.000100\",\n  \"text\":\"rollback done\",\n  \"text\":\"something else\"}]");

        var result = ExportReaderTests.Read(path, new ExportOptions { All = true });

        var duplicate = Assert.Single(result.Diagnostics, d => d.Code == "PM0411");
        Assert.Equal((3, 3), (duplicate.Line, duplicate.Column));
        Assert.Contains("'text'", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal("rollback done", Assert.Single(result.Events).Text);
    }

    [Fact]
    public void Keys_repeated_in_different_items_of_an_array_are_not_duplicates()
    {
        var path = Write("reactions.json", "[{\"type\":\"message\",\"ts\":\"1704103200.000100\",\"text\":\"rollback done\",\"reactions\":[{\"name\":\"eyes\"},{\"name\":\"pushpin\"}]}]");

        var result = ExportReaderTests.Read(path, new ExportOptions { All = true });

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PM0411");
        Assert.Single(result.Events);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("blocks")]
    public void A_slack_file_whose_first_ts_comes_after_64_KB_is_read(string bulky)
    {
        // Given: the first message's text (or its rich-text blocks) fills the first 70 KB, and its ts follows
        var filler = bulky == "text"
            ? $"\"text\":\"rollback done {new string('x', 70_000)}\""
            : $"\"text\":\"rollback done\",\"blocks\":[{string.Join(",", Enumerable.Repeat("{\"type\":\"rich_text\",\"elements\":[]}", 3_000))}]";
        var path = Write("late-ts.json", $"[{{\"type\":\"message\",\"user\":\"U1\",{filler},\"ts\":\"1704103200.000100\"}}]");
        Assert.True(new FileInfo(path).Length > JsonShape.SniffBytes);

        // When
        var result = ExportReaderTests.Read(path, new ExportOptions { All = true });

        // Then
        Assert.Equal("slack-messages", result.Format);
        Assert.Equal(ExportReaderTests.At("2024-01-01T10:00:00.0001Z"), Assert.Single(result.Events).Time);
    }

    [Fact]
    public void A_slack_export_folder_whose_users_file_is_not_text_is_refused_at_the_byte()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "slack")).FullName;
        File.WriteAllText(Path.Combine(folder, "channels.json"), "[{\"id\":\"C1\",\"name\":\"incident\"}]");
        File.WriteAllBytes(Path.Combine(folder, "users.json"), [.. "[{\"id\":\"U1\",\"real_name\":\"Dana"u8, 0xFF, .. "\"}]"u8]);
        Directory.CreateDirectory(Path.Combine(folder, "incident"));
        File.WriteAllText(Path.Combine(folder, "incident", "2024-01-01.json"), "[{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"1704103200.000100\",\"text\":\"rollback done\"}]");

        var result = ExportReaderTests.Read(folder, new ExportOptions { All = true });

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(("PM0015", Path.Combine(folder, "users.json"), 1, 30), (problem.Code, problem.File, problem.Line, problem.Column));
        Assert.Empty(result.Events);
    }

    [Fact]
    public void A_prefix_that_ends_inside_the_first_record_is_cut_and_one_that_ends_past_it_is_not()
    {
        var json = Encoding.UTF8.GetBytes($"{{\"incidents\":[{{\"incident_number\":1,\"title\":\"a\"}},{{\"title\":\"{new string('x', 1000)}\"}}]}}");

        Assert.True(JsonShape.Sniff(json.AsSpan(0, 30), whole: false)!.Cut);
        Assert.False(JsonShape.Sniff(json.AsSpan(0, 200), whole: false)!.Cut);
        Assert.False(JsonShape.Sniff(json, whole: true)!.Cut);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
