using System.Data.Common;

namespace Postmortem.Store;

/// <summary>
/// The index's schema as numbered migrations, the same SQL for SQLite and PostgreSQL (text dates and instants in ISO
/// 8601, which sort as they read). A store made by an older version is brought forward on open, never rebuilt by hand.
/// </summary>
internal static class StoreSchema
{
    /// <summary>Migration n brings the schema from version n to n + 1; append, never edit.</summary>
    internal static readonly string[][] Migrations =
    [
        [
            """
            CREATE TABLE pm_documents (
                path TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                inputs TEXT NOT NULL,
                postmortem_id TEXT,
                kind TEXT,
                title TEXT,
                incident_date TEXT,
                severity TEXT,
                impact_start TEXT,
                detection TEXT,
                escalation TEXT,
                mitigation TEXT,
                resolution TEXT,
                communication TEXT,
                duration_minutes BIGINT,
                errors INTEGER NOT NULL,
                indexed_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE pm_actions (
                path TEXT NOT NULL REFERENCES pm_documents(path) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                action_id TEXT NOT NULL,
                action TEXT NOT NULL,
                type TEXT,
                owner TEXT,
                due TEXT,
                status TEXT NOT NULL,
                state TEXT NOT NULL,
                line INTEGER NOT NULL,
                PRIMARY KEY (path, seq))
            """,
            "CREATE INDEX pm_actions_open_due ON pm_actions (state, due)",
            "CREATE INDEX pm_actions_owner ON pm_actions (owner)",
            """
            CREATE TABLE pm_factors (
                path TEXT NOT NULL REFERENCES pm_documents(path) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                factor_id TEXT NOT NULL,
                category TEXT NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (path, seq))
            """,
            """
            CREATE TABLE pm_diagnostics (
                path TEXT NOT NULL REFERENCES pm_documents(path) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                code TEXT NOT NULL,
                severity TEXT NOT NULL,
                line INTEGER NOT NULL,
                col INTEGER NOT NULL,
                message TEXT NOT NULL,
                PRIMARY KEY (path, seq))
            """,
        ],

        // 2: each file's size and modification time, so a re-index reads only files whose stamp changed (issue 10: a
        // re-index after one change ≥ 100× faster than the full index). Rows of schema 1 get theirs on the next run.
        [
            "ALTER TABLE pm_documents ADD COLUMN file_length BIGINT",
            "ALTER TABLE pm_documents ADD COLUMN file_ticks BIGINT",
        ],

        // 3: an action's note and tracker link (actions set --note, sync), and since when its state is what it is (as
        // the index saw it change: the digest's "done this week"). Every file is read again on the next run (its stored
        // hash is cleared), since the rows of schema 2 do not hold what the files say of the first two.
        [
            "ALTER TABLE pm_actions ADD COLUMN note TEXT",
            "ALTER TABLE pm_actions ADD COLUMN tracker TEXT",
            "ALTER TABLE pm_actions ADD COLUMN state_since TEXT",
            "UPDATE pm_documents SET content_hash = '', file_length = NULL, file_ticks = NULL",
        ],

        // 4: what stats groups by and finds repeats with (issue 10, part 5): the services an incident affected and the
        // team that owns it. Rows of schema 2 lack both, so every file's hash and stamp are cleared: the next run
        // re-reads each file once instead of taking it as unchanged.
        [
            """
            CREATE TABLE pm_services (
                path TEXT NOT NULL REFERENCES pm_documents(path) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                service TEXT NOT NULL,
                PRIMARY KEY (path, seq))
            """,
            "CREATE INDEX pm_services_service ON pm_services (service)",
            "ALTER TABLE pm_documents ADD COLUMN team TEXT",
            "UPDATE pm_documents SET content_hash = '', file_length = NULL, file_ticks = NULL",
        ],

        // 5: sync state (issue 11), one row per action and tracker: the issue that follows it and both sides' state as
        // last synced, so a conflict (both changed since) is seen. Keyed by the action's minted id, which is unique on
        // its own, not by path: a postmortem moved or re-indexed keeps its links. issue_key NULL = a create was started
        // (the journal a rerun reconciles against the tracker's listing before creating again).
        [
            """
            CREATE TABLE pm_sync (
                tracker TEXT NOT NULL,
                action_id TEXT NOT NULL,
                issue_key TEXT,
                issue_url TEXT,
                local_state TEXT NOT NULL,
                remote_state TEXT NOT NULL,
                synced_at TEXT NOT NULL,
                PRIMARY KEY (tracker, action_id))
            """,
        ],

        // 6: the files a run looked at and found not to be postmortems (a notes file, a CI workflow), with their size and
        // modification time: a re-index opens such a file again only when its stamp changed, as it does a postmortem
        // (issue 10: a re-index after one change ≥ 100× faster than the full index; a quarter of a typical folder is
        // notes files named by incident files, and reading each one's head on every run was most of a re-index).
        [
            """
            CREATE TABLE pm_other_files (
                path TEXT PRIMARY KEY,
                file_length BIGINT NOT NULL,
                file_ticks BIGINT NOT NULL)
            """,
        ],

        // 7: the factor groups stats computed, kept under a fingerprint of the method and of every factor text in the
        // order grouped (FactorGroupCache): while the factors are unchanged, stats reads the groups instead of grouping
        // again (issue 10: stats ≥ 20× faster than the files; grouping 100,000 factors takes seconds). Made from the
        // index, like the rest: a missing or stale row only means the next stats groups again.
        [
            """
            CREATE TABLE pm_factor_groupings (
                fingerprint TEXT PRIMARY KEY,
                factors INTEGER NOT NULL,
                clusters TEXT NOT NULL,
                saved BIGINT NOT NULL)
            """,
        ],
    ];

    /// <summary>The schema version this build writes.</summary>
    internal static int Current => Migrations.Length;

    /// <summary>Applies the migrations the store lacks up to <paramref name="target"/>, in one transaction under the writer's lock.</summary>
    internal static void Migrate(StoreSession session, int target)
    {
        session.Execute("CREATE TABLE IF NOT EXISTS pm_schema (version INTEGER NOT NULL)");
        if (Version(session, null) == target)
        {
            return;
        }

        using var transaction = session.BeginWrite();
        var version = Version(session, transaction);
        if (version > target)
        {
            throw new StoreException($"the index was written by a newer version of postmortem (schema {version}; this one knows {Current})");
        }

        for (var n = version; n < target; n++)
        {
            foreach (var statement in Migrations[n])
            {
                session.Execute(statement, transaction);
            }
        }

        session.Execute("DELETE FROM pm_schema", transaction);
        session.Execute("INSERT INTO pm_schema (version) VALUES (@v)", transaction, ("v", target));
        transaction.Commit();
    }

    internal static int Version(StoreSession session, DbTransaction? transaction)
    {
        using var command = session.Command("SELECT MAX(version) FROM pm_schema", transaction);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
