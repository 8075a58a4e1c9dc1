using NodaTime;
using Postmortem.Ingest.Yaml;
using Postmortem.Model;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Cli;

/// <summary>A postmortem's stable id (issue 10, part 1): minted by <c>new</c>, read back, carried into JSON and the index.</summary>
public sealed class PostmortemIdTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("pm-id-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void New_writes_an_id_that_draft_json_carries()
    {
        var answers = Path.Combine(temp, "answers.yml");
        File.WriteAllText(answers, "title: Login failures\ndate: 2024-02-01\ntimeZone: UTC\n");
        var incident = Path.Combine(temp, "incident.yml");

        var run = CliRunner.Run("jit", ["new", "--answers", answers, "-o", incident]);
        var id = IncidentFileReader.ReadFile(incident).Value!.Id;
        var json = CliRunner.Run("jit", ["draft", incident, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("^pm-[0-9]{8}-[0-9a-hjkmnp-tv-z]{8}$", id);
        Assert.StartsWith($"id: {id}\n", File.ReadAllText(incident), StringComparison.Ordinal);
        Assert.Contains($"\"id\": \"{id}\"", json.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ids_minted_the_same_instant_differ()
    {
        var now = Instant.FromUtc(2024, 2, 1, 9, 0);
        var ids = Enumerable.Range(0, 200).Select(_ => PostmortemId.New(now)).ToHashSet();
        Assert.Equal(200, ids.Count);
        Assert.All(ids, id => Assert.True(PostmortemId.IsValid(id)));
    }

    [Theory]
    [InlineData("id: \"has space\"", 1, 5)]
    [InlineData("id: -leading-dash", 1, 5)]
    [InlineData("id: \"ü-not-ascii\"", 1, 5)]
    public void An_id_of_the_wrong_shape_is_named_at_its_place(string line, int expectedLine, int expectedColumn)
    {
        var read = IncidentFileReader.Read(line + "\ntitle: T\n", "x.yml");

        var error = Assert.Single(read.Diagnostics, d => d.Code == "PM0006");
        Assert.Equal((expectedLine, expectedColumn), (error.Line, error.Column));
    }

    [Fact]
    public void A_json_record_without_an_id_leaves_the_field_out()
    {
        var json = CliRunner.Run("jit", ["draft", "examples/meridian/incident.yml", "--format", "json"]);
        Assert.DoesNotContain("\"id\": ", json.Stdout.Split("\"timeline\"")[0], StringComparison.Ordinal);
    }
}
