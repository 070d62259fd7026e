namespace Pipeline.Storage;

/// <summary>
/// What makes failure emails exactly-once: a pending mark per notice (swept until sent), a done mark,
/// and one delivery record per (report, rules version, recipient) claimed under a lease.
/// </summary>
public interface INoticeLedger
{
    /// <summary>Marks the notice pending unless it is done already, and says which it found: new, already pending, or done.</summary>
    Task<NoticeMark> MarkPendingAsync(NoticeKey key, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<bool> IsDoneAsync(NoticeKey key, CancellationToken cancellationToken = default);

    /// <summary>Records the notice as sent to everyone and clears its pending mark.</summary>
    Task CompleteAsync(NoticeKey key, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PendingNotice>> ListPendingAsync(CancellationToken cancellationToken = default);

    Task<DeliveryClaim> ClaimDeliveryAsync(NoticeKey key, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Gives up a lease after a failed send, so the next try need not wait for it to lapse.</summary>
    Task ReleaseDeliveryAsync(NoticeKey key, string recipient, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task MarkDeliveredAsync(NoticeKey key, string recipient, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>What marking a notice pending found.</summary>
public enum NoticeMark
{
    /// <summary>The mark is new: nobody has queued this notice yet.</summary>
    New,

    /// <summary>It was pending already: queued before, or lost in between and left to the sweep.</summary>
    Pending,

    /// <summary>It was sent: nothing more to do.</summary>
    Done,
}
