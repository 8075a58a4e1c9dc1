using NetArchTest.Rules;

namespace Postmortem.Tests;

/// <summary>
/// The pipeline runs one way (docs/architecture.md): Model and Diagnostics at the bottom, then Ingest,
/// Analysis, Rendering; Config, the Store and the facade above them; hosts on top. A dependency against the
/// direction is a cycle in the making, and fails here with the types that made it.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Model = "Postmortem.Model";
    private const string Diagnostics = "Postmortem.Diagnostics";
    private const string Ingest = "Postmortem.Ingest";
    private const string Analysis = "Postmortem.Analysis";
    private const string Rendering = "Postmortem.Rendering";
    private const string Editing = "Postmortem.Editing";
    private const string Config = "Postmortem.Config";
    private const string Store = "Postmortem.Store";
    private const string Trackers = "Postmortem.Trackers";

    // The facade's types, in the root namespace (a prefix of every other, so named one by one).
    private static readonly string[] Facade = [typeof(Postmortems).FullName!, typeof(PipelineOptions).FullName!, typeof(TimelineInput).FullName!, typeof(LintedFile).FullName!];

    // Hosts and what only hosts may use.
    private static readonly string[] Hosts = ["Postmortem.Cli", "System.CommandLine", "System.Console", "Microsoft.AspNetCore"];

    private static readonly string[] Layers = [Model, Diagnostics, Ingest, Analysis, Rendering, Editing, Config, Store, Trackers];

    public static TheoryData<string, string[]> Rules => new()
    {
        { Model, [Diagnostics, Ingest, Analysis, Rendering, Editing, Config, Store, Trackers, .. Facade] },
        { Diagnostics, [Model, Ingest, Analysis, Rendering, Editing, Config, Store, Trackers, .. Facade] },
        { Ingest, [Analysis, Rendering, Editing, Config, Store, Trackers, .. Facade] },
        { Analysis, [Rendering, Editing, Config, Store, Trackers, .. Facade] },
        { Rendering, [Editing, Config, Store, Trackers, .. Facade] },
        { Editing, [Analysis, Rendering, Config, Store, Trackers, .. Facade] },
        { Config, [Rendering, Editing, Store, Trackers, .. Facade] },
        { Store, [Trackers, .. Facade] },

        // Trackers use Model, Diagnostics, Ingest (to read a file byte-exactly), Editing and Store: the settings come in as Model.TrackerSettings.
        { Trackers, [Analysis, Rendering, Config, .. Facade] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_stage_does_not_depend_on_the_stages_above_it(string stage, string[] above)
    {
        var result = Types.InAssembly(typeof(Postmortems).Assembly).That().ResideInNamespace(stage).ShouldNot().HaveDependencyOnAny(above).GetResult();

        Assert.True(result.IsSuccessful, $"{stage} depends on {string.Join(" or ", above)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_library_knows_no_host_and_no_console()
    {
        var result = Types.InAssembly(typeof(Postmortems).Assembly).ShouldNot().HaveDependencyOnAny(Hosts).GetResult();

        Assert.True(result.IsSuccessful, $"the library depends on a host: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_library_type_is_in_a_stage_or_the_facade()
    {
        // A new folder outside the stages would escape the rules above.
        var strays = Types.InAssembly(typeof(Postmortems).Assembly).GetTypes()
            .Where(t => t.Namespace?.StartsWith("Postmortem", StringComparison.Ordinal) == true)
            .Select(t => t.FullName!)
            .Where(name => !Layers.Any(l => name.StartsWith(l + ".", StringComparison.Ordinal)) && !Facade.Any(f => name == f || name.StartsWith(f + "+", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(strays);
    }
}
