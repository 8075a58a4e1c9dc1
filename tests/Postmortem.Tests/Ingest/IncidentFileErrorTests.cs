using Postmortem.Diagnostics;
using Postmortem.Ingest.Yaml;

namespace Postmortem.Tests.Ingest;

/// <summary>Bad incident files as a data table: input → the diagnostic code, line and column.</summary>
public sealed class IncidentFileErrorTests
{
    public static TheoryData<string, string, int, int> Cases => new()
    {
        { "title: [unclosed", "PM0002", 1, 17 },
        { "title: a\n  bad: indent: here", "PM0002", 2, 6 },
        { "title: A\ntitel: B", "PM0003", 2, 1 },
        { "title: A\nimpact:\n  scop: all-users", "PM0003", 3, 3 },
        { "title: A\ngoals: []", "PM0003", 2, 1 },
        { "type: project\ntitle: A\nseverity: SEV-1", "PM0003", 3, 1 },
        { "title: A\nimpact: everyone", "PM0004", 2, 9 },
        { "title: A\nwentWell:\n  nested: map", "PM0004", 3, 3 },
        { "title: A\nanalysis:\n  silenceThresholdMinutes: soon", "PM0004", 3, 28 },
        { "title: A\nimpact:\n  dataLoss: maybe", "PM0004", 3, 13 },
        { "title: A\ndate: 2023-02-30", "PM0005", 2, 7 },
        { "title: A\npostmortemDate: 27/11/2023", "PM0005", 2, 17 },
        { "title: A\nactions:\n  - action: x\n    due: tomorrow", "PM0005", 4, 10 },
        { "type: project\ntitle: A\nperiod:\n  start: 2024-05-01\n  end: 2024-04-01", "PM0005", 5, 8 },
        { "title: A\nimpact:\n  scope: everybody", "PM0006", 3, 10 },
        { "title: A\nactions:\n  - action: x\n    type: fix", "PM0006", 4, 11 },
        { "type: postmortem\ntitle: A", "PM0006", 1, 7 },
        { "title: A\nevents:\n  - time: 07:14\n    event: x\n    kind: boom", "PM0006", 5, 11 },
        { "summary: no title", "PM0007", 1, 1 },
        { "title: A\nevents:\n  - time: 07:14", "PM0007", 3, 5 },
        { "title: A\nteam:\n  roster:\n    - name: Sam", "PM0007", 4, 7 },
        { "title: A\ntimeZone: Mars/Olympus", "PM0008", 2, 11 },
        { "title: A\ntitle: B", "PM0002", 2, 1 },
        { "title: A\nevents:\n  - time: soon\n    event: x", "PM0109", 3, 11 },
        { "title: A\nnotes: Deploy at 07:14 UTC.", "PM0103", 2, 18 },
        { "title: A\nnotes: |\n  first line\n  deploy at 07:14 UTC", "PM0103", 4, 13 },
        { "title: A\nwindow:\n  from: 2024-03-12T14:00", "PM0005", 3, 9 },
        { "title: A\nwindow:\n  from: 2024-03-12T14:00Z\n  to: 2024-03-12T13:00Z", "PM0005", 3, 9 },
    };

    [Fact]
    public void A_window_time_without_an_offset_is_read_in_the_files_zone()
    {
        var result = IncidentFileReader.Read("title: A\ntimeZone: America/New_York\nwindow:\n  from: 2024-03-12T10:00\n  to: 2024-03-12T11:00:00-04:00", "w.yml");

        Assert.NotNull(result.Value);
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 3, 12, 14, 0), result.Value.Window!.From);
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 3, 12, 15, 0), result.Value.Window!.To);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_file_is_reported_at_the_offending_line_and_column(string yaml, string code, int line, int column)
    {
        var result = IncidentFileReader.Read(yaml, "bad.yml");

        Assert.Null(result.Value);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line == line && d.Column == column && d.Severity == DiagnosticSeverity.Error && d.File == "bad.yml");
    }

    [Fact]
    public void A_misspelt_key_gets_a_suggestion()
    {
        var d = Assert.Single(IncidentFileReader.Read("title: A\npostmortemDat: 2023-11-27", "x.yml").Diagnostics);
        Assert.Contains("did you mean 'postmortemDate'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        var result = IncidentFileReader.ReadFile("does/not/exist.yml");
        Assert.Equal("PM0001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once()
    {
        var result = IncidentFileReader.Read("title: A\ndate: 2023-13-01\nimpact:\n  scope: lots\nfoo: 1", "x.yml");
        Assert.Equal(["PM0003", "PM0005", "PM0006"], result.Diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public void The_example_files_read_without_diagnostics()
    {
        foreach (var path in new[] { "examples/meridian/incident.yml", "examples/project/engagement.yml" })
        {
            var result = IncidentFileReader.ReadFile(path);
            Assert.NotNull(result.Value);
            Assert.Empty(result.Diagnostics);
        }
    }
}
