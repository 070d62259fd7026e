namespace Pipeline.CrossReport.Tests;

/// <summary>The text index's contract in SQLite (the same as in Cosmos DB).</summary>
public sealed class SqliteTextIndexTests : IDisposable
{
    private readonly string _folder;
    private readonly Pipeline.Storage.SqliteStore _store;

    public SqliteTextIndexTests() => _store = Reports.TempStore(out _folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public Task Buckets_are_filed_once_read_by_key_and_stop_growing_when_full() => TextIndexContract.HoldsAsync(_store);
}
