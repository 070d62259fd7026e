using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>The columns the review list sorts by; <see cref="Queue"/> puts the needsReview queue first.</summary>
public enum ReviewSort
{
    Queue,
    Office,
    Year,
    Verdict,
    Name,
    Stored,
}

/// <summary>
/// One page of the review list, asked of the store. <see cref="Offices"/> are the partitions to read (an office
/// and those under it, resolved from the registry by the caller); null means every office, which only SQLite
/// can answer: Cosmos DB refuses, as every query there names its partition. The verdict filtered on is the
/// standing one (a settlement over the check's needsReview), and so are the counts.
/// </summary>
public sealed record ReviewListQuery
{
    public IReadOnlyList<string>? Offices { get; init; }

    public int? Year { get; init; }

    public Verdict? Verdict { get; init; }

    /// <summary>A rule the report violates (an error or warning finding), matched exactly.</summary>
    public string? Rule { get; init; }

    public ReviewSort Sort { get; init; } = ReviewSort.Queue;

    public bool Descending { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

/// <summary>A listed report and the verdict that stands on it.</summary>
public sealed record ListedReport(StoredReport Report, Verdict Standing);

/// <summary>
/// A page of the list, with the number of reports matching the whole query and the counts per standing
/// verdict of the reports matching everything but the verdict (what choosing a verdict would give).
/// </summary>
public sealed record ReviewListPage(IReadOnlyList<ListedReport> Reports, int Matching, IReadOnlyDictionary<Verdict, int> Counts)
{
    public int Total => Counts.Values.Sum();
}
