namespace Pipeline.Storage;

/// <summary>The registry of reporting bodies and their supervisors.</summary>
public interface IOfficeRegistry
{
    Task UpsertOfficeAsync(Office office, CancellationToken cancellationToken = default);

    Task<Office?> GetOfficeAsync(string code, CancellationToken cancellationToken = default);
}
