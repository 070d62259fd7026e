namespace Pipeline.Storage;

/// <summary>What the review pages keep beside the reports: decisions (append-only) and the whole office registry.</summary>
public interface IReviewStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a decision; decisions are never changed or removed (the trail is the record).</summary>
    Task AddDecisionAsync(ReviewDecision decision, CancellationToken cancellationToken = default);

    /// <summary>A report's decisions, oldest first.</summary>
    Task<IReadOnlyList<ReviewDecision>> ListDecisionsAsync(string office, string reportId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the review list: filtered, counted, ordered and paged by the store, with the settlements
    /// recorded here joined in as the standing verdict.
    /// </summary>
    Task<ReviewListPage> ListForReviewAsync(ReviewListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every office in the registry (to find the offices under a parent).</summary>
    Task<IReadOnlyList<Office>> ListOfficesAsync(CancellationToken cancellationToken = default);
}
