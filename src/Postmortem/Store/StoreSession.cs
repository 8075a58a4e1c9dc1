using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Postmortem.Store;

/// <summary>An open connection to the index with its schema migrated: the one place that knows the two drivers apart.</summary>
public sealed class StoreSession : IDisposable
{
    private readonly NpgsqlDataSource? dataSource;

    private StoreSession(StoreKind kind, DbConnection connection, NpgsqlDataSource? dataSource)
    {
        Kind = kind;
        Connection = connection;
        this.dataSource = dataSource;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public StoreKind Kind { get; }

    internal DbConnection Connection { get; }

    /// <summary>Opens the store (creating a SQLite file and its folder on first use) and brings its schema to the current version.</summary>
    public static StoreSession Open(StoreLocation location) => OpenAt(location, StoreSchema.Current);

    /// <summary>Opens the store and brings its schema to <paramref name="schemaVersion"/> (tests make a store as an older version wrote it).</summary>
    internal static StoreSession OpenAt(StoreLocation location, int schemaVersion)
    {
        StoreSession session;
        if (location.Kind == StoreKind.Sqlite)
        {
            var folder = Path.GetDirectoryName(location.Target)!;
            if (!Directory.Exists(folder) && Path.GetFileName(folder) == Path.GetDirectoryName(StoreLocation.DefaultFile))
            {
                // The default folder is made here, so it says itself that the index is not part of the record: git ignores it.
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, ".gitignore"), "# The postmortem index (postmortem index): made from the files, never committed.\n*\n");
            }

            Directory.CreateDirectory(folder);
            var builder = new SqliteConnectionStringBuilder { DataSource = location.Target, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 60 };
            var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            session = new StoreSession(StoreKind.Sqlite, connection, null);

            // WAL: readers (stats, actions) never wait for an index run; busy_timeout: two index runs take turns instead of failing.
            // synchronous=NORMAL: in WAL mode a commit no longer waits for an fsync; the store stays consistent, and a power cut
            // can only lose the last runs, which the next run redoes from the files (the index is made from them).
            session.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON;");
        }
        else
        {
            // The slim builder keeps Npgsql free of reflection-based type mapping, so the CLI stays NativeAOT.
            var source = new NpgsqlSlimDataSourceBuilder(location.Target).EnableArrays().Build();
            try
            {
                session = new StoreSession(StoreKind.Postgres, source.OpenConnection(), source);
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }

        try
        {
            StoreSchema.Migrate(session, schemaVersion);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Starts the one transaction a writer holds: SQLite takes its write lock at once, PostgreSQL an advisory lock, so two writers take turns.</summary>
    internal DbTransaction BeginWrite()
    {
        var transaction = Kind == StoreKind.Sqlite
            ? ((SqliteConnection)Connection).BeginTransaction(deferred: false)
            : Connection.BeginTransaction(IsolationLevel.ReadCommitted);
        if (Kind == StoreKind.Postgres)
        {
            Execute("SELECT pg_advisory_xact_lock(7405226)", transaction);
        }

        return transaction;
    }

    /// <summary>
    /// For one read of many scattered rows: SQLite maps the database file (up to 1 GiB) until the result is disposed, so its pages come
    /// from the OS cache without a read call each. Not the default: a mapped page counts in the resident set of the process that
    /// touched it, and <c>stats</c> keeps under 256 MB (issue 10). PostgreSQL: nothing to do.
    /// </summary>
    internal IDisposable MapFileForRead()
    {
        if (Kind != StoreKind.Sqlite)
        {
            return NoMapping.Instance;
        }

        Execute("PRAGMA mmap_size=1073741824");
        return new Mapping(this);
    }

    private sealed class NoMapping : IDisposable
    {
        public static readonly NoMapping Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Mapping(StoreSession session) : IDisposable
    {
        public void Dispose() => session.Execute("PRAGMA mmap_size=0");
    }

    internal DbCommand Command(string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    internal int Execute(string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        Connection.Dispose();
        dataSource?.Dispose();
    }
}
