using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Postmortem.Store;

/// <summary>
/// The writes of one index run's transaction. SQLite (in process): each statement prepared once and reused with new
/// values. PostgreSQL: documents are buffered and sent every <see cref="BatchSize"/> documents as one
/// <c>DELETE … WHERE path = ANY(…)</c> per table and one binary <c>COPY</c> per table, so the server neither parses
/// nor plans a statement per row (issue 10: the index at ≥ 0.7 of read+analyse).
/// </summary>
internal sealed class DocumentWriter(StoreSession session, DbTransaction transaction) : IDisposable
{
    private const int BatchSize = 1000;

    // Children first: SQLite enforces ON DELETE CASCADE only with foreign_keys on, and a store may be opened without it.
    private static readonly string[] DeleteOrder = ["pm_actions", "pm_factors", "pm_diagnostics", "pm_services", "pm_documents"];

    private static readonly Table Documents = new(
        "pm_documents",
        "path content_hash inputs postmortem_id kind title incident_date severity impact_start detection escalation mitigation resolution communication duration_minutes:b errors:i indexed_at file_length:b file_ticks:b team");

    private static readonly Table Actions = new("pm_actions", "path seq:i action_id action type owner due status state line:i note tracker state_since");
    private static readonly Table Factors = new("pm_factors", "path seq:i factor_id category text");
    private static readonly Table Services = new("pm_services", "path seq:i service");
    private static readonly Table Diagnostics = new("pm_diagnostics", "path seq:i code severity line:i col:i message");
    private static readonly Table Others = new("pm_other_files", "path file_length:b file_ticks:b");

    // Parents before children, for COPY (the foreign keys are checked per row).
    private static readonly Table[] InsertOrder = [Documents, Actions, Factors, Diagnostics, Services, Others];

    private readonly Dictionary<string, DbCommand> prepared = [];
    private readonly List<string> deletes = [];
    private readonly List<string> otherDeletes = [];
    private readonly Dictionary<Table, List<object?[]>> inserts = InsertOrder.ToDictionary(t => t, _ => new List<object?[]>());
    private readonly List<(string Path, FileStamp Stamp)> restamps = [];
    private int documents;

    private bool Postgres => session.Kind == StoreKind.Postgres;

    public void Restamp(string path, FileStamp stamp)
    {
        if (Postgres)
        {
            restamps.Add((path, stamp));
            return;
        }

        Run("UPDATE pm_documents SET file_length = @p0, file_ticks = @p1 WHERE path = @p2", [stamp.Length, stamp.Ticks, path]);
    }

    public void Delete(string path)
    {
        if (Postgres)
        {
            deletes.Add(path);
            return;
        }

        foreach (var table in DeleteOrder)
        {
            Run($"DELETE FROM {table} WHERE path = @p0", [path]);
        }
    }

    /// <summary>Remembers that the file at <paramref name="path"/>, with <paramref name="stamp"/>, is not a postmortem (replacing what was remembered of it).</summary>
    public void Other(string path, FileStamp stamp)
    {
        Forget(path);
        Add(Others, [path, stamp.Length, stamp.Ticks]);
    }

    /// <summary>Forgets what was remembered of a file that is not a postmortem (it was deleted, changed, or is one now).</summary>
    public void Forget(string path)
    {
        if (Postgres)
        {
            otherDeletes.Add(path);
            return;
        }

        Run("DELETE FROM pm_other_files WHERE path = @p0", [path]);
    }

