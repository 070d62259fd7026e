using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Pipeline.Resilience;
using Polly;

namespace Pipeline.Storage;

/// <summary>
/// The store in Azure: Cosmos DB (NoSQL API). Containers <c>reports</c> (/office; reports and attempts),
/// <c>offices</c> (/code) and <c>notifications</c> (/office; notices, deliveries, and pending marks in one
/// small partition of their own so the sweep can find them). Writes are conditional: create and 409,
/// replace with IfMatchEtag and 412. Every query names its partition key.
/// </summary>
public sealed partial class CosmosStore(CosmosClient client, string databaseName, ResiliencePipeline? resilience = null) : IPipelineStore, ITextIndexStore
{
    public const string ReportsContainer = "reports";
    public const string OfficesContainer = "offices";
    public const string NotificationsContainer = "notifications";

    /// <summary>The partition of pending marks: bounded by the notices not yet sent, so it stays small.</summary>
    public const string PendingPartition = "~pending";

    private readonly ResiliencePipeline _resilience = resilience ?? CreateResilience();

    private Container Reports => client.GetContainer(databaseName, ReportsContainer);

    private Container Offices => client.GetContainer(databaseName, OfficesContainer);

    private Container Notifications => client.GetContainer(databaseName, NotificationsContainer);

    /// <summary>Cosmos DB's own answers: 429 (with its Retry-After) and 503/408/410 are worth trying again.</summary>
    public static TransientFault Classify(Exception e) => e switch
    {
        CosmosException { StatusCode: HttpStatusCode.TooManyRequests } c => TransientFault.Transient(c.RetryAfter),
        CosmosException c when TransientFault.IsTransientStatus((int)c.StatusCode) || c.StatusCode == HttpStatusCode.Gone => TransientFault.Transient(c.RetryAfter),
        HttpRequestException => TransientFault.Transient(),
        _ => TransientFault.Permanent,
    };

    public static ResiliencePipeline CreateResilience(RemoteCallOptions? options = null) => RemoteCalls.Create("cosmos", Classify, options);

    /// <summary>
    /// Client options shared by every host. The SDK's own 429 retries are off so that one pipeline
    /// (ours, with its counters and bounds) decides; System.Text.Json so documents use the spec's names.
    /// <paramref name="limitToEndpoint"/> is the local emulator (connection string): its point reads get <see cref="EmulatorPointReads"/>.
    /// </summary>
    public static CosmosClientOptions ClientOptions(bool limitToEndpoint = false)
    {
        var options = new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = limitToEndpoint,
            MaxRetryAttemptsOnRateLimitedRequests = 0,
            // No write here reads back what it wrote (a replace is followed by a point read): without the document
            // echoed back, each write costs the client less CPU and the account less bandwidth.
            EnableContentResponseOnWrite = false,
            RequestTimeout = TimeSpan.FromSeconds(20),
            UseSystemTextJsonSerializerWithOptions = StoreJson.Options,
        };
        if (limitToEndpoint)
        {
            options.CustomHandlers.Add(new EmulatorPointReads());
        }

