using Postmortem.Tests.Support;

namespace Postmortem.Tests.Cli;

/// <summary>Every bad option value is the same usage error (PM0301, exit 2) before any command runs — never an exception.</summary>
public sealed class OptionValueTests
{
    private const string Incident = "examples/meridian/incident.yml";
    private const string Notes = "examples/notes/api-latency.md";

    public static TheoryData<string[], string> BadValues() => new()
    {
        { ["agenda", Incident, "--minutes", "abc"], "--minutes 'abc'" },
        { ["agenda", Incident, "--minutes", "7.5"], "--minutes '7.5'" },
        { ["agenda", Incident, "--minutes", "2147483648"], "--minutes '2147483648'" },
        { ["agenda", Incident, "--minutes", "-3"], "--minutes '-3'" },
        { ["agenda", Incident, "--minutes", "6"], "--minutes '6'" },
        { ["agenda", Incident, "--minutes", "601"], "--minutes '601'" },
        { ["draft", Incident, "--config", ""], "--config ''" },
        { ["draft", Incident, "--config", " "], "--config ' '" },
        { ["draft", Incident, "-o", ""], "--output ''" },
        { ["new", "--answers", ""], "--answers ''" },
        { ["timeline", Notes, "--tz", "Mars/Base"], "--tz 'Mars/Base'" },
        { ["timeline", Notes, "--date", "2023-02-30"], "--date '2023-02-30'" },
        { ["timeline", Notes, "--date", "yesterday"], "--date 'yesterday'" },
        { ["timeline", Notes, "--from", "noon"], "--from 'noon'" },
        { ["timeline", Notes, "--to", "2023-11-24T25:00Z"], "--to '2023-11-24T25:00Z'" },
        { ["timeline", Notes, "--from", "2023-11-24"], "--from '2023-11-24'" },
        { ["timeline", Notes, "--from", "2023-11-24T12:00:00Z", "--to", "2023-11-24T11:00:00Z"], "--from '2023-11-24T12:00:00Z' is invalid: expected a start no later than --to" },
        { ["timeline", Notes, "--from", "2023-11-24T12:00:00"], "--from" },
        { ["timeline", Notes, "--tz", "America/New_York", "--from", "2023-11-24T08:00", "--to", "2023-11-24T12:30:00Z"], "expected a start no later than --to" },
        { ["followup", Incident, "--as-of", "2023-13-01"], "--as-of '2023-13-01'" },
        { ["comms", Incident, "--customer", "--zone", "Nowhere/City"], "--zone 'Nowhere/City'" },
        { ["comms", Incident, "--customer", "--internal"], "--customer/--internal 'both'" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_option_value_is_a_usage_error_with_exit_2(string[] args, string expected)
    {
        var run = CliRunner.Run("jit", args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("<command line>: error PM0301: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'postmortem --help' for usage.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void A_window_time_without_an_offset_is_read_in_the_tz_zone()
    {
        // 07:00 in New York is 12:00 UTC: the window 07:00–07:30 local holds no 12:00–12:30 UTC event as UTC would.
        var local = CliRunner.Run("jit", ["timeline", "-", "--date", "2023-11-24", "--tz", "America/New_York", "--from", "2023-11-24T07:00", "--to", "2023-11-24T08:00", "--format", "json", "--export", "tests/Postmortem.Tests/Fixtures/exports/events.csv"],
            "07:14 Deploy went out.");
        var explicitOffset = CliRunner.Run("jit", ["timeline", "-", "--date", "2023-11-24", "--tz", "America/New_York", "--from", "2023-11-24T07:00-05:00", "--to", "2023-11-24T08:00-05:00", "--format", "json", "--export", "tests/Postmortem.Tests/Fixtures/exports/events.csv"],
            "07:14 Deploy went out.");

        Assert.Equal(explicitOffset.ExitCode, local.ExitCode);
        Assert.Equal(explicitOffset.Stdout, local.Stdout);
    }
}
