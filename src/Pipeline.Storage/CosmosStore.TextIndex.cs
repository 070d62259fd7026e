using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;

namespace Pipeline.Storage;

/// <summary>
/// The text index in Azure: container <c>textIndex</c>, partition key <c>/bucket</c>, one small document per
/// (bucket, report). A lookup reads one partition per bucket, so it costs the same however many reports
/// the province has; no query crosses partitions.
/// </summary>
public sealed partial class CosmosStore
{
    public const string TextIndexContainer = "textIndex";

    private volatile bool _textIndexReady;

    private Container TextIndex => client.GetContainer(databaseName, TextIndexContainer);

    public async Task IndexTextAsync(TextIndexEntry entry, CancellationToken cancellationToken = default)
    {
        await EnsureTextIndexAsync(cancellationToken);
        foreach (var bucket in entry.Buckets.Distinct(StringComparer.Ordinal))
        {
            var document = new BucketDocument(MemberId(entry.Office, entry.ReportId), bucket, entry.Office, entry.ReportId, entry.Year);
            await Run(ct => TextIndex.UpsertItemAsync(document, new PartitionKey(bucket), cancellationToken: ct), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TextIndexMatch>> FindByBucketsAsync(IReadOnlyCollection<string> buckets, CancellationToken cancellationToken = default)
    {
        await EnsureTextIndexAsync(cancellationToken);
        var counts = new Dictionary<(string Office, string ReportId, int Year), int>();
        foreach (var bucket in buckets.Distinct(StringComparer.Ordinal))
        {
            var definition = new QueryDefinition("SELECT * FROM c WHERE c.bucket = @bucket").WithParameter("@bucket", bucket);
            var members = await Run(ct => QueryAsync<BucketDocument>(TextIndex, definition, bucket, ct), cancellationToken);
            foreach (var member in members)
            {
                var key = (member.Office, member.ReportId, member.Year);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return [.. counts.Select(c => new TextIndexMatch(c.Key.Office, c.Key.ReportId, c.Key.Year, c.Value))];
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

    // Office codes may hold characters an id may not ('/', '#', '?'): the member's id is a hash.
    private static string MemberId(string office, string reportId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{office}\n{reportId}")))[..32];

    private sealed record BucketDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("bucket")] string Bucket,
        [property: JsonPropertyName("office")] string Office,
        [property: JsonPropertyName("reportId")] string ReportId,
        [property: JsonPropertyName("year")] int Year);
}
