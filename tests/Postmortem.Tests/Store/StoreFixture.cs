using Npgsql;
using Postmortem.Store;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Store;

/// <summary>
/// A fresh store of either kind for one test: a SQLite file in a temp folder, or a new schema on the PostgreSQL
/// server named by <c>POSTMORTEM_TEST_POSTGRES</c> (skipped without it, required in CI, which starts one).
/// </summary>
internal sealed class StoreFixture : IDisposable
{
    public const string PostgresVariable = "POSTMORTEM_TEST_POSTGRES";

    private readonly string? schema;
    private readonly string? admin;

    public StoreFixture(string kind)
    {
        Folder = Directory.CreateTempSubdirectory("pm-store-").FullName;
        if (kind == "sqlite")
        {
            Location = new StoreLocation(StoreKind.Sqlite, Path.Combine(Folder, ".postmortem", "index.db"), "index.db");
            return;
        }

        admin = TestEnvironment.Required(Environment.GetEnvironmentVariable(PostgresVariable) ?? string.Empty, v => v.Length > 0,
            $"{PostgresVariable} is not set: the PostgreSQL store tests need a server");
        schema = "pm_test_" + Guid.NewGuid().ToString("N");
        Run($"CREATE SCHEMA {schema}");
        Location = new StoreLocation(StoreKind.Postgres, $"{admin};Search Path={schema}", "postgres");
    }

    public static TheoryData<string> Kinds() => ["sqlite", "postgres"];

    /// <summary>The folder the postmortem files are written in (the index's base folder).</summary>
    public string Folder { get; }

    public StoreLocation Location { get; }

    public StoreSession Open() => StoreSession.Open(Location);

    public void Dispose()
    {
        if (schema is not null)
        {
            Run($"DROP SCHEMA {schema} CASCADE");
        }

        Directory.Delete(Folder, recursive: true);
    }

    private void Run(string sql)
    {
        using var source = new NpgsqlSlimDataSourceBuilder(admin!).Build();
        using var connection = source.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
