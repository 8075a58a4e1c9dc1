using Postmortem.Analysis.Factors;
using Postmortem.Ingest.Yaml;

namespace Postmortem.Tests.Analysis;

/// <summary>The text side of factor grouping (docs/metrics.md, recurring factors): what a factor is reduced to before it is compared.</summary>
public sealed class FactorTextTests
{
    [Theory]
    [InlineData("The DB connection pool was exhausted", "databas connect pool exhaust")]
    [InlineData("Connection pool exhaustion on the primary database", "connect pool exhaust primary databas")]
    [InlineData("No alerting existed on Redis pool utilization", "alert redis pool utiliz")]
    [InlineData("The cert's expiry wasn't monitored", "certificat expir wasnt monitor")]
    [InlineData("Retries stopped; caching was disabled", "retry stop cach disabl")]
    [InlineData("", "")]
    public void A_factor_is_reduced_to_the_stems_that_say_what_the_cause_was(string text, string stems) =>
        Assert.Equal(stems, string.Join(' ', FactorText.Stems(text)));

    [Fact]
    public void Services_may_be_one_name_or_a_list_and_the_team_is_its_name()
    {
        const string Head = "title: T\ndate: 2024-01-01\n";

        var one = IncidentFileReader.Read(Head + "services: checkout\nteam:\n  name: ' Platform '\n", "a.yml").Value!;
        var list = IncidentFileReader.Read(Head + "services: [checkout, ' search ', checkout, '']\n", "b.yml").Value!;

        Assert.Equal(["checkout"], one.Services);
        Assert.Equal("Platform", one.Team.Name);
        Assert.Equal(["checkout", "search"], list.Services);
        Assert.Null(list.Team.Name);
    }
}
