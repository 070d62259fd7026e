namespace Pipeline.Storage;

/// <summary>Reports and their intake attempts. Writes are conditional: a report is created once per id.</summary>
public interface IReportStore
{
    /// <summary>Creates the report; false when a report with its id already exists in its office.</summary>
    Task<bool> TryAddReportAsync(StoredReport report, CancellationToken cancellationToken = default);

    Task<StoredReport?> GetReportAsync(string office, string id, CancellationToken cancellationToken = default);

    /// <summary>Only the report's section texts and agency (a projection, for comparing texts); null when there is no such report.</summary>
    Task<ReportTexts?> GetTextsAsync(string office, string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the report if it is unchanged since it was read (its <see cref="StoredReport.ETag"/>); false if it changed.</summary>
    Task<bool> TryReplaceReportAsync(StoredReport report, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredReport>> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>The office's reports by id, year and verdict only, without reading their documents.</summary>
    Task<IReadOnlyList<ReportKey>> ListKeysAsync(string office, CancellationToken cancellationToken = default);

    /// <summary>The newest report stored under this office and file name, if any (to link a new version to it).</summary>
    Task<StoredReport?> FindLatestByNameAsync(string office, string name, CancellationToken cancellationToken = default);

    Task AddAttemptAsync(IntakeAttempt attempt, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IntakeAttempt>> ListAttemptsAsync(string office, string reportId, CancellationToken cancellationToken = default);
}
