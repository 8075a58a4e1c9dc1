using Postmortem.Fuzz;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Fuzz;

/// <summary>
/// Every input the fuzzing campaign found a crash with (docs/robustness.md), kept in
/// <c>Fuzz/Regressions/TARGET/</c>, and every seed of every target, run once through the harness's own target code.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Regressions = Repo.PathOf("tests", "Postmortem.Tests", "Fuzz", "Regressions");

    public static TheoryData<string, string> Crashes()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Regressions).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public void A_crash_input_found_by_fuzzing_is_read_without_an_exception(string target, string file)
    {
        var data = File.ReadAllBytes(Path.Combine(Regressions, target, file));

        var thrown = Record.Exception(() => FuzzTargets.Run(target, data));

        Assert.Null(thrown);
    }

    [Fact]
    public void Every_regression_folder_names_a_fuzz_target()
    {
        Assert.All(Directory.GetDirectories(Regressions), d => Assert.Contains(Path.GetFileName(d), FuzzTargets.Seeds.Keys));
    }

    public static TheoryData<string> Targets() => [.. FuzzTargets.Seeds.Keys];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_of_a_target_runs_once_without_an_exception(string target)
    {
        var folder = Directory.CreateTempSubdirectory("postmortem-seeds-").FullName;
        try
        {
            Assert.True(FuzzTargets.WriteSeeds(target, Repo.Root, folder) > 0);
            Assert.All(Directory.GetFiles(folder), f => FuzzTargets.Run(target, File.ReadAllBytes(f)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
