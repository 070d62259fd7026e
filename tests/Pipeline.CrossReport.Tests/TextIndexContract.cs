using Pipeline.Storage;

namespace Pipeline.CrossReport.Tests;

/// <summary>What both stores' text index must do, run against each (SQLite here, Cosmos DB in <see cref="CosmosTextIndexTests"/>).</summary>
public static class TextIndexContract
{
    public static async Task HoldsAsync(ITextIndexStore store)
    {
        await store.IndexTextAsync(new TextIndexEntry("a/1", "r1", 2021, ["2021:0:aa", "2021:1:bb"]), capacity: 2);
        await store.IndexTextAsync(new TextIndexEntry("a/1", "r1", 2021, ["2021:0:aa", "2021:1:bb"]), capacity: 2);
        await store.IndexTextAsync(new TextIndexEntry("b", "r2", 2021, ["2021:0:aa", "2021:1:cc"]), capacity: 2);

        var found = await store.ReadBucketsAsync(["2021:0:aa", "2021:1:bb", "2021:9:none"]);

        Assert.Equal(["2021:0:aa", "2021:1:bb"], found.Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.Equal([("a/1", "r1", 2021), ("b", "r2", 2021)],
            found.Single(b => b.Key == "2021:0:aa").Members.Select(m => (m.Office, m.ReportId, m.Year)).Order());
        Assert.Equal([("a/1", "r1")], found.Single(b => b.Key == "2021:1:bb").Members.Select(m => (m.Office, m.ReportId)));

        // Capacity 2: a third member is still filed (the bucket then holds more than 2, so it is full), a fourth is not.
        await store.IndexTextAsync(new TextIndexEntry("c", "r3", 2021, ["2021:0:aa"]), capacity: 2);
        await store.IndexTextAsync(new TextIndexEntry("d", "r4", 2021, ["2021:0:aa"]), capacity: 2);
        var full = Assert.Single(await store.ReadBucketsAsync(["2021:0:aa"]));
        Assert.Equal(["a/1", "b", "c"], full.Members.Select(m => m.Office).Order(StringComparer.Ordinal));
    }
}
