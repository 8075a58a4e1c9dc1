using CsCheck;
using NodaTime;
using Postmortem.Analysis;
using Postmortem.Ingest.Notes;
using Postmortem.Ingest.Yaml;
using Postmortem.Rendering.Json;
using Postmortem.Rendering.Markdown;

namespace Postmortem.Tests.Properties;

/// <summary>Hostile and malformed input never crashes the readers, the analysis or the renderers.</summary>
public sealed class NeverThrowsTests
{
    // Characters that reach deep into the extractor: clocks, ranges, tables, headings, chat, zones.
    private static readonly Gen<string> NotesLike = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["0123456789:.-–~ \n\t|#*[]@<>()apmAPMETUCZSTDGT/+,"], 0, 300],
        Gen.Select(Gen.Int[0, 23], Gen.Int[0, 99], Pick("", " ET", " EST", " CST", "pm", "Z", "-ish", " UTC+2", "–07:51"), Gen.String[0, 40])
            .Select((h, m, z, tail) => $"{h}:{m:00}{z} {tail}"),
        Pick("Three minutes later.", "| Time (UTC) | Event |\n|---|---|\n| 25:99 | x |", "### 2018 February 30 22:52 UTC\n", "[99:99] @: ", "```\n"))
        .Array[1, 6].Select(parts => string.Join('\n', parts));

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void The_notes_extractor_never_throws_on_arbitrary_text()
    {
        NotesLike.Sample(text =>
        {
            var result = NotesExtractor.Extract(text, new NotesOptions { File = "fuzz.md", AnchorDate = new LocalDate(2024, 3, 10), DefaultZone = DateTimeZoneProviders.Tzdb["America/New_York"] });
            Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString()));
        }, iter: 3000);
    }

    [Fact]
    public void The_incident_reader_never_throws_on_arbitrary_text()
    {
        Gen.String.Sample(text => IncidentFileReader.Read(text, "fuzz.yml"), iter: 2000);
    }

    [Fact]
    public void The_whole_pipeline_never_throws_on_a_damaged_example()
    {
        var original = File.ReadAllText("examples/meridian/incident.yml");
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[1, 40], Gen.String[0, 8]).Sample((at, length, insert) =>
        {
            var damaged = original.Remove(at, Math.Min(length, original.Length - at)).Insert(at, insert);
            var read = IncidentFileReader.Read(damaged, "damaged.yml");
            if (read.Value is { } document)
            {
                var analyzed = Analyzer.Analyze(document, read.Diagnostics);
                Assert.NotEmpty(IncidentMarkdownRenderer.Render(analyzed));
                Assert.NotEmpty(JsonRenderer.Render(analyzed));
            }
            else
            {
                Assert.Contains(read.Diagnostics, d => d.Severity == Postmortem.Diagnostics.DiagnosticSeverity.Error);
            }
        }, iter: 1500);
    }

    [Fact]
    public void Table_cells_never_break_the_table()
    {
        Gen.String.Sample(text =>
        {
            var cell = MarkdownText.Cell(text);
            Assert.DoesNotContain('\n', cell);
            Assert.DoesNotContain('\r', cell);
            Assert.Equal(text.Count(c => c == '|'), cell.Split("\\|").Length - 1);
        }, iter: 2000);
    }
}
