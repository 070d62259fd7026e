using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Pipeline.Storage;

/// <summary>
/// Writes to one SQLite file from this process, one at a time. SQLite allows one writer per file anyway; letting
/// several connections of one process race for that lock makes them wait in SQLite's busy handler (or, without
/// one, in Microsoft.Data.Sqlite's sleep-and-retry loop of 150 ms a turn), which under a load run was most of the
/// pipeline's time. Queued here they wait only for each other's few milliseconds. Other processes on the same file
/// (watch and serve together) still meet at SQLite's lock, and <c>busy_timeout</c> lets SQLite wait for them.
/// </summary>
internal static class SqliteWriter
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Settings each connection needs, set on every open because a pooled connection may be new. WAL lets readers
    /// go on while one writes; synchronous=NORMAL is safe in WAL against a crash of the process (a power cut may
    /// lose the last commits, never corrupt the file); busy_timeout is SQLite's own wait for another process's lock.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    /// <summary>Opens a connection that holds this process's write turn on the file until it is disposed.</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, string path, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        var connection = new WriterConnection(connectionString, gate);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection that gives the write turn back when it is disposed (once, however it is disposed).</summary>
    private sealed class WriterConnection(string connectionString, SemaphoreSlim gate) : SqliteConnection(connectionString)
    {
        private int _released;

        protected override void Dispose(bool disposing)
        {
            try
            {
                base.Dispose(disposing);
            }
            finally
            {
                if (Interlocked.Exchange(ref _released, 1) == 0)
                {
                    gate.Release();
                }
            }
        }
    }
}
