using Microsoft.Azure.Cosmos;
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
    /// The registry is small (one document per office) and read whole to find the offices under a parent;
    /// this is the one query that crosses partitions, and it touches only the <c>offices</c> container.
    /// </summary>
    public async Task<IReadOnlyList<Office>> ListOfficesAsync(CancellationToken cancellationToken = default)
    {
        var query = new QueryDefinition("SELECT * FROM c");
        var items = await _resilience.ExecuteAsync(ct => new ValueTask<List<Office>>(QueryAsync<Office>(Offices, query, null, ct)), cancellationToken);
        return [.. items.OrderBy(o => o.Code, StringComparer.Ordinal)];
    }

    private static async Task<List<T>> QueryAsync<T>(Container container, QueryDefinition definition, PartitionKey? partition, CancellationToken ct)
    {
        var items = new List<T>();
        var options = partition is { } p ? new QueryRequestOptions { PartitionKey = p } : null;
        using var feed = container.GetItemQueryIterator<T>(definition, requestOptions: options);
        while (feed.HasMoreResults)
        {
            items.AddRange(await feed.ReadNextAsync(ct));
        }

        return items;
    }
}
