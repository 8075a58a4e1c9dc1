using System.Runtime.CompilerServices;

namespace Postmortem.Tests.Support;

/// <summary>Locates the repository so tests can use the examples and docs with paths relative to its root.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    // Every test runs with the repository root as the working directory, so that paths in outputs
    // (provenance, diagnostics) are the same relative paths a user would type.
    [ModuleInitializer]
    internal static void UseRootAsWorkingDirectory() => Environment.CurrentDirectory = Root;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Postmortem.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Postmortem.slnx not found above " + AppContext.BaseDirectory);
    }
}
