using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Model.Results;

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

        // The verdict a settlement gives, in its own column, so the list joins it in; added to older files once.
        command.CommandText = "SELECT count(*) FROM pragma_table_info('decisions') WHERE name = 'settles'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = $"""
                ALTER TABLE decisions ADD COLUMN settles TEXT;
                UPDATE decisions SET settles = CASE json_extract(doc, '$.action') {SettlesCase} END;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.CommandText = "CREATE INDEX IF NOT EXISTS decisions_settling ON decisions (office, report_id, at) WHERE settles IS NOT NULL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static readonly string SettlesCase = string.Join(" ", new[] { DecisionAction.SettleFailed, DecisionAction.SettlePassed }
        .Select(a => $"WHEN '{JsonSerializer.Serialize(a).Trim('"')}' THEN '{SqliteStore.VerdictName(ReviewOrder.Standing(Verdict.NeedsReview, a))}'"));

    private static string? Settles(DecisionAction action) =>
        action is DecisionAction.SettleFailed or DecisionAction.SettlePassed ? SqliteStore.VerdictName(ReviewOrder.Standing(Verdict.NeedsReview, action)) : null;

    /// <summary>
    /// Filters, counts and pages in SQL: the offices as a JSON array, the rule through <c>report_rules</c>, the
    /// standing verdict from the latest settlement (only a needsReview report can have one that counts).
    /// Sorting is on the key columns (a covering index) and only the page's documents are read.
    /// </summary>
    public async Task<ReviewListPage> ListForReviewAsync(ReviewListQuery query, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Offices is { } offices)
        {
            where.Add("r.office IN (SELECT value FROM json_each($offices))");
            parameters.Add(("$offices", JsonSerializer.Serialize(offices)));
        }

        if (query.Year is { } year)
        {
            where.Add("r.year = $year");
            parameters.Add(("$year", year));
        }

        if (query.Rule is { } rule)
        {
            where.Add("EXISTS (SELECT 1 FROM report_rules x WHERE x.office = r.office AND x.report_id = r.id AND x.rule = $rule)");
            parameters.Add(("$rule", rule));
        }

        var needsReview = SqliteStore.VerdictName(Verdict.NeedsReview);
        var listed = $"""
            WITH listed AS (
              SELECT r.office, r.id, r.name, r.year, r.stored_at,
                CASE WHEN r.verdict = '{needsReview}' THEN COALESCE((SELECT d.settles FROM decisions d
                  WHERE d.office = r.office AND d.report_id = r.id AND d.settles IS NOT NULL ORDER BY d.at DESC, d.rowid DESC LIMIT 1), r.verdict)
                ELSE r.verdict END AS standing
              FROM reports r {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))})
            """;

        await using var c = await OpenAsync(cancellationToken);
        var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => 0);
        await using (var command = c.CreateCommand())
        {
            command.CommandText = listed + " SELECT standing, count(*) FROM listed GROUP BY standing";
            SqliteStore.AddParameters(command, [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[SqliteStore.VerdictOf(reader.GetString(0))] = reader.GetInt32(1);
            }
        }

        var reports = new List<ListedReport>();
        await using (var command = c.CreateCommand())
        {
            var verdictWhere = query.Verdict is { } v ? $"WHERE standing = '{SqliteStore.VerdictName(v)}'" : "";
            // The page is chosen on the key columns alone (a covering index), then its documents are joined in.
            command.CommandText = listed + $"""
                SELECT doc, version, standing FROM (
                  SELECT p.*, r.doc, r.version FROM (SELECT * FROM listed {verdictWhere} ORDER BY {OrderBy(query)} LIMIT $take OFFSET $skip) p
                  JOIN reports r ON r.office = p.office AND r.id = p.id)
                ORDER BY {OrderBy(query)}
                """;
            SqliteStore.AddParameters(command, [.. parameters, ("$take", query.Take), ("$skip", query.Skip)]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                reports.Add(new ListedReport(SqliteStore.ReportFrom(reader), SqliteStore.VerdictOf(reader.GetString(2))));
            }
        }

        return new ReviewListPage(reports, query.Verdict is { } wanted ? counts[wanted] : counts.Values.Sum(), counts);
    }

    /// <summary>The order of <see cref="ReviewOrder"/>, in SQL; ranks are generated from it, not written again.</summary>
    private static string OrderBy(ReviewListQuery query)
    {
        string Rank(Func<Verdict, int> rank) =>
            "CASE standing " + string.Join(" ", Enum.GetValues<Verdict>().Select(v => $"WHEN '{SqliteStore.VerdictName(v)}' THEN {rank(v)}")) + " END";
        var direction = query.Descending ? "DESC" : "ASC";
        return query.Sort switch
        {
            ReviewSort.Queue => $"{Rank(ReviewOrder.QueueRank)}, stored_at DESC, id",
            ReviewSort.Office => $"office {direction}, id",
            ReviewSort.Year => $"COALESCE(year, 0) {direction}, id",
            ReviewSort.Verdict => $"{Rank(v => (int)v)} {direction}, id",
            ReviewSort.Name => $"name {direction}, id",
            _ => $"stored_at {direction}, id",
        };
    }


    public async Task AddDecisionAsync(ReviewDecision decision, CancellationToken cancellationToken = default)
    {
        await using var c = await SqliteWriter.OpenAsync(_connectionString, path, cancellationToken);
        await using var command = c.CreateCommand();
        command.CommandText = "INSERT INTO decisions (id, office, report_id, at, doc, settles) VALUES ($id, $office, $report, $at, $doc, $settles)";
        command.Parameters.AddWithValue("$settles", (object?)Settles(decision.Action) ?? DBNull.Value);
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
