using Azure.Storage.Blobs;

namespace Pipeline.Intake;

/// <summary>Originals in the drop container; a stored path is <c>drop/{office}/{name}</c>.</summary>
public sealed class BlobOriginals(BlobServiceClient service) : IOriginals
{
    public async Task<Stream> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var blob = service.GetBlobContainerClient(path[..slash]).GetBlobClient(path[(slash + 1)..]);
        var content = await blob.DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToStream();
    }
}