    public void Insert(DocumentRows rows, string now)
    {
        Add(Documents, [.. rows.Document, now, rows.Stamp.Length, rows.Stamp.Ticks, rows.Team]);
        rows.Actions.ForEach(row => Add(Actions, row));
        rows.Factors.ForEach(row => Add(Factors, row));
        rows.Diagnostics.ForEach(row => Add(Diagnostics, row));
        rows.Services.ForEach(row => Add(Services, row));
        if (Postgres && ++documents >= BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Sends what is still buffered (PostgreSQL): the deletes, then the inserts, then the new stamps.</summary>
    public void Flush()
    {
        if (!Postgres)
        {
            return;
        }

        var connection = (NpgsqlConnection)session.Connection;
        if (deletes.Count > 0)
        {
            foreach (var table in DeleteOrder)
            {
                using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE path = ANY(@paths)", connection);
                command.Parameters.Add(new NpgsqlParameter<string[]>("paths", [.. deletes]));
                command.ExecuteNonQuery();
            }

            deletes.Clear();
        }

        if (otherDeletes.Count > 0)
        {
            using var command = new NpgsqlCommand("DELETE FROM pm_other_files WHERE path = ANY(@paths)", connection);
            command.Parameters.Add(new NpgsqlParameter<string[]>("paths", [.. otherDeletes]));
            command.ExecuteNonQuery();
            otherDeletes.Clear();
        }

        foreach (var table in InsertOrder)
        {
            var rows = inserts[table];
            if (rows.Count == 0)
            {
                continue;
            }

            using (var importer = connection.BeginBinaryImport(table.Copy))
            {
                foreach (var row in rows)
                {
                    importer.StartRow();
                    for (var i = 0; i < row.Length; i++)
                    {
                        Write(importer, row[i], table.Types[i]);
                    }
                }

                importer.Complete();
            }

            rows.Clear();
        }

        if (restamps.Count > 0)
        {
            using var command = new NpgsqlCommand(
                "UPDATE pm_documents d SET file_length = s.length, file_ticks = s.ticks FROM UNNEST(@paths, @lengths, @ticks) AS s(path, length, ticks) WHERE d.path = s.path",
                connection);
            command.Parameters.Add(new NpgsqlParameter<string[]>("paths", [.. restamps.Select(r => r.Path)]));
            command.Parameters.Add(new NpgsqlParameter<long[]>("lengths", [.. restamps.Select(r => r.Stamp.Length)]));
            command.Parameters.Add(new NpgsqlParameter<long[]>("ticks", [.. restamps.Select(r => r.Stamp.Ticks)]));
            command.ExecuteNonQuery();
            restamps.Clear();
        }

        documents = 0;
    }

    public void Dispose()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }
    }

    private static void Write(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else if (type == NpgsqlDbType.Integer)
        {
            importer.Write(Convert.ToInt32(value, CultureInfo.InvariantCulture), type);
        }
        else if (type == NpgsqlDbType.Bigint)
        {
            importer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), type);
        }
        else
        {
            importer.Write((string)value, type);
        }
    }

    private void Add(Table table, object?[] values)
    {
        if (Postgres)
        {
            inserts[table].Add(values);
            return;
        }

        Run(table.Insert, values);
    }

    private void Run(string sql, object?[] values)
    {
        if (!prepared.TryGetValue(sql, out var reused))
        {
            reused = session.Command(sql, transaction, [.. values.Select((_, i) => ($"p{i}", (object?)null))]);
            reused.Prepare();
            prepared[sql] = reused;
        }

        for (var i = 0; i < values.Length; i++)
        {
            reused.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        reused.ExecuteNonQuery();
    }

    /// <summary>A table's columns in the order of the rows' values; <c>name:i</c> is an INTEGER column, <c>name:b</c> a BIGINT, the rest TEXT.</summary>
    private sealed class Table
    {
        public Table(string name, string columns)
        {
            var parts = columns.Split(' ');
            var names = parts.Select(c => c.Split(':')[0]).ToArray();
            Types = [.. parts.Select(c => c.EndsWith(":i", StringComparison.Ordinal) ? NpgsqlDbType.Integer : c.EndsWith(":b", StringComparison.Ordinal) ? NpgsqlDbType.Bigint : NpgsqlDbType.Text)];
            Insert = $"INSERT INTO {name} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
            Copy = $"COPY {name} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)";
        }

        public NpgsqlDbType[] Types { get; }

        public string Insert { get; }

        public string Copy { get; }
    }
}
