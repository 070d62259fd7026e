using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>
/// The store on one machine: one SQLite file. The same conditional semantics as Cosmos DB: a report is
/// inserted once per (office, id); a replace succeeds only against the version that was read.
/// </summary>
public sealed partial class SqliteStore(string path) : IPipelineStore, ITextIndexStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var c = await OpenWriterAsync(cancellationToken);
        var rulesIndexed = (await QueryTextAsync(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'report_rules'", cancellationToken)).Count == 1;
        await ExecuteAsync(c, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS reports (
              office TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, year INTEGER, verdict TEXT NOT NULL,
              stored_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (office, id));
            CREATE INDEX IF NOT EXISTS reports_by_name ON reports (office, name);
            -- The review list's key columns: it filters, counts and sorts on these without reading the documents.
            CREATE INDEX IF NOT EXISTS reports_listing ON reports (office, year, verdict, stored_at, name, id);
            CREATE TABLE IF NOT EXISTS report_rules (
              office TEXT NOT NULL, report_id TEXT NOT NULL, rule TEXT NOT NULL, PRIMARY KEY (office, report_id, rule));
            CREATE INDEX IF NOT EXISTS report_rules_by_rule ON report_rules (rule, office, report_id);
            CREATE TABLE IF NOT EXISTS attempts (
              id TEXT PRIMARY KEY, office TEXT NOT NULL, report_id TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS attempts_by_report ON attempts (office, report_id);
            CREATE TABLE IF NOT EXISTS offices (code TEXT PRIMARY KEY, doc TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS notices (
              id TEXT PRIMARY KEY, office TEXT NOT NULL, report_id TEXT NOT NULL, rules_version TEXT NOT NULL,
              state TEXT NOT NULL, since TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS deliveries (
              id TEXT PRIMARY KEY, office TEXT NOT NULL, state TEXT NOT NULL, lease_until TEXT NOT NULL, sent_at TEXT);
            """, cancellationToken);
        if (!rulesIndexed)
        {
            await IndexRulesOfAllReportsAsync(c, cancellationToken);
        }
    }

    /// <summary>A database made before <c>report_rules</c> existed: its reports' rules are indexed once.</summary>
    private static async Task IndexRulesOfAllReportsAsync(SqliteConnection c, CancellationToken cancellationToken)
    {
        var reports = await QueryReportsAsync(c, "", cancellationToken);
        await ExecuteAsync(c, "BEGIN IMMEDIATE", cancellationToken);
        foreach (var report in reports)
        {
            await ExecuteAsync(c, IndexRules, cancellationToken, RuleParameters(report));
        }

        await ExecuteAsync(c, "COMMIT", cancellationToken);
    }

    private const string IndexRules = "INSERT OR IGNORE INTO report_rules (office, report_id, rule) SELECT $office, $id, value FROM json_each($rules)";

    private static (string, object?)[] RuleParameters(StoredReport report) =>
        [("$office", report.Office), ("$id", report.Id), ("$rules", JsonSerializer.Serialize(report.ViolatedRules, StoreJson.Options))];

    public async Task<bool> TryAddReportAsync(StoredReport report, CancellationToken cancellationToken = default)
    {
        // Serialised before taking the write turn, which every other writer of the process waits for.
        var parameters = ReportParameters(report);
        var rules = RuleParameters(report);
        await using var c = await OpenWriterAsync(cancellationToken);
        // The report and the notice it owes are one transaction: a crash leaves both or neither, so the sweep
        // always finds the notice of a stored failed report.
        return await InTransactionAsync(c, async () =>
        {
            var inserted = await ExecuteAsync(c, """
                INSERT INTO reports (office, id, name, year, verdict, stored_at, version, doc)
                VALUES ($office, $id, $name, $year, $verdict, $storedAt, 1, $doc) ON CONFLICT DO NOTHING
                """, cancellationToken, parameters);
            if (inserted == 1)
            {
                await ExecuteAsync(c, IndexRules, cancellationToken, rules);
                await MarkOwedAsync(c, report, cancellationToken);
            }

            return inserted == 1;
        }, cancellationToken);
    }

    public async Task<StoredReport?> GetReportAsync(string office, string id, CancellationToken cancellationToken = default)
    {
        using var span = Resilience.PipelineTracing.Step("sqlite.get-report");
        await using var c = await OpenAsync(cancellationToken);
        var rows = await QueryReportsAsync(c, "WHERE office = $office AND id = $id", cancellationToken, ("$office", office), ("$id", id));
        return rows.SingleOrDefault();
    }

    public async Task<ReportTexts?> GetTextsAsync(string office, string id, CancellationToken cancellationToken = default)
    {
        using var span = Resilience.PipelineTracing.Step("sqlite.get-texts");
        await using var c = await OpenAsync(cancellationToken);
        await using var command = c.CreateCommand();
        // SQLite picks the few fields out of the document itself; only they cross into .NET and are parsed.
        command.CommandText = """
            SELECT json_extract(doc, '$.result.agency'), year, json_extract(doc, '$.result.texts'), json_extract(doc, '$.result.copies')
            FROM reports WHERE office = $office AND id = $id
            """;
        AddParameters(command, [("$office", office), ("$id", id)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var texts = reader.IsDBNull(2) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2), StoreJson.Options);
        var copies = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<List<CopiedReport>>(reader.GetString(3), StoreJson.Options);
        return new ReportTexts(office, id, reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), texts ?? [], copies);
    }

    public async Task<bool> TryReplaceReportAsync(StoredReport report, CancellationToken cancellationToken = default)
    {
        var parameters = ReportParameters(report).Append(("$version", (object?)long.Parse(report.ETag ?? "0", CultureInfo.InvariantCulture))).ToArray();
        await using var c = await OpenWriterAsync(cancellationToken);
        return await InTransactionAsync(c, async () =>
        {
            var updated = await ExecuteAsync(c, """
                UPDATE reports SET name = $name, year = $year, verdict = $verdict, doc = $doc, version = version + 1
                WHERE office = $office AND id = $id AND version = $version
                """, cancellationToken, parameters);
            if (updated == 1)
            {
                await ExecuteAsync(c, "DELETE FROM report_rules WHERE office = $office AND report_id = $id", cancellationToken, ("$office", report.Office), ("$id", report.Id));
                await ExecuteAsync(c, IndexRules, cancellationToken, RuleParameters(report));
                await MarkOwedAsync(c, report, cancellationToken);
            }

            return updated == 1;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredReport>> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        using var span = Resilience.PipelineTracing.Step("sqlite.list-reports");
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Office is not null)
        {
            where.Add("office = $office");
            parameters.Add(("$office", query.Office));
        }

        if (query.Year is not null)
        {
            where.Add("year = $year");
            parameters.Add(("$year", query.Year));
        }

        if (query.Verdict is not null)
        {
            where.Add("verdict = $verdict");
            parameters.Add(("$verdict", VerdictName(query.Verdict.Value)));
        }

        await using var c = await OpenAsync(cancellationToken);
        var clause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return await QueryReportsAsync(c, clause + " ORDER BY office, stored_at, id", cancellationToken, [.. parameters]);
    }

    public async Task<IReadOnlyList<ReportKey>> ListKeysAsync(string office, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT id, year, verdict FROM reports WHERE office = $office ORDER BY stored_at, id";
        AddParameters(command, [("$office", office)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ReportKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ReportKey(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), VerdictOf(reader.GetString(2))));
        }

        return keys;
    }

    public async Task<StoredReport?> FindLatestByNameAsync(string office, string name, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        var rows = await QueryReportsAsync(c, "WHERE office = $office AND name = $name ORDER BY stored_at DESC LIMIT 1", cancellationToken, ("$office", office), ("$name", name));
        return rows.SingleOrDefault();
    }

    public async Task AddAttemptAsync(IntakeAttempt attempt, CancellationToken cancellationToken = default)
    {
        var doc = JsonSerializer.Serialize(attempt, StoreJson.Options);
        await using var c = await OpenWriterAsync(cancellationToken);
        await ExecuteAsync(c, "INSERT INTO attempts (id, office, report_id, at, doc) VALUES ($id, $office, $report, $at, $doc) ON CONFLICT DO NOTHING",
            cancellationToken, ("$id", attempt.Id), ("$office", attempt.Office), ("$report", attempt.ReportId), ("$at", Time(attempt.At)), ("$doc", doc));
    }

    public async Task<IReadOnlyList<IntakeAttempt>> ListAttemptsAsync(string office, string reportId, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        var docs = await QueryTextAsync(c, "SELECT doc FROM attempts WHERE office = $office AND report_id = $report ORDER BY at", cancellationToken, ("$office", office), ("$report", reportId));
        return [.. docs.Select(d => JsonSerializer.Deserialize<IntakeAttempt>(d, StoreJson.Options)!)];
    }

    public async Task UpsertOfficeAsync(Office office, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenWriterAsync(cancellationToken);
        await ExecuteAsync(c, "INSERT INTO offices (code, doc) VALUES ($code, $doc) ON CONFLICT (code) DO UPDATE SET doc = excluded.doc",
            cancellationToken, ("$code", office.Code), ("$doc", JsonSerializer.Serialize(office, StoreJson.Options)));
    }

    public async Task<Office?> GetOfficeAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        var docs = await QueryTextAsync(c, "SELECT doc FROM offices WHERE code = $code", cancellationToken, ("$code", code));
        return docs.Count == 0 ? null : JsonSerializer.Deserialize<Office>(docs[0], StoreJson.Options);
    }

    public async Task<NoticeMark> MarkPendingAsync(NoticeKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenWriterAsync(cancellationToken);
        if (await InsertPendingAsync(c, key, now, cancellationToken) == 1)
        {
            return NoticeMark.New;
        }

        var state = await QueryTextAsync(c, "SELECT state FROM notices WHERE id = $id", cancellationToken, ("$id", key.Id));
        return state.Single() == "pending" ? NoticeMark.Pending : NoticeMark.Done;
    }

    /// <summary>The pending mark of the notice the report's document says it owes, if any; a mark already there (or done) is kept.</summary>
    private static async Task MarkOwedAsync(SqliteConnection c, StoredReport report, CancellationToken cancellationToken)
    {
        if (report.Notice is { } owed)
        {
            await InsertPendingAsync(c, owed.Key, owed.Since, cancellationToken);
        }
    }

    private static Task<int> InsertPendingAsync(SqliteConnection c, NoticeKey key, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(c, """
            INSERT INTO notices (id, office, report_id, rules_version, state, since) VALUES ($id, $office, $report, $rules, 'pending', $since)
            ON CONFLICT DO NOTHING
            """, cancellationToken, ("$id", key.Id), ("$office", key.Office), ("$report", key.ReportId), ("$rules", key.RulesVersion), ("$since", Time(now)));

    public async Task<bool> IsDoneAsync(NoticeKey key, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        var state = await QueryTextAsync(c, "SELECT state FROM notices WHERE id = $id", cancellationToken, ("$id", key.Id));
        return state is ["done"];
    }

    public async Task CompleteAsync(NoticeKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenWriterAsync(cancellationToken);
        await ExecuteAsync(c, """
            INSERT INTO notices (id, office, report_id, rules_version, state, since) VALUES ($id, $office, $report, $rules, 'done', $since)
            ON CONFLICT (id) DO UPDATE SET state = 'done'
            """, cancellationToken, ("$id", key.Id), ("$office", key.Office), ("$report", key.ReportId), ("$rules", key.RulesVersion), ("$since", Time(now)));
    }

    public async Task<IReadOnlyList<PendingNotice>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT office, report_id, rules_version, since FROM notices WHERE state = 'pending' ORDER BY since";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingNotice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingNotice(new NoticeKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)), ParseTime(reader.GetString(3))));
        }

        return pending;
    }

    public async Task<DeliveryClaim> ClaimDeliveryAsync(NoticeKey key, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var id = key.DeliveryId(recipient);
        await using var c = await OpenWriterAsync(cancellationToken);
        // One statement, so two workers cannot both take the lease: insert, or take over an expired lease.
        var taken = await ExecuteAsync(c, """
            INSERT INTO deliveries (id, office, state, lease_until) VALUES ($id, $office, 'sending', $until)
            ON CONFLICT (id) DO UPDATE SET lease_until = excluded.lease_until
            WHERE deliveries.state = 'sending' AND deliveries.lease_until < $now
            """, cancellationToken, ("$id", id), ("$office", key.Office), ("$until", Time(now + lease)), ("$now", Time(now)));
        if (taken == 1)
        {
            return DeliveryClaim.Claimed;
        }

        var state = await QueryTextAsync(c, "SELECT state FROM deliveries WHERE id = $id", cancellationToken, ("$id", id));
        return state is ["sent"] ? DeliveryClaim.AlreadySent : DeliveryClaim.Busy;
    }

    public async Task ReleaseDeliveryAsync(NoticeKey key, string recipient, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenWriterAsync(cancellationToken);
        await ExecuteAsync(c, "UPDATE deliveries SET lease_until = $past WHERE id = $id AND state = 'sending'",
            cancellationToken, ("$id", key.DeliveryId(recipient)), ("$past", Time(DateTimeOffset.UnixEpoch)));
    }

    public async Task MarkDeliveredAsync(NoticeKey key, string recipient, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenWriterAsync(cancellationToken);
        await ExecuteAsync(c, """
            INSERT INTO deliveries (id, office, state, lease_until, sent_at) VALUES ($id, $office, 'sent', $now, $now)
            ON CONFLICT (id) DO UPDATE SET state = 'sent', sent_at = $now
            """, cancellationToken, ("$id", key.DeliveryId(recipient)), ("$office", key.Office), ("$now", Time(now)));
    }

    /// <summary>A connection holding this process's write turn on the file (see <see cref="SqliteWriter"/>) until disposed.</summary>
    private Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken) => SqliteWriter.OpenAsync(_connectionString, path, cancellationToken);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs the statements as one transaction. BEGIN IMMEDIATE takes the write lock at once (a deferred transaction
    /// that reads first may find it taken when it comes to write, and SQLite then fails it without waiting); plain SQL
    /// rather than BeginTransaction so the helpers' commands need no transaction object. A report row, its rule rows and
    /// the notice it owes change together.
    /// </summary>
    private static async Task<T> InTransactionAsync<T>(SqliteConnection c, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await ExecuteAsync(c, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            var result = await work();
            await ExecuteAsync(c, "COMMIT", cancellationToken);
            return result;
        }
        catch
        {
            await ExecuteAsync(c, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    private static (string, object?)[] ReportParameters(StoredReport report) =>
    [
        ("$office", report.Office), ("$id", report.Id), ("$name", report.Name), ("$year", report.Result.Year),
        ("$verdict", VerdictName(report.Verdict)), ("$storedAt", Time(report.StoredAt)),
        ("$doc", JsonSerializer.Serialize(report, StoreJson.Options)),
    ];

    /// <summary>A report from a row whose first columns are <c>doc, version</c> (the version is its ETag).</summary>
    internal static StoredReport ReportFrom(SqliteDataReader reader) =>
        JsonSerializer.Deserialize<StoredReport>(reader.GetString(0), StoreJson.Options)! with { ETag = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture) };

    private static async Task<List<StoredReport>> QueryReportsAsync(SqliteConnection c, string clause, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT doc, version FROM reports " + clause;
        AddParameters(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reports = new List<StoredReport>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add(ReportFrom(reader));
        }

        return reports;
    }

    private static async Task<List<string>> QueryTextAsync(SqliteConnection c, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection c, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static void AddParameters(SqliteCommand command, (string, object?)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    internal static string VerdictName(Verdict verdict) => JsonSerializer.Serialize(verdict).Trim('"');

    internal static Verdict VerdictOf(string name) => JsonSerializer.Deserialize<Verdict>($"\"{name}\"");

    // Fixed-width UTC text sorts and compares as time does.
    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
