using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Pipeline.Model.Results;
using Polly;

namespace Pipeline.Storage;

/// <summary>
/// Decisions as documents of <c>type = "decision"</c> in the <c>reports</c> container, in their report's
/// office partition (no new container; the report queries select <c>type = 'report'</c>, so they never see them).
/// </summary>
public sealed class CosmosReviewStore(CosmosClient client, string databaseName, ResiliencePipeline? resilience = null) : IReviewStore
{
    private readonly ResiliencePipeline _resilience = resilience ?? CosmosStore.CreateResilience();

    private Container Reports => client.GetContainer(databaseName, CosmosStore.ReportsContainer);

    private Container Offices => client.GetContainer(databaseName, CosmosStore.OfficesContainer);

    /// <summary>The containers are the intake store's; <see cref="CosmosStore.InitializeAsync"/> creates them.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task AddDecisionAsync(ReviewDecision decision, CancellationToken cancellationToken = default) =>
        await _resilience.ExecuteAsync(async ct =>
        {
            try
            {
                await Reports.CreateItemAsync(decision, new PartitionKey(decision.Office), cancellationToken: ct);
            }
            catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // A retried create whose first try landed: the decision is recorded once.
            }
        }, cancellationToken);

    public async Task<IReadOnlyList<ReviewDecision>> ListDecisionsAsync(string office, string reportId, CancellationToken cancellationToken = default)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.office = @office AND c.type = 'decision' AND c.reportId = @report")
            .WithParameter("@office", office)
            .WithParameter("@report", reportId);
        var items = await _resilience.ExecuteAsync(ct => new ValueTask<List<ReviewDecision>>(QueryAsync<ReviewDecision>(Reports, query, new PartitionKey(office), ct)), cancellationToken);
        return [.. items.OrderBy(d => d.At)];
    }

    /// <summary>
    /// One query per office partition (never a cross-partition scan), run a few at a time: the reports' sort keys
    /// filtered by year and rule in the query, and the settlements beside them in the same partition. The
    /// standing verdicts, counts, order and page are then taken over those small rows, and only the page's
    /// documents are read whole.
    /// </summary>
    public async Task<ReviewListPage> ListForReviewAsync(ReviewListQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Offices is not { } offices)
        {
            throw new ArgumentException("按单位查询：Cosmos DB 中的报告必须指定单位（office），不做跨分区扫描。", nameof(query));
        }

        var sql = "SELECT c.id, c.type, c.name, c.storedAt, c.result.year AS year, c.result.verdict AS verdict, c.reportId, c.action, c.at FROM c "
            + "WHERE c.office = @office AND ((c.type = 'report'"
            + (query.Year is null ? "" : " AND c.result.year = @year")
            + (query.Rule is null ? "" : " AND ARRAY_CONTAINS(c.violatedRules, @rule)")
            + ") OR (c.type = 'decision' AND (c.action = 'settleFailed' OR c.action = 'settlePassed')))";
        var rows = new System.Collections.Concurrent.ConcurrentBag<ListedRow>();
        await Parallel.ForEachAsync(offices.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (office, ct) =>
        {
            var definition = new QueryDefinition(sql).WithParameter("@office", office).WithParameter("@year", query.Year).WithParameter("@rule", query.Rule);
            var found = await _resilience.ExecuteAsync(c => new ValueTask<List<PartitionRow>>(QueryAsync<PartitionRow>(Reports, definition, new PartitionKey(office), c)), ct);
            var settled = found.Where(r => r.Type == "decision" && r.ReportId is not null).GroupBy(r => r.ReportId!)
                .ToDictionary(g => g.Key, g => g.MaxBy(d => d.At)!.Action);
            foreach (var report in found.Where(r => r.Type == "report"))
            {
                rows.Add(new ListedRow(office, report.Id, report.Name ?? "", report.Year, report.StoredAt ?? default,
                    ReviewOrder.Standing(report.Verdict ?? Verdict.Unreadable, settled.GetValueOrDefault(report.Id))));
            }
        });

        var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => rows.Count(r => r.Standing == v));
        var matching = rows.Where(r => query.Verdict is null || r.Standing == query.Verdict).ToList();
        var page = ReviewOrder.Apply(matching, query.Sort, query.Descending, r => r).Skip(query.Skip).Take(query.Take).ToList();
        var documents = new System.Collections.Concurrent.ConcurrentDictionary<(string, string), StoredReport>();
        await Parallel.ForEachAsync(page.GroupBy(r => r.Office), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            var definition = new QueryDefinition("SELECT * FROM c WHERE c.office = @office AND c.type = 'report' AND ARRAY_CONTAINS(@ids, c.id)")
                .WithParameter("@office", group.Key).WithParameter("@ids", group.Select(r => r.Id).ToArray());
            foreach (var report in await _resilience.ExecuteAsync(c => new ValueTask<List<StoredReport>>(QueryAsync<StoredReport>(Reports, definition, new PartitionKey(group.Key), c)), ct))
            {
                documents[(report.Office, report.Id)] = report;
            }
        });

        // A report replaced between the two reads is listed as it is now; one gone is left out.
        var listed = page.Where(r => documents.ContainsKey((r.Office, r.Id))).Select(r => new ListedReport(documents[(r.Office, r.Id)], r.Standing)).ToList();
        return new ReviewListPage(listed, matching.Count, counts);
    }

    /// <summary>A report's sort keys or a settlement, as the list's partition query returns them.</summary>
    private sealed record PartitionRow(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("storedAt")] DateTimeOffset? StoredAt,
        [property: JsonPropertyName("year")] int? Year,
        [property: JsonPropertyName("verdict")] Verdict? Verdict,
        [property: JsonPropertyName("reportId")] string? ReportId,
        [property: JsonPropertyName("action")] DecisionAction? Action,
        [property: JsonPropertyName("at")] DateTimeOffset? At);

    /// <summary>
    /// The registry is small (one document per office) and read whole to find the offices under a parent. It is
    /// the one read that spans partitions, and it touches only the <c>offices</c> container: a read feed, not a
    /// query (the emulator refuses a query without its partition key, and a feed needs no query plan).
    /// </summary>
    public async Task<IReadOnlyList<Office>> ListOfficesAsync(CancellationToken cancellationToken = default)
    {
        var items = await _resilience.ExecuteAsync(async ct =>
        {
            var offices = new List<Office>();
            using var feed = Offices.GetItemQueryIterator<Office>((string?)null);
            while (feed.HasMoreResults)
            {
                offices.AddRange(await feed.ReadNextAsync(ct));
            }

            return offices;
        }, cancellationToken);
        return [.. items.OrderBy(o => o.Code, StringComparer.Ordinal)];
    }

    private static async Task<List<T>> QueryAsync<T>(Container container, QueryDefinition definition, PartitionKey partition, CancellationToken ct)
    {
        var items = new List<T>();
        using var feed = container.GetItemQueryIterator<T>(definition, requestOptions: new QueryRequestOptions { PartitionKey = partition });
        while (feed.HasMoreResults)
        {
            items.AddRange(await feed.ReadNextAsync(ct));
        }

        return items;
    }
}
