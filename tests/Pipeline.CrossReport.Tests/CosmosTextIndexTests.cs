using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.CrossReport.Tests;

/// <summary>The same rules over Cosmos DB (cosmosdb-server): the textIndex container (/bucket) and per-office queries.</summary>
public sealed class CosmosTextIndexTests(CosmosServer server) : IClassFixture<CosmosServer>
{
    [Fact]
    public async Task Buckets_are_filed_once_read_by_point_reads_and_stop_growing_when_full() =>
        await TextIndexContract.HoldsAsync(await StoreAsync());

    [Fact]
    public async Task A_copied_town_and_a_broken_carry_are_found_in_cosmos_as_in_sqlite()
    {
        var store = await StoreAsync();
        var rules = new CrossReportRules(store, store, RuleCatalogue.Default());
        var copy = Reports.Check(Reports.SeedText("003").Replace("南郊镇", "北郊镇", StringComparison.Ordinal), "beijiao.txt");
        var previous = Reports.Seed("001") with { Year = 2020 };
        foreach (var report in new[] { Reports.Stored("beijiao", copy), Reports.Stored("nanjiao", previous) })
        {
            Assert.True(await store.TryAddReportAsync(report));
            await rules.IndexAsync(report);
        }

        var current = Reports.WithRow(Reports.Seed("003"), TableKeys.Applications, "carriedOver",
            previous.Tables[TableKeys.Applications]["carriedForward"].ToDictionary(c => c.Key, c => c.Key == "naturalPerson" ? c.Value + 1 : c.Value));
        var result = await rules.EvaluateAsync("nanjiao", current.Id, current);

        var carry = Assert.Single(Reports.Of(result, CarryOverRule.Id));
        Assert.Equal(["applications.carriedOver.naturalPerson"], carry.Cells);
        Assert.Equal(Severity.Error, carry.Severity);
        var duplicate = Assert.Single(Reports.Of(result, DuplicateTextRule.Id), f => f.Checked);
        Assert.Contains("北郊镇", duplicate.Message);
    }

    private async Task<CosmosStore> StoreAsync()
    {
        var store = new CosmosStore(server.Client, "t" + Guid.NewGuid().ToString("n")[..10]);
        await store.InitializeAsync();
        return store;
    }
}
