namespace Pipeline.Storage;

/// <summary>The text index on one machine: a table of (bucket, report), looked up by its primary key.</summary>
public sealed partial class SqliteStore
{
    private volatile bool _textIndexReady;

    public async Task IndexTextAsync(TextIndexEntry entry, CancellationToken cancellationToken = default)
    {
        using var span = Resilience.PipelineTracing.Step("sqlite.index-text");
        await using var c = await OpenWriterAsync(cancellationToken);
        await EnsureTextIndexAsync(c, cancellationToken);
        await using var transaction = c.BeginTransaction();
        await using var command = c.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO text_index (bucket, office, report_id, year) VALUES ($bucket, $office, $id, $year) ON CONFLICT DO NOTHING";
        var bucket = command.Parameters.Add("$bucket", Microsoft.Data.Sqlite.SqliteType.Text);
        command.Parameters.AddWithValue("$office", entry.Office);
        command.Parameters.AddWithValue("$id", entry.ReportId);
        command.Parameters.AddWithValue("$year", entry.Year);
        foreach (var value in entry.Buckets.Distinct(StringComparer.Ordinal))
        {
            bucket.Value = value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TextIndexMatch>> FindByBucketsAsync(IReadOnlyCollection<string> buckets, CancellationToken cancellationToken = default)
    {
        using var span = Resilience.PipelineTracing.Step("sqlite.find-buckets");
        if (buckets.Count == 0)
        {
            return [];
        }

        await using var c = await OpenAsync(cancellationToken);
        await EnsureTextIndexAsync(c, cancellationToken);
        await using var command = c.CreateCommand();
        var names = buckets.Select((b, i) =>
        {
            command.Parameters.AddWithValue($"$b{i}", b);
            return $"$b{i}";
        }).ToList();
        command.CommandText = $"SELECT office, report_id, year, COUNT(*) FROM text_index WHERE bucket IN ({string.Join(", ", names)}) GROUP BY office, report_id, year";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var matches = new List<TextIndexMatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new TextIndexMatch(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return matches;
    }

    // Created on first use, so that stores made before the index existed gain it without a migration step.
    private async Task EnsureTextIndexAsync(Microsoft.Data.Sqlite.SqliteConnection c, CancellationToken cancellationToken)
    {
        if (_textIndexReady)
        {
            return;
        }

        await ExecuteAsync(c, """
            CREATE TABLE IF NOT EXISTS text_index (
              bucket TEXT NOT NULL, office TEXT NOT NULL, report_id TEXT NOT NULL, year INTEGER NOT NULL,
              PRIMARY KEY (bucket, office, report_id)) WITHOUT ROWID;
            """, cancellationToken);
        _textIndexReady = true;
    }
}
