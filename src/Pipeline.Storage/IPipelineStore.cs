namespace Pipeline.Storage;

/// <summary>One store for everything the intake keeps: Cosmos DB in Azure, SQLite on one machine.</summary>
public interface IPipelineStore : IReportStore, IOfficeRegistry, INoticeLedger
{
    /// <summary>Creates what the store needs (tables; database and containers) if it is missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);
}
