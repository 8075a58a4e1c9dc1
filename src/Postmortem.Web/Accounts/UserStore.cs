using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Accounts;

/// <summary>
/// Local accounts in a table of the SQLite index file, passwords hashed by ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted): the hashing of Identity without its EF Core schema. Each account
/// has a security stamp, as Identity's users do: a new one on every change of password or role, so a session signed in
/// before the change (its cookie carries the old stamp) ends at its next request.
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

    /// <summary>The claim that carries the account's security stamp in a session's cookie.</summary>
    public const string StampClaim = "postmortem:stamp";

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
        using var command = Command(connection, "INSERT INTO web_users (name, password_hash, role, created_at, stamp) VALUES (@name, @hash, @role, @at, @stamp) ON CONFLICT DO NOTHING",
            ("name", name), ("hash", Hash(name, password)), ("role", role), ("at", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("stamp", NewStamp()));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Whether a session of <paramref name="name"/> that carries <paramref name="stamp"/> may go on: the account still
    /// exists and its password and role have not changed since. Changes made through this store count at once; the
    /// answer for an account is kept <see cref="StampCheckInterval"/> otherwise (another server on the same file).
    /// </summary>
    public bool IsCurrent(string name, string stamp)
    {
        var now = clock.GetTimestamp();
        if (!checkedStamps.TryGetValue(name, out var known) || clock.GetElapsedTime(known.At, now) > StampCheckInterval)
        {
            known = (Stamp(name), now);
            checkedStamps[name] = known;
        }

        return known.Stamp is not null && string.Equals(known.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>How long the stamp of an account read from the file is trusted before it is read again.</summary>
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromSeconds(30);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? Stamp, long At)> checkedStamps = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The security stamp of the account <paramref name="name"/>, or null when there is no such account.</summary>
    public string? Stamp(string name)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT stamp FROM web_users WHERE name = @name", ("name", name));
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// Changes the password of <paramref name="name"/> when <paramref name="current"/> is its password now; the account's
    /// other sessions end. Why not, or null when changed.
    /// </summary>
    public string? ChangePassword(string name, string current, string replacement)
    {
        if (replacement.Length < MinimumPasswordLength)
        {
            return $"the new password must have at least {MinimumPasswordLength} characters";
        }

        return SignIn(name, current) is null ? "the current password is not right"
            : SetPassword(name, replacement) ? null : $"there is no account named '{name}'";
    }

    /// <summary>Sets the password of <paramref name="name"/> (an admin's reset; the length is checked by the caller) and ends its sessions; false when there is no such account.</summary>
    public bool SetPassword(string name, string password) =>
        Update("UPDATE web_users SET password_hash = @hash, stamp = @stamp WHERE name = @name", ("hash", Hash(name, password)), ("stamp", NewStamp()), ("name", name)) == 1;

    /// <summary>
    /// Gives <paramref name="name"/> the role <paramref name="role"/> and ends its sessions. Why not (no such account, or
    /// it would leave no admin), or null when done.
    /// </summary>
    public string? SetRole(string name, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return $"the role must be one of {string.Join(", ", Roles.All)}";
        }

        var changed = Update(
            "UPDATE web_users SET role = @role, stamp = @stamp WHERE name = @name AND (@role = 'admin' OR role <> 'admin' OR (SELECT COUNT(*) FROM web_users WHERE role = 'admin') > 1)",
            ("role", role), ("stamp", NewStamp()), ("name", name));
        return changed == 1 ? null : Stamp(name) is null ? $"there is no account named '{name}'" : "the last admin cannot lose the admin role";
    }

    /// <summary>Removes the account <paramref name="name"/> (its sessions end with it). Why not (no such account, or it is the last admin), or null when removed.</summary>
    public string? Remove(string name)
    {
        var removed = Update(
            "DELETE FROM web_users WHERE name = @name AND (role <> 'admin' OR (SELECT COUNT(*) FROM web_users WHERE role = 'admin') > 1)", ("name", name));
        return removed == 1 ? null : Stamp(name) is null ? $"there is no account named '{name}'" : "the last admin cannot be removed";
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

    // An account file made before stamps existed gets the column, and each of its accounts a stamp of its own.
    private SqliteConnection Open() =>
        AccountDatabase.Open(settings.UsersFile, """
            CREATE TABLE IF NOT EXISTS web_users (name TEXT PRIMARY KEY COLLATE NOCASE, password_hash TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL, stamp TEXT);
            """, connection => AccountDatabase.AddColumn(connection, "web_users", "stamp", "TEXT", "UPDATE web_users SET stamp = lower(hex(randomblob(16))) WHERE stamp IS NULL"));

    // Every change is to the account named by the "name" parameter: its remembered stamp is dropped.
    // (After the change: a check that read the old stamp while it was being made is forgotten too.)
    private int Update(string sql, params (string Name, object? Value)[] parameters)
    {
        int changed;
        using (var connection = Open())
        using (var command = Command(connection, sql, parameters))
        {
            changed = command.ExecuteNonQuery();
        }

        checkedStamps.TryRemove((string)parameters.Single(p => p.Name == "name").Value!, out _);
        return changed;
    }

    private static string Hash(string name, string password) => Hasher.HashPassword(new WebUser(name, string.Empty, string.Empty), password);

    private static string NewStamp() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        AccountDatabase.Command(connection, sql, parameters);
}
