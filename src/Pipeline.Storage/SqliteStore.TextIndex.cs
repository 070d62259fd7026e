namespace Pipeline.Storage;

/// <summary>The text index on one machine: a table of (bucket, report), read by its primary key's bucket prefix.</summary>
public sealed partial class SqliteStore
{
    private volatile bool _textIndexReady;

    public async Task IndexTextAsync(TextIndexEntry entry, int capacity, CancellationToken cancellationToken = default)
    {
        using var span = Resilience.PipelineTracing.Step("sqlite.index-text");
        await using var c = await OpenWriterAsync(cancellationToken);
        await EnsureTextIndexAsync(c, cancellationToken);
        await using var transaction = c.BeginTransaction();
        await using var command = c.CreateCommand();
        command.Transaction = transaction;

        // The count reads at most capacity + 1 keys of the bucket's range: a full bucket costs no more than a small one.
        command.CommandText = """
            INSERT INTO text_index (bucket, office, report_id, year)
            SELECT $bucket, $office, $id, $year
            WHERE (SELECT COUNT(*) FROM (SELECT 1 FROM text_index WHERE bucket = $bucket LIMIT $capacity + 1)) <= $capacity
            ON CONFLICT DO NOTHING
            """;
        var bucket = command.Parameters.Add("$bucket", Microsoft.Data.Sqlite.SqliteType.Text);
        command.Parameters.AddWithValue("$office", entry.Office);
        command.Parameters.AddWithValue("$id", entry.ReportId);
        command.Parameters.AddWithValue("$year", entry.Year);
        command.Parameters.AddWithValue("$capacity", capacity);
        foreach (var value in entry.Buckets.Distinct(StringComparer.Ordinal))
        {
            bucket.Value = value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TextBucket>> ReadBucketsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        using var span = Resilience.PipelineTracing.Step("sqlite.read-buckets");
        if (keys.Count == 0)
        {
            return [];
        }

        await using var c = await OpenAsync(cancellationToken);
        await EnsureTextIndexAsync(c, cancellationToken);
        await using var command = c.CreateCommand();
        var names = keys.Distinct(StringComparer.Ordinal).Select((b, i) =>
        {
            command.Parameters.AddWithValue($"$b{i}", b);
            return $"$b{i}";
        }).ToList();
        command.CommandText = $"SELECT bucket, office, report_id, year FROM text_index WHERE bucket IN ({string.Join(", ", names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var buckets = new Dictionary<string, List<TextIndexMember>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (!buckets.TryGetValue(key, out var members))
            {
                buckets[key] = members = [];
            }

            members.Add(new TextIndexMember(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return [.. buckets.Select(b => new TextBucket(b.Key, b.Value))];
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
