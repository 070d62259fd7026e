using System.Diagnostics;
using System.Text;
using Pipeline.Imaging;
using Xunit.Abstractions;

namespace Pipeline.Tests.Imaging;

/// <summary>
/// Tables 三 and 四 as a browser prints them, rasterised by poppler at 150 dpi and turned 2° by
/// ImageMagick, the way a crooked scan arrives: the grids must come back with their spans.
/// </summary>
public sealed class RenderedTableTests(ITestOutputHelper output)
{
    [Fact]
    public void PrintedTablesThreeAndFourTurnedTwoDegreesAreFound()
    {
        if (!RenderingTools.Available)
        {
            // xunit 2 cannot skip at run time; say so in the output instead of failing.
            output.WriteLine("chromium, pdftoppm or /usr/bin/convert is missing; nothing checked.");
            return;
        }

        var folder = TestFiles.TempFolder();
        try
        {
            var clock = Stopwatch.StartNew();
            var pdf = RenderingTools.PrintToPdf(Html());
            output.WriteLine($"printed in {clock.ElapsedMilliseconds} ms");
            RenderingTools.Run(RenderingTools.PdfToPpm, "-r", "150", "-gray", "-singlefile", "-f", "1", "-l", "1", pdf, Path.Combine(folder, "page"));

            // ImageMagick turns clockwise for a positive angle: the content's skew is −2°. A
            // plain bilinear distortion is twice as fast as -rotate and as good for this.
            var turned = Path.Combine(folder, "turned.pgm");
            RenderingTools.Run(
                RenderingTools.ImageMagick,
                Path.Combine(folder, "page.pgm"),
                "-virtual-pixel", "white",
                "-interpolate", "bilinear",
                "-filter", "point",
                "-distort", "SRT", "2",
                turned);
            output.WriteLine($"rendered in {clock.ElapsedMilliseconds} ms");

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var analysis = PageAnalyzer.Default.Analyze(Pnm.ReadGray(turned));
            output.WriteLine($"analysed in {clock.ElapsedMilliseconds} ms, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds} ms CPU");

            Assert.InRange(analysis.Skew, -2.1, -1.9);
            Assert.Equal(2, analysis.Tables.Count);
            var (three, four) = (analysis.Tables[0], analysis.Tables[1]);
            Assert.Equal((28, 9), (three.RowCount, three.ColumnCount));
            Assert.Equal(ApplicationsCells(), three.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));
            Assert.Equal((4, 15), (four.RowCount, four.ColumnCount));
            Assert.Equal(ReviewLitigationCells(), four.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));

            // Every cell of table 四 holds a printed label or number, and its box holds that ink.
            Assert.All(four.Cells, cell => Assert.True(analysis.Ink.CountInk(cell.Box) > 10, $"no text in {cell}"));
            output.WriteLine($"done in {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly string[] ResultRows =
    [
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开 1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
        "（四）无法提供 1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理 1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理 1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知要求缴纳费用", "3.其他",
        "（七）总计",
    ];

    private static string Html()
    {
        static string Numbers(int count, int seed) => string.Concat(Enumerable.Range(0, count).Select(i => $"<td>{((i + seed) * 7) % 13}</td>"));

        var three = new StringBuilder()
            .Append("<table><tr><td colspan=2 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>")
            .Append("<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>")
            .Append("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")
            .Append($"<tr><td colspan=2>一、本年新收政府信息公开申请数量</td>{Numbers(7, 1)}</tr>")
            .Append($"<tr><td colspan=2>二、上年结转政府信息公开申请数量</td>{Numbers(7, 2)}</tr>");
        for (var i = 0; i < ResultRows.Length; i++)
        {
            var group = i == 0 ? $"<td rowspan={ResultRows.Length}>三、本年度办理结果</td>" : string.Empty;
            three.Append($"<tr>{group}<td class=label>{ResultRows[i]}</td>{Numbers(7, i)}</tr>");
        }

        three.Append($"<tr><td colspan=2>四、结转下年度继续办理</td>{Numbers(7, 3)}</tr></table>");

        const string Results = "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>";
        var four = "<table><tr><td colspan=5 rowspan=2>行政复议</td><td colspan=10>行政诉讼</td></tr>" +
            "<tr><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>" +
            $"<tr>{Results}{Results}{Results}</tr><tr>{Numbers(15, 4)}</tr></table>";

        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>" +
            "@page { size: A4; margin: 15mm }" +
            "body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 9pt }" +
            "table { border-collapse: collapse; width: 100%; margin-bottom: 8mm }" +
            "td { border: 1px solid #000; padding: 2px 3px; text-align: center }" +
            "td.label { text-align: left }" +
            "</style></head><body>" +
            "<p>三、收到和处理政府信息公开申请情况</p>" + three +
            "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + four +
            "</body></html>";
    }

    private static List<(int, int, int, int)> ApplicationsCells()
    {
        List<(int, int, int, int)> cells = [(0, 0, 3, 2), (0, 2, 1, 7), (1, 2, 2, 1), (1, 3, 1, 5), (1, 8, 2, 1)];
        cells.AddRange(Enumerable.Range(3, 5).Select(c => (2, c, 1, 1)));
        foreach (var row in Enumerable.Range(3, 25))
        {
            if (row == 5)
            {
                cells.Add((5, 0, 22, 1));
            }

            var labelled = row is 3 or 4 or 27;
            if (labelled)
            {
                cells.Add((row, 0, 1, 2));
            }

            cells.AddRange(Enumerable.Range(labelled ? 2 : 1, labelled ? 7 : 8).Select(c => (row, c, 1, 1)));
        }

        return cells;
    }

    private static List<(int, int, int, int)> ReviewLitigationCells() =>
    [
        (0, 0, 2, 5), (0, 5, 1, 10), (1, 5, 1, 5), (1, 10, 1, 5),
        .. Enumerable.Range(0, 15).Select(c => (2, c, 1, 1)),
        .. Enumerable.Range(0, 15).Select(c => (3, c, 1, 1)),
    ];
}
