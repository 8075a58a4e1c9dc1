[assembly: AssemblyFixture(typeof(Postmortem.Tests.Support.RepoRootFixture))]

namespace Postmortem.Tests.Support;

/// <summary>
/// Makes the repository root the working directory before any test runs. xunit v3's runner sets the working
/// directory to the test assembly's folder after module initializers have run, so <see cref="Repo"/>'s
/// initializer alone is not enough.
/// </summary>
public sealed class RepoRootFixture
{
    public RepoRootFixture() => Repo.UseRootAsWorkingDirectory();
}
