using Microsoft.Azure.Cosmos;

namespace Pipeline.Storage;

/// <summary>
/// cosmosdb-server answers a point read of a missing document with 500 (it checks the partition key of the
/// document it did not find) unless the request carries the cross-partition header, which makes it skip that
/// check and answer 404 as Cosmos DB does. Added only for the local emulator; the header is a query header
/// that Cosmos DB itself ignores on a read.
/// </summary>
public sealed class EmulatorPointReads : RequestHandler
{
    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get && IsDocument(request.RequestUri))
        {
            request.Headers.Set("x-ms-documentdb-query-enablecrosspartition", "True");
        }

        return base.SendAsync(request, cancellationToken);
    }

    // dbs/{db}/colls/{coll}/docs/{id}: one document (a feed ends in "docs").
    private static bool IsDocument(Uri? uri)
    {
        var path = uri is null ? "" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        var segments = path.Trim('/').Split('/');
        return segments.Length >= 2 && segments[^2] == "docs";
    }
}
