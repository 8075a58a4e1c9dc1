using Microsoft.Data.Sqlite;

namespace Postmortem.Web.Accounts;

/// <summary>The SQLite file that holds the accounts and API tokens: opened per call, its tables made when missing.</summary>
internal static class AccountDatabase
{
    /// <summary>Opens <paramref name="file"/> and runs <paramref name="schema"/> (CREATE TABLE IF NOT EXISTS …).</summary>
    public static SqliteConnection Open(string file, string schema)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 60 }.ToString());
        connection.Open();
        using var create = Command(connection, schema);
        create.ExecuteNonQuery();
        return connection;
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
