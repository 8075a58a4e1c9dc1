namespace Postmortem.Tests.Support;

/// <summary>A test class that runs in a fresh temporary folder as the current directory, removed afterwards (use with the CurrentDirectory collection).</summary>
public abstract class InTempFolder : IDisposable
{
    private readonly string before = Directory.GetCurrentDirectory();

    protected InTempFolder(string prefix)
    {
        Folder = Directory.CreateTempSubdirectory(prefix).FullName;
        Directory.SetCurrentDirectory(Folder);
    }

    /// <summary>The temporary folder, the current directory during the test.</summary>
    protected string Folder { get; }

    public void Dispose()
    {
        Directory.SetCurrentDirectory(before);
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
