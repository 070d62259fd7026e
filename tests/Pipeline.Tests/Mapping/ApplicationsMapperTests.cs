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

    /// <summary>
    /// Labels a worn scan garbled past recognition, each between two rows that were found, with exactly one row
    /// of the template between them: the values go to that row. These were read on benchmark scans.
    /// </summary>
    [Fact]
    public void ALabelGarbledPastRecognitionTakesTheOneRowBetweenItsNeighbours()
    {
        var table = Map(
            ("一、本年新收政府信息公开申请数量", "9"),
            ("二、上年结转政府信息公开申请数量", "0"),
            ("(从人于", "6"),
            ("（二）部分公开", "3"),
            ("4.无正当理由大量反复申请", "0"),
            ("人信", "2"),
            ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1"));

        Assert.Equal("6", table.Get("granted", "naturalPerson")?.RawText);
        Assert.Equal("6", table.Get("granted", "total")?.RawText);
        Assert.Equal("3", table.Get("partiallyGranted", "naturalPerson")?.RawText);
        Assert.Equal("2", table.Get("notProcessed.confirmation", "naturalPerson")?.RawText);
        Assert.Equal("1", table.Get("otherHandling.noCorrection", "naturalPerson")?.RawText);
    }

    /// <summary>In the 2019 format （六）其他处理 follows 5.要求行政机关确认…: a garbled row 5 lies between them there too.</summary>
    [Fact]
    public void AGarbledLabelTakesTheRowBetweenInThe2019FormatToo()
    {
        var table = Map(
            ("4.无正当理由大量反复申请", "0"),
            ("人信", "2"),
            ("（六）其他处理", "1"),
            ("（七）总计", "3"));

        Assert.Equal("2", table.Get("notProcessed.confirmation", "naturalPerson")?.RawText);
        Assert.Equal("1", table.Get("otherHandling", "naturalPerson")?.RawText);
    }

    /// <summary>The template's last row garbled: taken when the row before it was the last found.</summary>
    [Fact]
    public void AGarbledLastRowIsTheTemplatesLastRow()
    {
        var table = Map(
            ("（七）总计", "12"),
            ("四、结转下年处", "1"));

        Assert.Equal("1", table.Get("carriedForward", "naturalPerson")?.RawText);
    }

    /// <summary>
    /// A garbled label with two rows of the template missing around it, or with its values cut short, is not
    /// placed: which row it is, or what it holds, is not known.
    /// </summary>
    [Fact]
    public void AGarbledLabelIsNotPlacedWhereTwoRowsAreMissingOrItsValuesAreShort()
    {
        var table = Map(
            ("一、本年新收政府信息公开申请数量", "9"),
            ("二、上年结转政府信息公开申请数量", "0"),
            ("(从人于", "6"),
            ("1.属于国家秘密", "3"));

        Assert.False(table.HasRow("granted"));
        Assert.False(table.HasRow("partiallyGranted"));
        Assert.Equal("3", table.Get("withheld.stateSecret", "naturalPerson")?.RawText);

        var origin = new LayoutOrigin(Page: 3, Confidence: 0.95);
        List<StreamCell> stream =
        [
            new("二、上年结转政府信息公开申请数量", origin, 0, 0), .. Enumerable.Range(1, 7).Select(c => new StreamCell("0", origin, 0, c)),
            new("(从人于", origin, 1, 0), new("6", origin, 1, 1), new("6", origin, 1, 2),
            new("（二）部分公开", origin, 2, 0), .. Enumerable.Range(1, 7).Select(c => new StreamCell("3", origin, 2, c)),
        ];
        var shortRun = Assert.IsType<ReportTable>(ApplicationsMapper.Map(stream, Vintage.Format2021).Table);
        Assert.False(shortRun.HasRow("granted"));
        Assert.True(shortRun.HasRow("partiallyGranted"));
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
