namespace Postmortem.Ingest;

/// <summary>
/// Where the files an incident file names (<c>notesFiles</c>, <c>sources</c>) may be read from: the incident
/// file's folder tree, the git repository that contains it, and any folder or file the user allowed
/// explicitly (<c>--allow-outside</c>). A CI job that drafts a pull request's incident file must not print
/// <c>/etc/passwd</c> or <c>../secret</c> (docs/format.md, "Paths").
/// </summary>
public sealed class InputScope
{
    private readonly List<string> roots;

    private InputScope(string baseDirectory, List<string> roots, bool anyPath)
    {
        BaseDirectory = baseDirectory;
        this.roots = roots;
        AnyPath = anyPath;
    }

    /// <summary>The folder relative paths are read from (the incident file's).</summary>
    public string BaseDirectory { get; }

    /// <summary>True when every path is allowed.</summary>
    public bool AnyPath { get; }

    /// <summary>The folders (or files) inside which reading is allowed.</summary>
    public IReadOnlyList<string> Roots => roots;

    /// <summary>The scope of <paramref name="incidentFile"/>: its folder tree, its git repository, and <paramref name="allowed"/>.</summary>
    public static InputScope For(string incidentFile, IEnumerable<string>? allowed = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(incidentFile)) ?? Path.GetFullPath(".");
        var list = new List<string> { Real(directory) };
        if (Repository(directory) is { } repository)
        {
            list.Add(Real(repository));
        }

        list.AddRange((allowed ?? []).Select(a => Real(Path.GetFullPath(a))));
        return new InputScope(directory, list, anyPath: false);
    }

    /// <summary>A scope that allows every path, read relative to <paramref name="baseDirectory"/>.</summary>
    public static InputScope Unconfined(string baseDirectory) => new(baseDirectory, [], anyPath: true);

    /// <summary>The full path of <paramref name="path"/> as named in the incident file.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, BaseDirectory);

    /// <summary>True when <paramref name="path"/> (relative to <see cref="BaseDirectory"/>; links followed) may be read.</summary>
    public bool Allows(string path)
    {
        if (AnyPath)
        {
            return true;
        }

        var real = Real(Resolve(path));
        return roots.Exists(root => real == root || real.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>The path with every symbolic link along it resolved (as far as the path exists).</summary>
    private static string Real(string full)
    {
        try
        {
            var parent = Path.GetDirectoryName(full);
            var resolvedParent = parent is null ? null : Real(parent);
            var here = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
            FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                return Real(target.FullName);
            }

            return here;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return full;
        }
    }

    private static string? Repository(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
