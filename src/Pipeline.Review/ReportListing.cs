using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Review;

/// <summary>
/// The reports a reviewer may see, under an office and in a year, with the decisions that change their
/// verdict. SQLite is asked once; Cosmos DB office by office, as every query there names its partition.
/// </summary>
public sealed class ReportListing(IPipelineStore store, IReviewStore reviews, ReviewOptions options)
{
    public async Task<IReadOnlyList<ReportReview>> FindAsync(OfficeScope scope, string? office, int? year, CancellationToken cancellationToken)
    {
        var found = new List<StoredReport>();
        if (options.ListAcrossOffices)
        {
            found.AddRange(await store.ListReportsAsync(new ReportQuery(null, year), cancellationToken));
        }
        else
        {
            var offices = scope.Visible(office).ToHashSet(StringComparer.Ordinal);
            if (office is not null && scope.CanSee(office))
            {
                offices.Add(office); // an office not (yet) in the registry, asked for by name
            }

            foreach (var code in offices.Order(StringComparer.Ordinal))
            {
                found.AddRange(await store.ListReportsAsync(new ReportQuery(code, year), cancellationToken));
            }
        }

        var visible = found.Where(r => scope.CanSee(r.Office) && (office is null || scope.IsUnder(r.Office, office)));
        var listed = new List<ReportReview>();
        foreach (var report in visible)
        {
            // Only a report the check sent to review can have a settlement that changes its verdict.
            var decisions = report.Verdict == Verdict.NeedsReview ? await reviews.ListDecisionsAsync(report.Office, report.Id, cancellationToken) : [];
            listed.Add(new ReportReview(report, decisions));
        }

        return listed;
    }

    public static IEnumerable<ReportReview> Apply(IEnumerable<ReportReview> reports, ReportFilter filter)
    {
        var matching = reports.Where(r =>
            (filter.Verdict is null || r.Verdict == filter.Verdict)
            && (filter.Rule is null || r.Report.Result.Findings.Any(f => f.IsViolation && string.Equals(f.Rule, filter.Rule, StringComparison.OrdinalIgnoreCase))));
        return Sort(matching, filter);
    }

    private static IEnumerable<ReportReview> Sort(IEnumerable<ReportReview> reports, ReportFilter filter)
    {
        if (filter.Sort == "queue")
        {
            // The review queue first, then what failed, newest first within each.
            return reports.OrderBy(r => r.Verdict switch { Verdict.NeedsReview => 0, Verdict.Failed => 1, Verdict.Unreadable => 2, _ => 3 })
                .ThenByDescending(r => r.Report.StoredAt).ThenBy(r => r.Report.Id, StringComparer.Ordinal);
        }

        Func<ReportReview, IComparable?> key = filter.Sort switch
        {
            "office" => r => r.Report.Office,
            "year" => r => r.Report.Result.Year ?? 0,
            "verdict" => r => (int)r.Verdict,
            "name" => r => r.Report.Name,
            _ => r => r.Report.StoredAt,
        };
        var ordered = filter.Descending ? reports.OrderByDescending(key) : reports.OrderBy(key);
        return ordered.ThenBy(r => r.Report.Id, StringComparer.Ordinal);
    }
}
