using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;

namespace Pipeline.Storage;

/// <summary>
/// The text index in Azure: container <c>textIndex</c>, partition key <c>/bucket</c>, one document per bucket
/// (id derived from the bucket's key) holding its members. A lookup is one point read per bucket (1 RU each,
/// however many reports the province has); filing is read, then create (409: someone else did) or a replace
/// conditional on the ETag read (412: someone else filed meanwhile), tried again on either.
/// </summary>
public sealed partial class CosmosStore
{
    public const string TextIndexContainer = "textIndex";

    private const int FilingAttempts = 10;

    private volatile bool _textIndexReady;

    private Container TextIndex => client.GetContainer(databaseName, TextIndexContainer);

    public async Task IndexTextAsync(TextIndexEntry entry, int capacity, CancellationToken cancellationToken = default)
    {
        await EnsureTextIndexAsync(cancellationToken);
        var member = new TextIndexMember(entry.Office, entry.ReportId, entry.Year);
        await Task.WhenAll(entry.Buckets.Distinct(StringComparer.Ordinal).Select(b => Run(ct => FileAsync(b, member, capacity, ct), cancellationToken)));
    }

    public async Task<IReadOnlyList<TextBucket>> ReadBucketsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        await EnsureTextIndexAsync(cancellationToken);
        var read = await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(k => Run(ct => PointReadAsync<BucketDocument>(TextIndex, BucketId(k), k, ct), cancellationToken)));
        return [.. read.OfType<Found<BucketDocument>>().Select(f => new TextBucket(f.Resource.Bucket, f.Resource.Members))];
    }

    private async Task FileAsync(string bucket, TextIndexMember member, int capacity, CancellationToken ct)
    {
        var id = BucketId(bucket);
        for (var attempt = 0; attempt < FilingAttempts; attempt++)
        {
            var found = await PointReadAsync<BucketDocument>(TextIndex, id, bucket, ct);
            try
            {
                if (found is null)
                {
                    await TextIndex.CreateItemAsync(new BucketDocument(id, bucket, [member]), new PartitionKey(bucket), cancellationToken: ct);
                    return;
                }

                var members = found.Resource.Members;
                if (members.Count > capacity || members.Any(m => m.Office == member.Office && m.ReportId == member.ReportId))
                {
                    return;
                }

                await TextIndex.ReplaceItemAsync(found.Resource with { Members = [.. members, member] }, id, new PartitionKey(bucket),
                    new ItemRequestOptions { IfMatchEtag = found.ETag }, ct);
                return;
            }
            catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
            {
                // Another report was filed in this bucket between our read and our write: read it again.
            }
        }

        throw new InvalidOperationException($"文字索引桶 {bucket} 被反复同时修改，{member.Office}/{member.ReportId} 未能写入，请稍后重试。");
    }

    /// <summary>Creates the container if this account lacks it (Bicep creates it in Azure; the emulator starts empty).</summary>
    private async Task EnsureTextIndexAsync(CancellationToken cancellationToken)
    {
        if (_textIndexReady)
        {
            return;
        }

        await Run(async ct =>
        {
            var db = (await client.CreateDatabaseIfNotExistsAsync(databaseName, cancellationToken: ct)).Database;
            await db.CreateContainerIfNotExistsAsync(TextIndexContainer, "/bucket", cancellationToken: ct);
        }, cancellationToken);
        _textIndexReady = true;
    }

    // A bucket's key may hold characters an id may not ('/', '#', '?', from office codes): the id is a hash of it.
    private static string BucketId(string bucket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucket)))[..32];

    private sealed record BucketDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("bucket")] string Bucket,
        [property: JsonPropertyName("members")] IReadOnlyList<TextIndexMember> Members);
}
