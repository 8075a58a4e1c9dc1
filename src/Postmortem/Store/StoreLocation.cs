namespace Postmortem.Store;

/// <summary>Where the index lives: a SQLite file, or a PostgreSQL server whose connection string comes from the environment.</summary>
/// <param name="Kind">SQLite or PostgreSQL.</param>
/// <param name="Target">The SQLite file's full path, or the PostgreSQL connection string.</param>
/// <param name="Display">What to show a person: the file, or the environment variable (never the connection string, which may hold a password).</param>
public sealed record StoreLocation(StoreKind Kind, string Target, string Display)
{
    /// <summary>The default SQLite file, relative to the repository root (or the current folder outside a repository).</summary>
    public const string DefaultFile = ".postmortem/index.db";

    /// <summary>The environment variable that holds the PostgreSQL connection string for <c>--store postgres</c>.</summary>
    public const string PostgresVariable = "POSTMORTEM_POSTGRES";

    /// <summary>
    /// Reads a <c>--store</c> / <c>store:</c> value: empty for the default SQLite file, <c>postgres</c> (or
    /// <c>postgres:VARIABLE</c>) for the connection string in that environment variable, <c>sqlite:PATH</c> or a plain
    /// path for a SQLite file (relative to <paramref name="baseDirectory"/>). Null, with the problem, when it cannot be used.
    /// </summary>
    public static (StoreLocation? Location, string? Problem) Parse(string? value, string baseDirectory, Func<string, string?> environment)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return (Sqlite(Path.Combine(baseDirectory, DefaultFile)), null);
        }

        if (text.Equals("postgres", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase))
        {
            var variable = text.Length > "postgres:".Length ? text["postgres:".Length..] : PostgresVariable;
            return environment(variable) is { Length: > 0 } connection
                ? (new StoreLocation(StoreKind.Postgres, connection, $"PostgreSQL (${variable})"), null)
                : (null, $"the store 'postgres' takes its connection string from the environment variable {variable}, which is not set");
        }

        if (text.Contains('=', StringComparison.Ordinal) && text.Contains(';', StringComparison.Ordinal))
        {
            return (null, "a connection string is not taken on the command line or in a file (it may hold a password): set it in " + PostgresVariable + " and pass --store postgres");
        }

        var path = text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? text["sqlite:".Length..] : text;
        return path.Length == 0 ? (null, "'sqlite:' needs a file path") : (Sqlite(Path.GetFullPath(path, baseDirectory)), null);
    }

    /// <summary>The folder the index keys paths by: the git repository that encloses <paramref name="folder"/>, else <paramref name="folder"/> itself.</summary>
    public static string RepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return folder;
    }

    private static StoreLocation Sqlite(string path) => new(StoreKind.Sqlite, Path.GetFullPath(path), path);
}
