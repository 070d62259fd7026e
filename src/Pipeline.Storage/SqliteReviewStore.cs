using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Pipeline.Storage;

/// <summary>Decisions in the same SQLite file as the reports (their own table); offices read from the registry's table.</summary>
public sealed class SqliteReviewStore(string path) : IReviewStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await SqliteWriter.OpenAsync(_connectionString, path, cancellationToken);
        await using var command = c.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS decisions (
              id TEXT PRIMARY KEY, office TEXT NOT NULL, report_id TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS decisions_by_report ON decisions (office, report_id);
            CREATE TABLE IF NOT EXISTS offices (code TEXT PRIMARY KEY, doc TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddDecisionAsync(ReviewDecision decision, CancellationToken cancellationToken = default)
    {
        await using var c = await SqliteWriter.OpenAsync(_connectionString, path, cancellationToken);
        await using var command = c.CreateCommand();
        command.CommandText = "INSERT INTO decisions (id, office, report_id, at, doc) VALUES ($id, $office, $report, $at, $doc)";
        command.Parameters.AddWithValue("$id", decision.Id);
        command.Parameters.AddWithValue("$office", decision.Office);
        command.Parameters.AddWithValue("$report", decision.ReportId);
        command.Parameters.AddWithValue("$at", decision.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(decision, StoreJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewDecision>> ListDecisionsAsync(string office, string reportId, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT doc FROM decisions WHERE office = $office AND report_id = $report ORDER BY at, rowid";
        command.Parameters.AddWithValue("$office", office);
        command.Parameters.AddWithValue("$report", reportId);
        return await ReadAsync<ReviewDecision>(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Office>> ListOfficesAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT doc FROM offices ORDER BY code";
        return await ReadAsync<Office>(command, cancellationToken);
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), StoreJson.Options)!);
        }

        return items;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