        return options;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await Run(async ct =>
        {
            var db = (await client.CreateDatabaseIfNotExistsAsync(databaseName, cancellationToken: ct)).Database;
            await db.CreateContainerIfNotExistsAsync(ReportsContainer, "/office", cancellationToken: ct);
            await db.CreateContainerIfNotExistsAsync(OfficesContainer, "/code", cancellationToken: ct);
            await db.CreateContainerIfNotExistsAsync(NotificationsContainer, "/office", cancellationToken: ct);
        }, cancellationToken);
    }

    public Task<bool> TryAddReportAsync(StoredReport report, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            try
            {
                await Reports.CreateItemAsync(report, new PartitionKey(report.Office), cancellationToken: ct);
                return true;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                return false;
            }
        }, cancellationToken);

    public Task<StoredReport?> GetReportAsync(string office, string id, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var response = await PointReadAsync<StoredReport>(Reports, id, office, ct);
            return response?.Resource.Type == "report" ? response.Resource with { ETag = response.ETag } : null;
        }, cancellationToken);

    public Task<bool> TryReplaceReportAsync(StoredReport report, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            try
            {
                await Reports.ReplaceItemAsync(report, report.Id, new PartitionKey(report.Office), new ItemRequestOptions { IfMatchEtag = report.ETag }, ct);
                return true;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
        }, cancellationToken);

    public Task<IReadOnlyList<StoredReport>> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Office is null)
        {
            // Cross-partition scans are what Cosmos DB charges most for, and the emulator refuses them.
            throw new ArgumentException("按单位查询：Cosmos DB 中的报告必须指定单位（office）。", nameof(query));
        }

        var sql = "SELECT * FROM c WHERE c.office = @office AND c.type = 'report'";
        if (query.Year is not null)
        {
            sql += " AND c.result.year = @year";
        }

        if (query.Verdict is not null)
        {
            sql += " AND c.result.verdict = @verdict";
        }

        var definition = new QueryDefinition(sql).WithParameter("@office", query.Office);
        if (query.Year is not null)
        {
            definition = definition.WithParameter("@year", query.Year);
        }

        if (query.Verdict is not null)
        {
            definition = definition.WithParameter("@verdict", System.Text.Json.JsonSerializer.Serialize(query.Verdict.Value).Trim('"'));
        }

        return Run(async ct =>
        {
            var reports = await QueryAsync<StoredReport>(Reports, definition, query.Office, ct);
            return (IReadOnlyList<StoredReport>)[.. reports.OrderBy(r => r.StoredAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReportKey>> ListKeysAsync(string office, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var definition = new QueryDefinition("SELECT c.id AS id, c.result.year AS year, c.result.verdict AS verdict FROM c WHERE c.office = @office AND c.type = 'report'")
                .WithParameter("@office", office);
            return (IReadOnlyList<ReportKey>)[.. await QueryAsync<ReportKey>(Reports, definition, office, ct)];
        }, cancellationToken);

    public Task<StoredReport?> FindLatestByNameAsync(string office, string name, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var definition = new QueryDefinition("SELECT * FROM c WHERE c.office = @office AND c.type = 'report' AND c.name = @name")
                .WithParameter("@office", office).WithParameter("@name", name);
            var reports = await QueryAsync<StoredReport>(Reports, definition, office, ct);
            return reports.OrderByDescending(r => r.StoredAt).FirstOrDefault();
        }, cancellationToken);

    public Task AddAttemptAsync(IntakeAttempt attempt, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            try
            {
                await Reports.CreateItemAsync(attempt, new PartitionKey(attempt.Office), cancellationToken: ct);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // A retried create whose first try did land: the attempt is recorded.
            }
        }, cancellationToken);

    public Task<IReadOnlyList<IntakeAttempt>> ListAttemptsAsync(string office, string reportId, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var definition = new QueryDefinition("SELECT * FROM c WHERE c.office = @office AND c.type = 'attempt' AND c.reportId = @report")
                .WithParameter("@office", office).WithParameter("@report", reportId);
            var attempts = await QueryAsync<IntakeAttempt>(Reports, definition, office, ct);
            return (IReadOnlyList<IntakeAttempt>)[.. attempts.OrderBy(a => a.At)];
        }, cancellationToken);

    public Task UpsertOfficeAsync(Office office, CancellationToken cancellationToken = default) =>
        Run(ct => Offices.UpsertItemAsync(office, new PartitionKey(office.Code), cancellationToken: ct), cancellationToken);

    public Task<Office?> GetOfficeAsync(string code, CancellationToken cancellationToken = default) =>
        Run(async ct => (await PointReadAsync<Office>(Offices, code, code, ct))?.Resource, cancellationToken);

    public Task<NoticeMark> MarkPendingAsync(NoticeKey key, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var notice = await PointReadAsync<NoticeDocument>(Notifications, key.Id, key.Office, ct);
            if (notice?.Resource.State == "done")
            {
                return NoticeMark.Done;
            }

            // Both documents are written (kept if there) even when the first was found: a crash between the two
            // writes of an earlier mark must not leave the notice out of the pending partition the sweep reads.
            await CreateOrKeepAsync(Notifications, new NoticeDocument(key.Id, key.Office, "notice", key, "pending", now), ct);
            await CreateOrKeepAsync(Notifications, new NoticeDocument(key.Id, PendingPartition, "pending", key, "pending", now), ct);
            return notice is null ? NoticeMark.New : NoticeMark.Pending;
        }, cancellationToken);

    public Task<bool> IsDoneAsync(NoticeKey key, CancellationToken cancellationToken = default) =>
        Run(async ct => (await PointReadAsync<NoticeDocument>(Notifications, key.Id, key.Office, ct))?.Resource.State == "done", cancellationToken);

    public Task CompleteAsync(NoticeKey key, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            await Notifications.UpsertItemAsync(new NoticeDocument(key.Id, key.Office, "notice", key, "done", now), new PartitionKey(key.Office), cancellationToken: ct);
            try
            {
                await Notifications.DeleteItemAsync<NoticeDocument>(key.Id, new PartitionKey(PendingPartition), cancellationToken: ct);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Cleared already (a retry, or another worker finished the same notice).
            }
        }, cancellationToken);

    public Task<IReadOnlyList<PendingNotice>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var definition = new QueryDefinition("SELECT * FROM c WHERE c.office = @office").WithParameter("@office", PendingPartition);
            var marks = await QueryAsync<NoticeDocument>(Notifications, definition, PendingPartition, ct);
            return (IReadOnlyList<PendingNotice>)[.. marks.OrderBy(m => m.Since).Select(m => new PendingNotice(m.Key, m.Since))];
        }, cancellationToken);

    public Task<DeliveryClaim> ClaimDeliveryAsync(NoticeKey key, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var id = key.DeliveryId(recipient);
            var claim = new DeliveryDocument(id, key.Office, "delivery", key.ReportId, key.RulesVersion, recipient, "sending", now + lease, null);
            try
            {
                await Notifications.CreateItemAsync(claim, new PartitionKey(key.Office), cancellationToken: ct);
                return DeliveryClaim.Claimed;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
            }

            var existing = await PointReadAsync<DeliveryDocument>(Notifications, id, key.Office, ct);
            if (existing is null)
            {
                return DeliveryClaim.Busy;
            }

            if (existing.Resource.State == "sent")
            {
                return DeliveryClaim.AlreadySent;
            }

            if (existing.Resource.LeaseUntil > now)
            {
                return DeliveryClaim.Busy;
            }

            try
            {
                // Take over a lease its holder let lapse (it crashed); only one taker wins the ETag.
                await Notifications.ReplaceItemAsync(claim, id, new PartitionKey(key.Office), new ItemRequestOptions { IfMatchEtag = existing.ETag }, ct);
                return DeliveryClaim.Claimed;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return DeliveryClaim.Busy;
            }
        }, cancellationToken);

    public Task ReleaseDeliveryAsync(NoticeKey key, string recipient, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var id = key.DeliveryId(recipient);
            var existing = await PointReadAsync<DeliveryDocument>(Notifications, id, key.Office, ct);
            if (existing is null || existing.Resource.State != "sending")
            {
                return;
            }

            try
            {
                await Notifications.ReplaceItemAsync(existing.Resource with { LeaseUntil = DateTimeOffset.UnixEpoch }, id, new PartitionKey(key.Office),
                    new ItemRequestOptions { IfMatchEtag = existing.ETag }, ct);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                // Someone else holds or finished it now; leave it.
            }
        }, cancellationToken);

    public Task MarkDeliveredAsync(NoticeKey key, string recipient, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Run(ct => Notifications.UpsertItemAsync(
            new DeliveryDocument(key.DeliveryId(recipient), key.Office, "delivery", key.ReportId, key.RulesVersion, recipient, "sent", now, now),
            new PartitionKey(key.Office), cancellationToken: ct), cancellationToken);

    /// <summary>
    /// Reads one item by id within its partition, with its ETag: a point read (1 RU; no query, which the emulator
    /// answers by scanning every document). Missing is null.
    /// </summary>
    private static async Task<Found<T>?> PointReadAsync<T>(Container container, string id, string partition, CancellationToken ct)
    {
        try
        {
            var response = await container.ReadItemAsync<T>(id, new PartitionKey(partition), cancellationToken: ct);
            return new Found<T>(response.Resource, response.ETag);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private sealed record Found<T>(T Resource, string ETag);

    private static async Task CreateOrKeepAsync<T>(Container container, T item, CancellationToken ct)
        where T : IPartitioned
    {
        try
        {
            await container.CreateItemAsync(item, new PartitionKey(item.Office), cancellationToken: ct);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }

    private static async Task<List<T>> QueryAsync<T>(Container container, QueryDefinition definition, string partition, CancellationToken ct)
    {
        var items = new List<T>();
        using var feed = container.GetItemQueryIterator<T>(definition, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) });
        while (feed.HasMoreResults)
        {
            items.AddRange(await feed.ReadNextAsync(ct));
        }

        return items;
    }

    private async Task<T> Run<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _resilience.ExecuteAsync(async ct => await call(ct), cancellationToken);

    private async Task Run(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await _resilience.ExecuteAsync(async ct => await call(ct), cancellationToken);

    private interface IPartitioned
    {
        string Office { get; }
    }

    private sealed record NoticeDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("office")] string Office,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("key")] NoticeKey Key,
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("since")] DateTimeOffset Since) : IPartitioned;

    private sealed record DeliveryDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("office")] string Office,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("reportId")] string ReportId,
        [property: JsonPropertyName("rulesVersion")] string RulesVersion,
        [property: JsonPropertyName("recipient")] string Recipient,
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("leaseUntil")] DateTimeOffset LeaseUntil,
        [property: JsonPropertyName("sentAt")] DateTimeOffset? SentAt) : IPartitioned;
}
