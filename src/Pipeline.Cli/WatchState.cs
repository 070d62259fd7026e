using Microsoft.Data.Sqlite;

namespace Pipeline.Cli;

/// <summary>
/// Which files of the drop folder the watcher has taken in, by path, size and time written, kept in the
/// same SQLite file as the results: a restart neither reads nor emails a file again; a changed file is new.
/// </summary>
public sealed class WatchState(string db)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = db, Pooling = true }.ToString();

    public async Task InitializeAsync()
    {
        await using var c = await OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS watched_files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, written TEXT NOT NULL, office TEXT NOT NULL, report_id TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The report id the file had when last taken in, if it has not changed since.</summary>
    public async Task<string?> SeenAsync(FileInfo file)
    {
        await using var c = await OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT report_id FROM watched_files WHERE path = $path AND size = $size AND written = $written";
        command.Parameters.AddWithValue("$path", file.FullName);
        command.Parameters.AddWithValue("$size", file.Length);
        command.Parameters.AddWithValue("$written", file.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task RememberAsync(FileInfo file, string office, string reportId)
    {
        await using var c = await OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = """
            INSERT INTO watched_files (path, size, written, office, report_id) VALUES ($path, $size, $written, $office, $report)
            ON CONFLICT (path) DO UPDATE SET size = excluded.size, written = excluded.written, report_id = excluded.report_id
            """;
        command.Parameters.AddWithValue("$path", file.FullName);
        command.Parameters.AddWithValue("$size", file.Length);
        command.Parameters.AddWithValue("$written", file.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$office", office);
        command.Parameters.AddWithValue("$report", reportId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
