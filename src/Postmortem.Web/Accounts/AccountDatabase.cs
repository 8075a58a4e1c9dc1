using Microsoft.Data.Sqlite;

namespace Postmortem.Web.Accounts;

/// <summary>The SQLite file that holds the accounts and API tokens: opened per call, its tables made when missing.</summary>
internal static class AccountDatabase
{
    /// <summary>
    /// Opens <paramref name="file"/> and runs <paramref name="schema"/> (CREATE TABLE IF NOT EXISTS …), then
    /// <paramref name="upgrade"/> (columns added since the table was first made).
    /// </summary>
    public static SqliteConnection Open(string file, string schema, Action<SqliteConnection>? upgrade = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 60 }.ToString());
        connection.Open();
        using var create = Command(connection, schema);
        create.ExecuteNonQuery();
        upgrade?.Invoke(connection);
        return connection;
    }

    /// <summary>Adds <paramref name="column"/> to <paramref name="table"/> when it lacks it, and then runs <paramref name="fill"/> once.</summary>
    public static void AddColumn(SqliteConnection connection, string table, string column, string type, string fill)
    {
        using var has = Command(connection, "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column", ("table", table), ("column", column));
        if (Convert.ToInt64(has.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var add = Command(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type}; {fill}");
        add.Transaction = transaction;
        try
        {
            add.ExecuteNonQuery();
            transaction.Commit();
        }
        catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
        {
            // Another request added it between the check and the change.
        }
    }

    /// <summary>A command with named parameters (a null value is SQL NULL).</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
