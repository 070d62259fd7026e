using System.Text;
using Pipeline.Checking;
using Pipeline.Mapping;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Reading;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// Table 四's one row of 15 values placed under the header's columns. The report is the passing sample
/// (samples/passing-2021.html) with its table 四 replaced by one laid out on a page, as a PDF reader gives it:
/// the 15 leaf headers stand 20 points apart from x = 50.
/// </summary>
public sealed class ColumnPlacementTests
{
    private static readonly string[] Leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    /// <summary>The sample's table 四: review 1 1 0 0 2, direct suits 1 0 0 1 2, suits after review all 0.</summary>
    private static readonly string[] Values = ["1", "1", "0", "0", "2", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"];

    private static readonly ReportValidator Validator = new(RuleCatalogue.Default());

    private static LayoutCell Cell(string text, int page, double x, double y, double width) =>
        new(text, new LayoutOrigin(Page: page, Box: new Box(x, y, width, 20)));

    /// <summary>The sample's layout with table 四 replaced; <paramref name="values"/> are the value row's cells.</summary>
    private static AnnualReport Map(IEnumerable<LayoutCell> values, int valuesPage = 1, string[]? leaves = null, LayoutRow? between = null)
    {
        leaves ??= Leaves;
        var html = new HtmlReader().Read(new InputFile("sample.html", File.ReadAllBytes(Repository.Path("samples", "passing-2021.html"))));
        var header = new LayoutTable(
            [
                new LayoutRow([Cell("行政复议", 1, 50, 100, 100), Cell("行政诉讼", 1, 150, 100, 200)]),
                new LayoutRow([Cell("未经复议直接起诉", 1, 150, 120, 100), Cell("复议后起诉", 1, 250, 120, 100)]),
                new LayoutRow([.. Enumerable.Range(0, 15).Select(i => Cell(leaves[i % 5], 1, 50 + (20 * i), 140, 20))]),
                .. between is null ? Array.Empty<LayoutRow>() : [between],
            ],
            new LayoutOrigin(Page: 1));
        var valueRow = new LayoutTable([new LayoutRow([.. values])], new LayoutOrigin(Page: valuesPage));
        var blocks = html.Blocks.ToList();
        var four = blocks.FindIndex(b => b is LayoutTable t && t.Cells.Any(c => c.Text == "未经复议直接起诉"));
        blocks.RemoveAt(four);
        blocks.InsertRange(four, valuesPage == 1 ? [header with { Rows = [.. header.Rows, .. valueRow.Rows] }] : [header, valueRow]);
        return new ReportMapper().Map(new LayoutDocument(SourceKinds.PdfText, blocks));
    }

    private static IEnumerable<LayoutCell> Row(int page, params (int Column, string Text)[] cells) =>
        cells.Select(c => Cell(c.Text, page, 50 + (20 * c.Column), 160, 20));

    private static (int, string)[] AllValues() => [.. Values.Select((v, i) => (i, v))];

    private static string Read(AnnualReport report) =>
        string.Join(' ', report.ReviewLitigation!.AllCells.Select(c => c.RawText));

    [Fact]
    public void ASpeckReadAsACellUnderAColumnDoesNotMoveTheValuesAfterIt()
    {
        // "." cut out as a cell of its own inside 其他结果's column, between 1 and 0.
        var cells = Row(1, AllValues()).ToList();
        cells.Insert(2, Cell(".", 1, 50 + 40 + 2, 160, 4));

        var report = Map(cells);
        var validation = Validator.Validate(report);

        Assert.Equal(string.Join(' ', Values), Read(report));
        Assert.Empty(report.LayoutDoubts);
        Assert.Equal(Verdict.Passed, validation.Verdict);
    }

    [Fact]
    public void ARowOfSpecksBetweenTheHeaderAndTheValuesIsNoRowOfValues()
    {
        // A scan whose headers were split over two lines ("结果维" / "持") and misread, so they name no column; the
        // grid took the split for a row, whose halves hold specks read as ".". Counted in reading order, the specks
        // came first and every value moved three columns over, read as sure.
        string[] misread = ["结用维", "结用纠", "其他结果", "尚未审结", "总计"];
        var specks = new LayoutRow([Cell("", 1, 50, 150, 20), Cell(".", 1, 72, 150, 4), Cell("", 1, 90, 150, 20), Cell(".", 1, 112, 150, 4)]);

        var report = Map(Row(1, AllValues()), leaves: misread, between: specks);
        var validation = Validator.Validate(report);

        Assert.Equal(string.Join(' ', Values), Read(report));
        Assert.Empty(report.LayoutDoubts);
        Assert.Equal(Verdict.Passed, validation.Verdict);
    }

    [Fact]
    public void AMissingFirstCellLeavesItsColumnUnreadInsteadOfShiftingTheRow()
    {
        var report = Map(Row(1, AllValues()[1..]));

        Assert.Null(report.ReviewLitigation!.Get("review", "upheld"));
        Assert.Equal(1, report.ReviewLitigation.Get("review", "corrected")!.Number);
        Assert.Equal(2, report.ReviewLitigation.Get("litigationDirect", "total")!.Number);
        Assert.Equal(0, report.ReviewLitigation.Get("litigationAfterReview", "total")!.Number);
        Assert.Contains(report.Gaps, g => g.Row == "review" && g.MissingCells.SequenceEqual(["reviewLitigation.review.upheld"]));
    }

    [Fact]
    public void TwoValuesUnderOneHeaderMakeTheRowDoubtfulAndTheReportIsNotFailedOnIt()
    {
        // A value split by a stray ruling: 2 and 0 both under review's 总计; the row cannot be placed one to one.
        var cells = Row(1, AllValues()).ToList();
        cells[4] = Cell("2", 1, 50 + 80, 160, 9);
        cells.Insert(5, Cell("0", 1, 50 + 80 + 11, 160, 9));

        var report = Map(cells);
        var validation = Validator.Validate(report);

        Assert.Contains(report.LayoutDoubts, d => d.Reason.Contains("两个数值", StringComparison.Ordinal));
        Assert.NotEqual(Verdict.Failed, validation.Verdict);
    }

    [Fact]
    public void ASpeckOnAPageAfterTheHeaderMakesTheRowDoubtfulNotShifted()
    {
        // The row continues on the next page, without the header: its cells can only be counted, and 16 is not 15.
        var cells = Row(2, AllValues()).ToList();
        cells.Insert(2, Cell(".", 2, 50 + 40 + 2, 160, 4));

        var report = Map(cells, valuesPage: 2);
        var validation = Validator.Validate(report);

        var doubt = Assert.Single(report.LayoutDoubts, d => d.Row == "review");
        Assert.Contains("16个数值", doubt.Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.NeedsReview, validation.Verdict);
        Assert.Contains(validation.Findings, f => f.Rule == ReportValidator.ConfidenceRule && f.Message.Contains("版式对不上", StringComparison.Ordinal) && f.Message.Contains("T4-", StringComparison.Ordinal));
    }

    [Fact]
    public void AnExtraCellInAnHtmlRowMakesItDoubtfulNotShifted()
    {
        // In HTML a cell takes the next grid column, so the values after "." stand one column over and the last under no header.
        var html = File.ReadAllText(Repository.Path("samples", "passing-2021.html"));
        const string row = "<tr><td>1</td><td>1</td><td>0</td><td>0</td><td>2</td>";
        Assert.Contains(row, html, StringComparison.Ordinal);
        var changed = html.Replace(row, "<tr><td>1</td><td>1</td><td>.</td><td>0</td><td>0</td><td>2</td>", StringComparison.Ordinal);

        var result = ReaderSet.CreateChecker().Check(new InputFile("sample.html", Encoding.UTF8.GetBytes(changed)));

        Assert.Equal(Verdict.NeedsReview, result.Verdict);
        Assert.Contains(result.Findings, f => f.Rule == ReportValidator.ConfidenceRule && f.Message.Contains("不在任何表头列之下", StringComparison.Ordinal));
    }

    [Fact]
    public void TheUnchangedHtmlSampleIsPlacedByItsGridAndPasses()
    {
        var result = ReaderSet.CreateChecker().Check(new InputFile("sample.html", File.ReadAllBytes(Repository.Path("samples", "passing-2021.html"))));

        Assert.Equal(Verdict.Passed, result.Verdict);
    }
}
