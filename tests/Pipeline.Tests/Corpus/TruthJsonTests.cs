using System.Text.Json;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Truth;

namespace Pipeline.Tests.Corpus;

public sealed class TruthJsonTests
{
    [Fact]
    public void JsonHasTheSpecsShapeInCamelCaseWithChineseUnescaped()
    {
        var truth = TruthFactory.Create(42, new TruthOptions(2021, AgencyKind.Town, Applications: true, Dated: true));

        var json = TruthJson.Serialize(truth);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Contains(truth.Agency, json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Equal(truth.Agency, root.GetProperty("agency").GetString());
        Assert.Equal(2021, root.GetProperty("year").GetInt32());
        Assert.Equal("2021", root.GetProperty("vintage").GetString());
        Assert.Equal(truth.Published!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("published").GetString());
        Assert.Equal("2021-01-01", root.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("passed", root.GetProperty("expectedVerdict").GetString());
        Assert.Equal(0, root.GetProperty("expectedRules").GetArrayLength());
        Assert.Equal(
            ["overview", "activeDisclosure", "applications", "reviewLitigation", "problems", "other"],
            root.GetProperty("sections").EnumerateObject().Select(p => p.Name));

        var tables = root.GetProperty("tables");
        Assert.Equal(
            truth.Tables.Applications.Number("withheld.stateSecret", "naturalPerson"),
            tables.GetProperty("applications").GetProperty("withheld.stateSecret").GetProperty("naturalPerson").GetDecimal());
        Assert.Equal(7, tables.GetProperty("applications").GetProperty("newReceived").EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Number, tables.GetProperty("activeDisclosure").GetProperty("fees").GetProperty("amount").ValueKind);
        Assert.Equal(JsonValueKind.Number, tables.GetProperty("reviewLitigation").GetProperty("review").GetProperty("total").ValueKind);
    }

    [Fact]
    public void MalformedCellsAreStringsAndEverythingRoundTrips()
    {
        var truth = TableMutations.Blank.Apply(TruthFactory.Create(7), new Random(1));

        var json = TruthJson.Serialize(truth);
        var back = TruthJson.Deserialize(json);

        Assert.Equal(json, TruthJson.Serialize(back));
        Assert.Contains(back.Tables.ReviewLitigation.Rows.Concat(back.Tables.Applications.Rows).SelectMany(r => r.Cells), c => c.Value.Text is "/" or "-" or "无");
    }

    [Fact]
    public void MoneyKeepsItsDecimalsAndDropsTrailingZeros()
    {
        Assert.Equal("12.3", TruthValue.Of(12.30m).Printed);
        Assert.Equal("0", TruthValue.Of(0.00m).Printed);
        Assert.Equal("1234.56", TruthValue.Of(1234.56m).Printed);
        Assert.Equal("-4", TruthValue.Of(-4m).Printed);
        Assert.Equal("减4", TruthValue.Malformed("减4").Printed);
    }
}
