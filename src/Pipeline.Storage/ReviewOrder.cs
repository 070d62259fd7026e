using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>
/// The list's order and the standing verdict, for stores that sort in memory (Cosmos DB, after one query per
/// partition). SQLite says the same in SQL (<see cref="SqliteReviewStore"/>); the review-store contract tests
/// hold the two to one order.
/// </summary>
public static class ReviewOrder
{
    /// <summary>The review queue first, then what failed, what could not be read, what passed.</summary>
    public static int QueueRank(Verdict verdict) => verdict switch
    {
        Verdict.NeedsReview => 0,
        Verdict.Failed => 1,
        Verdict.Unreadable => 2,
        _ => 3,
    };

    /// <summary>
    /// A settlement stands while the check asks for review; a re-check that reaches a clear verdict of its
    /// own is not overruled by an older settlement.
    /// </summary>
    public static Verdict Standing(Verdict checkedVerdict, DecisionAction? latestSettlement) =>
        checkedVerdict == Verdict.NeedsReview && latestSettlement is { } settled
            ? settled == DecisionAction.SettleFailed ? Verdict.Failed : Verdict.Passed
            : checkedVerdict;

    public static IOrderedEnumerable<T> Apply<T>(IEnumerable<T> items, ReviewSort sort, bool descending, Func<T, ListedRow> row)
    {
        if (sort == ReviewSort.Queue)
        {
            // Newest first within each part of the queue; the direction does not apply.
            return items.OrderBy(i => QueueRank(row(i).Standing)).ThenByDescending(i => row(i).StoredAt).ThenBy(i => row(i).Id, StringComparer.Ordinal);
        }

        IOrderedEnumerable<T> ordered = sort switch
        {
            ReviewSort.Office => By(items, i => row(i).Office, descending),
            ReviewSort.Year => By(items, i => row(i).Year ?? 0, descending),
            ReviewSort.Verdict => By(items, i => (int)row(i).Standing, descending),
            ReviewSort.Name => By(items, i => row(i).Name, descending),
            _ => By(items, i => row(i).StoredAt, descending),
        };
        return ordered.ThenBy(i => row(i).Id, StringComparer.Ordinal);
    }

    private static IOrderedEnumerable<T> By<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, bool descending) =>
        descending ? items.OrderByDescending(key, Comparer<TKey>.Create((a, b) => Compare(a, b))) : items.OrderBy(key, Comparer<TKey>.Create((a, b) => Compare(a, b)));

    private static int Compare<TKey>(TKey a, TKey b) =>
        a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<TKey>.Default.Compare(a, b);
}

/// <summary>What the list sorts on, as a store reads it without the whole document.</summary>
public sealed record ListedRow(string Office, string Id, string Name, int? Year, DateTimeOffset StoredAt, Verdict Standing);
