using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Accounts;

/// <summary>
/// Local accounts in a table of the SQLite index file, passwords hashed by ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted): the hashing of Identity without its EF Core schema.
/// </summary>
public sealed class UserStore(WebSettings settings, TimeProvider clock)
{
    private static readonly PasswordHasher<WebUser> Hasher = new();

    // Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(new WebUser(string.Empty, string.Empty, string.Empty), RandomNumberGenerator.GetHexString(32));

    /// <summary>The shortest password an account may have.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Why <paramref name="name"/>, <paramref name="password"/> and <paramref name="role"/> cannot make an account, or null.</summary>
    public static string? Problem(string? name, string? password, string? role) =>
        string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@')
            ? "the name must be 1 to 64 letters, digits or . _ - @"
            : password is null || password.Length < MinimumPasswordLength ? $"the password must have at least {MinimumPasswordLength} characters"
            : role is null || !Roles.All.Contains(role) ? $"the role must be one of {string.Join(", ", Roles.All)}"
            : null;

    /// <summary>The accounts, by name.</summary>
    public IReadOnlyList<WebUser> List()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT name, role, created_at FROM web_users ORDER BY name");
        using var reader = command.ExecuteReader();
        var users = new List<WebUser>();
        while (reader.Read())
        {
            users.Add(new WebUser(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return users;
    }

    /// <summary>Creates an account; false when the name is taken. The caller has checked <see cref="Problem"/>.</summary>
    public bool Create(string name, string password, string role)
    {
        using var connection = Open();
        using var command = Command(connection, "INSERT INTO web_users (name, password_hash, role, created_at) VALUES (@name, @hash, @role, @at) ON CONFLICT DO NOTHING",
            ("name", name), ("hash", Hasher.HashPassword(new WebUser(name, role, string.Empty), password)), ("role", role), ("at", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>The account whose name and password these are, or null.</summary>
    public WebUser? SignIn(string name, string password)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT name, role, created_at, password_hash FROM web_users WHERE name = @name", ("name", name));
        using var reader = command.ExecuteReader();
        var user = reader.Read() ? new WebUser(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
        var result = Hasher.VerifyHashedPassword(user ?? new WebUser(name, string.Empty, string.Empty), user is null ? DecoyHash : reader.GetString(3), password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    /// <summary>On first run (no account yet) creates <c>admin</c> with the configured password, or with one made here and logged once.</summary>
    public void EnsureAdmin(string? configuredPassword, ILogger log)
    {
        if (List().Count > 0)
        {
            return;
        }

        var password = configuredPassword ?? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        Create("admin", password, Roles.Admin);
        if (configuredPassword is null)
        {
            log.LogWarning("First run: created the account 'admin' with the password {Password} (shown this once; set {Variable} to choose it instead)", password, WebSettings.AdminPasswordVariable);
        }
        else
        {
            log.LogInformation("First run: created the account 'admin' with the password from {Variable}", WebSettings.AdminPasswordVariable);
        }
    }

    private SqliteConnection Open() =>
        AccountDatabase.Open(settings.UsersFile, "CREATE TABLE IF NOT EXISTS web_users (name TEXT PRIMARY KEY COLLATE NOCASE, password_hash TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL)");

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        AccountDatabase.Command(connection, sql, parameters);
}
