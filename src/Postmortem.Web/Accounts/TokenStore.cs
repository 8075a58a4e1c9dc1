using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Postmortem.Web.Hosting;

namespace Postmortem.Web.Accounts;

/// <summary>An API token as the admin page lists it: never the token itself, which is shown once when made.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Name">What it is for (the CI job).</param>
/// <param name="Role">viewer or editor (or admin).</param>
/// <param name="CreatedBy">The admin who made it.</param>
/// <param name="CreatedAt">When, UTC.</param>
/// <param name="ExpiresAt">When it stops working, UTC; null: until revoked.</param>
/// <param name="RevokedAt">When it was revoked, UTC; null: not revoked.</param>
public sealed record ApiToken(long Id, string Name, string Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token authenticates at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);
}

/// <summary>
/// API tokens for CI, in a table beside the accounts. A token is 32 random bytes (<c>pmt_</c> and base64url); only its
/// SHA-256 is stored, which is enough for a secret of that strength (a password needs a slow hash because it is guessable;
/// this is not), and lets a request be checked with one indexed lookup.
/// </summary>
public sealed class TokenStore(WebSettings settings, TimeProvider clock)
{
    /// <summary>What every token starts with, so that secret scanners and people recognise one.</summary>
    public const string Prefix = "pmt_";

    private const string Schema =
        "CREATE TABLE IF NOT EXISTS web_tokens (id INTEGER PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, token_sha256 TEXT NOT NULL UNIQUE, created_by TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT)";

    /// <summary>Why <paramref name="name"/> and <paramref name="role"/> cannot make a token, or null.</summary>
    public static string? Problem(string? name, string? role) =>
        string.IsNullOrWhiteSpace(name) || name.Length > 100 ? "the name must be 1 to 100 characters"
        : role is null || !Roles.All.Contains(role) ? $"the role must be one of {string.Join(", ", Roles.All)}"
        : null;

    /// <summary>Makes a token and returns it in clear: the only time it exists outside the caller's hands.</summary>
    public string Create(string name, string role, DateTimeOffset? expiresAt, string createdBy)
    {
        var token = Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        using var connection = Open();
        using var command = AccountDatabase.Command(connection,
            "INSERT INTO web_tokens (name, role, token_sha256, created_by, created_at, expires_at) VALUES (@name, @role, @hash, @by, @at, @expires)",
            ("name", name.Trim()), ("role", role), ("hash", Hash(token)), ("by", createdBy), ("at", Text(clock.GetUtcNow())), ("expires", expiresAt is { } e ? Text(e) : null));
        command.ExecuteNonQuery();
        return token;
    }

    /// <summary>Every token, newest first.</summary>
    public IReadOnlyList<ApiToken> List()
    {
        using var connection = Open();
        using var command = AccountDatabase.Command(connection, "SELECT id, name, role, created_by, created_at, expires_at, revoked_at FROM web_tokens ORDER BY id DESC");
        using var reader = command.ExecuteReader();
        var tokens = new List<ApiToken>();
        while (reader.Read())
        {
            tokens.Add(Row(reader));
        }

        return tokens;
    }

    /// <summary>Revokes token <paramref name="id"/>; false when there is no such token or it was revoked already.</summary>
    public bool Revoke(long id)
    {
        using var connection = Open();
        using var command = AccountDatabase.Command(connection, "UPDATE web_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL", ("at", Text(clock.GetUtcNow())), ("id", id));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>The active token whose clear text this is, or null (unknown, revoked or expired).</summary>
    public ApiToken? Find(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        using var connection = Open();
        using var command = AccountDatabase.Command(connection, "SELECT id, name, role, created_by, created_at, expires_at, revoked_at FROM web_tokens WHERE token_sha256 = @hash", ("hash", Hash(token)));
        using var reader = command.ExecuteReader();
        return reader.Read() && Row(reader) is { } found && found.IsActive(clock.GetUtcNow()) ? found : null;
    }

    /// <summary>The stored form of a token: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private SqliteConnection Open() => AccountDatabase.Open(settings.UsersFile, Schema);

    private static ApiToken Row(SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Parse(r.GetString(4)),
        r.IsDBNull(5) ? null : Parse(r.GetString(5)), r.IsDBNull(6) ? null : Parse(r.GetString(6)));

    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
