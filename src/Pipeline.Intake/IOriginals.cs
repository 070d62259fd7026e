namespace Pipeline.Intake;

/// <summary>Reads a stored report's original again (for reprocess); originals are only ever read.</summary>
public interface IOriginals
{
    Task<Stream> OpenAsync(string path, CancellationToken cancellationToken = default);
}
