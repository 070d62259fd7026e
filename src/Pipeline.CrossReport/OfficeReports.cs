using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>
/// An office's reports by year, kept as one bucket of the index (<c>office:{code}</c>) so that X-CARRY reaches
/// the previous year, and arrival order the next year, by point reads instead of a query. An office the index
/// has not seen yet (a store from before the index) is asked by a query of its partition, and filed in full
/// the first time one of its reports is indexed.
/// </summary>
public sealed class OfficeReports(IReportStore store, ITextIndexStore index)
{
    /// <summary>An office keeps a handful of reports a year (corrected versions included); far below this.</summary>
    public const int Capacity = 10_000;

    public static string Bucket(string office) => "office:" + office;

    /// <summary>The office's stored reports of one year.</summary>
    public async Task<IReadOnlyList<StoredReport>> OfYearAsync(string office, int year, CancellationToken cancellationToken)
    {
        IEnumerable<string> ids = await FiledAsync(office, cancellationToken) is { } filed
            ? filed.Where(m => m.Year == year).Select(m => m.ReportId)
            : (await store.ListKeysAsync(office, cancellationToken)).Where(k => k.Year == year).Select(k => k.Id);
        var reports = await Task.WhenAll(ids.Select(id => store.GetReportAsync(office, id, cancellationToken)));
        return [.. reports.OfType<StoredReport>()];
    }

    /// <summary>Files the report under its office (and, the first time, the office's earlier reports).</summary>
    public async Task FileAsync(StoredReport report, int year, CancellationToken cancellationToken)
    {
        if (await FiledAsync(report.Office, cancellationToken) is null)
        {
            // Only the keys: for an office's first report (the usual case) the listing holds that report alone.
            foreach (var earlier in await store.ListKeysAsync(report.Office, cancellationToken))
            {
                if (earlier.Year is { } y && earlier.Verdict != Verdict.Unreadable && earlier.Id != report.Id)
                {
                    await FileOneAsync(report.Office, earlier.Id, y, cancellationToken);
                }
            }
        }

        await FileOneAsync(report.Office, report.Id, year, cancellationToken);
    }

    private Task FileOneAsync(string office, string id, int year, CancellationToken cancellationToken) =>
        index.IndexTextAsync(new TextIndexEntry(office, id, year, [Bucket(office)]), Capacity, cancellationToken);

    private async Task<IReadOnlyList<TextIndexMember>?> FiledAsync(string office, CancellationToken cancellationToken) =>
        (await index.ReadBucketsAsync([Bucket(office)], cancellationToken)).FirstOrDefault()?.Members;
}
