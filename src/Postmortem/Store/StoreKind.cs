namespace Postmortem.Store;

/// <summary>The database behind the index.</summary>
public enum StoreKind
{
    /// <summary>An embedded SQLite file (the default, <c>.postmortem/index.db</c>).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for an organisation's shared index.</summary>
    Postgres,
}
