using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>The same body's report of another year, as the store keeps it: the newest readable one, if several were sent.</summary>
public static class PreviousReport
{
    /// <summary>By a query of the office's partition (for commands that look once, such as <c>compare</c>).</summary>
    public static async Task<StoredReport?> OfYearAsync(IReportStore store, string office, int year, string? except, CancellationToken cancellationToken) =>
        Newest(await store.ListReportsAsync(new ReportQuery(office, year), cancellationToken), year, except);

    public static StoredReport? Newest(IEnumerable<StoredReport> reports, int year, string? except) =>
        reports
            .Where(r => r.Id != except && r.Verdict != Verdict.Unreadable && r.Result.Year == year)
            .OrderByDescending(r => r.StoredAt)
            .FirstOrDefault();

    /// <summary>A short form of a report id for messages; the full id is in the finding's report.</summary>
    public static string ShortId(string id) => id.Length > 12 ? id[..12] : id;
}
