namespace Pipeline.Cli.LoadTest;

/// <summary>
/// A side of the load run that takes reports in through the intake service: the local pipeline (SQLite and the
/// outbox) or the Azure flow against the local services (Cosmos DB, the queue, SMTP).
/// </summary>
public interface ILoadSide : IAsyncDisposable
{
    Task TakeInAsync(LoadInput input, CancellationToken cancellationToken);

    /// <summary>Work that follows a block of intakes on its own (the queued notices sent, as NotifySupervisor does).</summary>
    Task SettleAsync(CancellationToken cancellationToken);

    /// <summary>From the store and the mail actually sent: one record per report, one email per failed or unreadable one.</summary>
    Task<LoadTally> VerifyAsync(IReadOnlyList<LoadInput> inputs, CancellationToken cancellationToken);
}

/// <summary>What a side holds after the run, and every way it differs from one record and one email per failing report.</summary>
public sealed record LoadTally(int Records, int FailedOrUnreadable, int Emails, IReadOnlyDictionary<string, int> Verdicts, IReadOnlyList<string> Problems);
