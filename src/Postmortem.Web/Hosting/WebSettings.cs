using Postmortem.Store;

namespace Postmortem.Web.Hosting;

/// <summary>What the web host serves: the folder the index keys paths by, the store, the folders indexed at startup, the user file.</summary>
/// <param name="BaseDirectory">The repository root (or the configured <c>Postmortem:Base</c>).</param>
/// <param name="Store">The index.</param>
/// <param name="Roots">The folders indexed at startup, relative to <paramref name="BaseDirectory"/>.</param>
/// <param name="UsersFile">The SQLite file that holds the accounts: the index file itself when the index is SQLite.</param>
/// <param name="SignInPermitsPerMinute">Sign-in attempts allowed per client address per minute.</param>
/// <param name="AdminPassword">The first admin's password, when given; else one is made and printed once.</param>
public sealed record WebSettings(string BaseDirectory, StoreLocation Store, IReadOnlyList<string> Roots, string UsersFile, int SignInPermitsPerMinute, string? AdminPassword)
{
    /// <summary>The environment variable that gives the first admin's password.</summary>
    public const string AdminPasswordVariable = "POSTMORTEM_ADMIN_PASSWORD";

    /// <summary>Reads the settings (<c>Postmortem:Base</c>, <c>:Store</c>, <c>:Index</c>, <c>:SignInPermitsPerMinute</c>, <c>:AdminPassword</c>).</summary>
    /// <exception cref="InvalidOperationException">The store cannot be used: the host does not start.</exception>
    public static WebSettings From(IConfiguration configuration)
    {
        var baseDirectory = Path.GetFullPath(configuration["Postmortem:Base"] ?? StoreLocation.RepositoryRoot(Directory.GetCurrentDirectory()));
        var (store, problem) = StoreLocation.Parse(configuration["Postmortem:Store"] ?? Environment.GetEnvironmentVariable("POSTMORTEM_STORE"), baseDirectory, Environment.GetEnvironmentVariable);
        if (store is null)
        {
            throw new InvalidOperationException("error PM0501: " + problem);
        }

        var roots = (configuration["Postmortem:Index"] ?? "examples").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var users = store.Kind == StoreKind.Sqlite ? store.Target : Path.Combine(baseDirectory, ".postmortem", "web.db");
        var permits = int.TryParse(configuration["Postmortem:SignInPermitsPerMinute"], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5;
        var password = configuration["Postmortem:AdminPassword"] ?? Environment.GetEnvironmentVariable(AdminPasswordVariable);
        return new WebSettings(baseDirectory, store, roots, users, permits, string.IsNullOrEmpty(password) ? null : password);
    }

    /// <summary>Opens the index for one request.</summary>
    public StoreSession Open() => StoreSession.Open(Store);

    /// <summary>The full path of an indexed file's <paramref name="path"/>, or null when it would leave the base folder.</summary>
    public string? FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(BaseDirectory, path));
        return full.StartsWith(BaseDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
