using Pipeline.Mapping;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;

namespace Pipeline.Tests.Mapping;

public sealed class ApplicationsMapperTests
{
    /// <summary>
    /// A scan garbles the brackets and 予 of （一）予以公开 ("人小池以公开", seen on a degraded scan): the row
    /// that comes next after 二、上年结转 is taken, since the words after the numbering still match it.
    /// </summary>
    [Theory]
    [InlineData("人小池以公开")]
    [InlineData("会洲志以公开")]
    public void AGarbledLabelWithItsNumberingLostTakesTheNextRow(string garbled)
    {
        var table = Map(
            ("一、本年新收政府信息公开申请数量", "9"),
            ("二、上年结转政府信息公开申请数量", "0"),
            (garbled, "6"),
            ("（二）部分公开", "3"));

        Assert.Equal("6", table.Get("granted", "naturalPerson")?.RawText);
        Assert.Equal("3", table.Get("partiallyGranted", "naturalPerson")?.RawText);
    }

    /// <summary>The same garbled words where another row comes next are not taken for （一）予以公开.</summary>
    [Fact]
    public void AGarbledLabelIsNotTakenForARowOutOfOrder()
    {
        var table = Map(
            ("一、本年新收政府信息公开申请数量", "9"),
            ("人小池以公开", "6"));

        Assert.False(table.HasRow("granted"));
        Assert.Equal("9", table.Get("newReceived", "naturalPerson")?.RawText);
    }

    /// <summary>Table 三 as a cell stream: each row its label, then seven values (the given one, then zeros).</summary>
    private static ReportTable Map(params (string Label, string First)[] rows)
    {
        var stream = new List<StreamCell>();
        for (var r = 0; r < rows.Length; r++)
        {
            var origin = new LayoutOrigin(Page: 3, Confidence: 0.95);
            stream.Add(new StreamCell(rows[r].Label, origin, r, 0));
            stream.Add(new StreamCell(rows[r].First, origin, r, 1));
            for (var c = 2; c <= 7; c++)
            {
                stream.Add(new StreamCell(c == 7 ? rows[r].First : "0", origin, r, c));
            }
        }

        var mapped = ApplicationsMapper.Map(stream, Vintage.Format2021);
        return Assert.IsType<ReportTable>(mapped.Table);
    }
}
