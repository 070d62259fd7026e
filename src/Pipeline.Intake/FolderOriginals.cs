namespace Pipeline.Intake;

/// <summary>Originals on disk: a stored path is the file's own path.</summary>
public sealed class FolderOriginals : IOriginals
{
    public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(File.OpenRead(path));
}
