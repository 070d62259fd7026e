using Pipeline.Storage;

namespace Pipeline.Review;

/// <summary>
/// Turns the list's filter and the reviewer's offices into a store query: the offices are resolved from the
/// registry (an office and those under it, as far as the reviewer sees), and the store filters, counts, sorts
/// and pages. Only an operator on a store that can list every office at once (SQLite) asks without offices.
/// </summary>
public sealed class ReportListing(IReviewStore reviews, ReviewOptions options)
{
    public Task<ReviewListPage> PageAsync(OfficeScope scope, ReportFilter filter, CancellationToken cancellationToken) =>
        reviews.ListForReviewAsync(Query(scope, filter) with
        {
            Skip = (filter.Page - 1) * options.PageSize,
            Take = options.PageSize,
        }, cancellationToken);

    /// <summary>Every report a filter matches, in its order (the exports).</summary>
    public async Task<IReadOnlyList<ListedReport>> AllAsync(OfficeScope scope, ReportFilter filter, CancellationToken cancellationToken) =>
        (await reviews.ListForReviewAsync(Query(scope, filter) with { Take = int.MaxValue }, cancellationToken)).Reports;

    private ReviewListQuery Query(OfficeScope scope, ReportFilter filter) => new()
    {
        Offices = Offices(scope, filter.Office),
        Year = filter.Year,
        Verdict = filter.Verdict,
        Rule = filter.Rule,
        Sort = filter.Sort,
        Descending = filter.Descending,
    };

    private IReadOnlyList<string>? Offices(OfficeScope scope, string? office)
    {
        if (office is null && scope.Everything && options.ListAcrossOffices)
        {
            return null;
        }

        var offices = scope.Visible(office).ToHashSet(StringComparer.Ordinal);
        if (office is not null && scope.CanSee(office))
        {
            offices.Add(office); // an office not (yet) in the registry, asked for by name
        }

        return [.. offices.Order(StringComparer.Ordinal)];
    }
}
