using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Postmortem.Ingest.Yaml;
using YamlDotNet.RepresentationModel;
using K = Postmortem.Ingest.Yaml.IncidentFileKeys;

namespace Postmortem.Tests.Ingest;

/// <summary>The published JSON Schema agrees with the reader: same keys, same verdicts on files.</summary>
public sealed class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText("schema/incident.schema.json"));
    private static readonly JsonObject SchemaJson = JsonNode.Parse(File.ReadAllText("schema/incident.schema.json"))!.AsObject();

    [Theory]
    [InlineData("examples/meridian/incident.yml")]
    [InlineData("examples/project/engagement.yml")]
    public void The_examples_are_valid_against_the_schema(string path)
    {
        var result = Evaluate(File.ReadAllText(path));
        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }

    [Theory]
    [InlineData("title: A\ntitel: B")]
    [InlineData("title: A\nimpact:\n  scope: everybody")]
    [InlineData("title: A\ngoals:\n  - goal: x")]
    [InlineData("type: project\ntitle: A\nseverity: SEV-1")]
    [InlineData("title: A\nactions:\n  - action: x\n    type: fix")]
    [InlineData("summary: no title")]
    [InlineData("title: A\nevents:\n  - time: '07:14'")]
    public void Files_the_reader_rejects_are_rejected_by_the_schema_too(string yaml)
    {
        Assert.True(IncidentFileReader.Read(yaml, "x.yml").HasErrors);
        Assert.False(Evaluate(yaml).IsValid);
    }

    [Fact]
    public void The_schema_names_exactly_the_keys_the_reader_accepts()
    {
        var props = SchemaJson["properties"]!.AsObject();
        Assert.Equal(K.Common.Concat(K.IncidentOnly).Concat(K.ProjectOnly).Order(), Keys(props).Order());
        Assert.Equal(K.Impact.Order(), Keys(props["impact"]!["properties"]!).Order());
        Assert.Equal(K.Team.Order(), Keys(props["team"]!["properties"]!).Order());
        Assert.Equal(K.RosterEntry.Order(), Keys(props["team"]!["properties"]!["roster"]!["items"]!["properties"]!).Order());
        Assert.Equal(K.Retro.Order(), Keys(props["team"]!["properties"]!["retro"]!["properties"]!).Order());
        Assert.Equal(K.Event.Order(), Keys(props["events"]!["items"]!["properties"]!).Order());
        Assert.Equal(K.Action.Order(), Keys(props["actions"]!["items"]!["properties"]!).Order());
        Assert.Equal(K.Source.Order(), Keys(props["sources"]!["items"]!["oneOf"]![1]!["properties"]!).Order());
        Assert.Equal(K.Columns.Order(), Keys(props["sources"]!["items"]!["oneOf"]![1]!["properties"]!["columns"]!["properties"]!).Order());
        Assert.Equal(K.Window.Order(), Keys(props["window"]!["properties"]!).Order());
        Assert.Equal(K.FactorCategories.Order(), Keys(props["factors"]!["properties"]!).Order());
        Assert.Equal(K.AssessmentPhases.Order(), Keys(props["assessment"]!["properties"]!).Order());
        Assert.Equal(K.Analysis.Order(), Keys(props["analysis"]!["properties"]!).Order());
        Assert.Equal(K.Goal.Order(), Keys(props["goals"]!["items"]!["properties"]!).Order());
        Assert.Equal(K.Milestone.Order(), Keys(props["milestones"]!["items"]!["properties"]!).Order());
        Assert.Equal(K.Delivered.Order(), Keys(props["delivered"]!["properties"]!).Order());
        Assert.Equal(K.Lessons.Order(), Keys(props["lessons"]!["properties"]!).Order());
        Assert.Equal(K.Scopes.Order(), props["impact"]!["properties"]!["scope"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
    }

    private static IEnumerable<string> Keys(JsonNode node) => node.AsObject().Select(p => p.Key);

    private static EvaluationResults Evaluate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = ToJson(stream.Documents[0].RootNode);
        return Schema.Evaluate(JsonSerializer.SerializeToElement(json), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

    // YAML 1.2 core schema for plain scalars: booleans, numbers and null; everything else is a string.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when p.Value is "true" or "false" => JsonValue.Create(p.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when p.Value is null or "" or "~" or "null" => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when double.TryParse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode p => JsonValue.Create(p.Value),
        _ => null,
    };
}
