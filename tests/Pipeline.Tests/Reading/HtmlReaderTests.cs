using System.Net;
using System.Text;
using Pipeline.Mapping;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Reading;

namespace Pipeline.Tests.Reading;

public sealed class HtmlReaderTests
{
    private readonly HtmlReader _reader = new();

    [Fact]
    public void TableKeepsRowAndColumnSpansWithoutRepeatingCoveredCells()
    {
        var layout = Read("""
            <table>
              <tr><td rowspan="2" colspan="2">信息内容</td><td colspan="2">本年</td></tr>
              <tr><td>制发</td><td>废止</td></tr>
              <tr><th>规章</th><td>说明</td><td>1</td><td>0</td></tr>
            </table>
            """);

        var table = Assert.Single(layout.Tables);
        Assert.Equal([2, 2, 4], table.Rows.Select(r => r.Cells.Count));
        Assert.Equal(new LayoutCell("信息内容", At("表格1 第1行 第1列"), RowSpan: 2, ColumnSpan: 2), table.Rows[0].Cells[0]);
        Assert.Equal(new LayoutCell("本年", At("表格1 第1行 第3列"), ColumnSpan: 2), table.Rows[0].Cells[1]);
        Assert.Equal(new LayoutCell("制发", At("表格1 第2行 第3列")), table.Rows[1].Cells[0]);
        Assert.Equal(new LayoutCell("废止", At("表格1 第2行 第4列")), table.Rows[1].Cells[1]);
        Assert.Equal(["规章", "说明", "1", "0"], table.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal("表格1", table.Origin.Location);
        Assert.All(table.Cells, c => Assert.Equal(1.0, c.Origin.Confidence));
    }

    [Fact]
    public void RowsLeftEmptyBySpansAreDroppedAndTheSpansShortened()
    {
        // Word's HTML export writes a row whose every cell is covered from above as an empty <tr>.
        var layout = Read("""
            <table>
              <tr><td rowspan="3">三、本年度办理结果</td><td>（一）予以公开</td></tr>
              <tr></tr>
              <tr><td>（二）部分公开</td></tr>
            </table>
            """);

        var table = Assert.Single(layout.Tables);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(2, table.Rows[0].Cells[0].RowSpan);
        Assert.Equal("表格1 第2行 第2列", table.Rows[1].Cells[0].Origin.Location);
    }

    [Fact]
    public void CellTextBreaksAtLineBreaksAndBlocksAndIsTidied()
    {
        var layout = Read("""
            <table><tr>
              <td><p class=MsoNormal>商业<br>企业</p></td>
              <td>
                  法人或其他组织&nbsp;&nbsp;
              </td>
              <td><div>行政</div><div>诉讼</div></td>
              <td><script>var x = 1;</script><span style="display:none">隐藏</span>0</td>
            </tr></table>
            """);

        Assert.Equal(["商业 企业", "法人或其他组织", "行政 诉讼", "0"], Assert.Single(layout.Tables).Cells.Select(c => c.Text));
    }

    [Fact]
    public void ParagraphsAndTablesKeepDocumentOrder()
    {
        var layout = Read("""
            <html><head><title>标题栏</title><style>p { color: red }</style></head><body>
            <nav>首页 &gt; 政务公开</nav>
            <h1>某某局2021年政府信息公开工作年度报告</h1>
            <p>　　一、总体情况</p>
            <div>2021年，我局主动公开政府信息71条。<br>全文电子化率达100%。</div>
            <table><caption>二、主动公开政府信息情况</caption><tr><td>规章</td><td>0</td></tr></table>
            <ul><li>三、收到和处理政府信息公开申请情况</li></ul>
            <table><tr><td>一、本年新收政府信息公开申请数量</td><td>4</td></tr></table>
            <p>六、其他需要报告的事项</p>
            </body></html>
            """);

        Assert.Equal(
            [
                "P 某某局2021年政府信息公开工作年度报告",
                "P 一、总体情况",
                "P 2021年，我局主动公开政府信息71条。",
                "P 全文电子化率达100%。",
                "P 二、主动公开政府信息情况",
                "T 规章|0",
                "P 三、收到和处理政府信息公开申请情况",
                "T 一、本年新收政府信息公开申请数量|4",
                "P 六、其他需要报告的事项",
            ],
            Shape(layout));
        Assert.Equal("段落1", layout.Paragraphs.First().Origin.Location);
        Assert.Equal(["表格1", "表格2"], layout.Tables.Select(t => t.Origin.Location));
    }

    [Fact]
    public void FlattenedTableTextBecomesATableAsInATextFile()
    {
        var text = "二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0 | 5 |\n三、收到和处理政府信息公开申请情况\n";
        var html = "<body>" + string.Concat(text.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>\n")) + "</body>";

        var layout = Read(html);

        Assert.Equal(Shape(PlainText(text)), Shape(layout));
        Assert.Equal(["规章", "0", "0", "0"], layout.Tables.Single().Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("段落2", layout.Tables.Single().Rows[0].Cells[0].Origin.Location);
    }

    /// <summary>Every seed, pasted into a page as paragraphs or as preformatted text, reads as the .txt does.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedTextInAPageReadsLikeTheTextFile(string seed)
    {
        var text = File.ReadAllText(TestFiles.Seed(seed));
        var expected = Shape(PlainText(text));
        var paragraphs = "<html><body>\n" + string.Concat(text.Split('\n').Select(l => $"  <p>{WebUtility.HtmlEncode(l)}</p>\n")) + "</body></html>";
        var preformatted = "<html><body><pre>\n" + WebUtility.HtmlEncode(text) + "</pre></body></html>";

        Assert.Equal(expected, Shape(Read(paragraphs)));
        Assert.Equal(expected, Shape(Read(preformatted)));
        Assert.NotEmpty(Read(paragraphs).Tables);
    }

    public static TheoryData<string> Seeds() => [.. TestFiles.AllSeeds.Select(f => Path.GetFileName(f)[..3])];

    [Fact]
    public void WordTabSpansSeparateCells()
    {
        var layout = Read("<p class=MsoNormal>规章<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span>0<span style='mso-tab-count:2'>&nbsp; </span>5</p>");

        Assert.Equal(["规章", "0", "", "5"], Assert.Single(layout.Tables).Cells.Select(c => c.Text));
    }

    [Fact]
    public void GbkPageWithMetaCharsetDecodes()
    {
        var gbk = Encoding.GetEncoding("GBK");
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>一、总体情况</p><p>南郊镇主动公开政府信息71条。</p></body></html>";

        var layout = _reader.Read(new InputFile("报告.html", gbk.GetBytes(html)));

        Assert.Equal(["一、总体情况", "南郊镇主动公开政府信息71条。"], layout.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void MetaCharsetDecidesWhenGbkBytesAreAlsoValidUtf8()
    {
        // 实施平台 in GBK happens to be valid UTF-8 too: only the declaration tells them apart.
        var bytes = Encoding.GetEncoding("GBK").GetBytes("<html><head><meta charset=GBK></head><body><p>实施平台</p></body></html>");
        Assert.DoesNotContain("实施平台", TextDecoder.Decode(bytes), StringComparison.Ordinal);

        var layout = _reader.Read(new InputFile("报告.html", bytes));

        Assert.Equal("实施平台", Assert.Single(layout.Paragraphs).Text);
    }

    [Fact]
    public void ByteOrderMarkWinsOverMetaCharset()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<html><head><meta charset=gbk></head><body><p>实施平台</p></body></html>")];

        var layout = _reader.Read(new InputFile("报告.html", bytes));

        Assert.Equal("实施平台", Assert.Single(layout.Paragraphs).Text);
    }

    [Fact]
    public void WrongGbkDeclarationOnUtf8PageFallsBackToTheBytes()
    {
        var html = "<html><head><meta charset=\"gbk\"></head><body><p>南郊镇2021年度政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>";

        var layout = _reader.Read(new InputFile("报告.html", Encoding.UTF8.GetBytes(html)));

        Assert.Equal("南郊镇2021年度政府信息公开工作年度报告", layout.Paragraphs.First().Text);
    }

    [Fact]
    public void PageFramedByALayoutTableReadsItsDataTablesAsTables()
    {
        var layout = Read("""
            <table width="980"><tr><td>
              <h2>某某局2021年政府信息公开工作年度报告</h2>
              <p>三、收到和处理政府信息公开申请情况</p>
              <table border="1"><tr><td>一、本年新收政府信息公开申请数量</td><td>4</td></tr></table>
            </td></tr></table>
            """);

        Assert.Equal(
            ["P 某某局2021年政府信息公开工作年度报告", "P 三、收到和处理政府信息公开申请情况", "T 一、本年新收政府信息公开申请数量|4"],
            Shape(layout));
    }

    [Fact]
    public void NestedDataTableIsFoldedIntoItsCell()
    {
        var layout = Read("<table><tr><td>行政诉讼</td><td><table><tr><td>结果维持</td><td>结果纠正</td></tr></table></td></tr></table>");

        Assert.Equal(["行政诉讼", "结果维持 结果纠正"], Assert.Single(layout.Tables).Cells.Select(c => c.Text));
    }

    [Fact]
    public void SingleFileWebArchiveIsRead()
    {
        var page = "<html><head><meta charset=\"utf-8\"></head><body><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>";
        var wrapped = QuotedPrintable(Encoding.UTF8.GetBytes(page));
        var mht = "From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n"
            + "------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + wrapped + "\r\n"
            + "------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n";
        var file = new InputFile("报告.mht", Encoding.ASCII.GetBytes(mht));

        Assert.True(_reader.CanRead(file));
        Assert.Equal(["P 一、总体情况", "T 规章|0"], Shape(_reader.Read(file)));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body></body></html>", "x.bin", true)]
    [InlineData("\n  <HTML lang=zh>", "x", true)]
    [InlineData("<!-- saved --><table><tr><td>1</td></tr></table>", "x", true)]
    [InlineData("<p>一、总体情况</p>", "报告.doc", true)]
    [InlineData("一、总体情况\n规章\t0", "x.txt", false)]
    [InlineData("一、总体情况\n规章\t0", "x.htm", true)]
    [InlineData("%PDF-1.7", "x.html", false)]
    [InlineData("PK\u0003\u0004word/document.xml", "x.html", false)]
    public void CanReadSniffsBytesBeforeTheName(string content, string name, bool expected) =>
        Assert.Equal(expected, _reader.CanRead(new InputFile(name, Encoding.Latin1.GetBytes(content))));

    [Fact]
    public void EmptyFileIsUnreadable()
    {
        var e = Assert.Throws<UnreadableException>(() => _reader.Read(new InputFile("a.html", Array.Empty<byte>())));
        Assert.Contains("文件是空的", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PageWithoutTextIsUnreadable()
    {
        var e = Assert.Throws<UnreadableException>(() => Read("<html><head><title>加载中</title></head><body><div id=app></div><script>load()</script></body></html>"));
        Assert.Contains("没有找到正文文字", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationsTableOfSeed003MapsAsInTheTextFile()
    {
        var html = $"""
            <html><head><meta charset="utf-8"></head><body>
            <p align=center>南郊镇2021年度政府信息公开工作年度报告</p>
            <p>三、收到和处理政府信息公开申请情况</p>
            <table border=1>
              {string.Concat(Seed003Applications.Table.Select(r => "<tr>" + string.Concat(r.Select(c => c.Html)) + "</tr>\n"))}
            </table>
            <p>四、政府信息公开行政复议、行政诉讼情况</p>
            </body></html>
            """;

        var report = new ReportMapper().Map(Read(html));

        Assert.Equal(SourceKinds.Html, report.SourceKind);
        Seed003Applications.AssertMapped(report);
    }

    /// <summary>Quoted-printable as browsers write it: lines of at most 76 characters, escapes never split.</summary>
    private static string QuotedPrintable(byte[] bytes)
    {
        var text = new StringBuilder();
        var line = 0;
        foreach (var token in bytes.Select(b => b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}"))
        {
            if (line + token.Length > 75)
            {
                text.Append("=\r\n");
                line = 0;
            }

            text.Append(token);
            line += token.Length;
        }

        return text.ToString();
    }

    private LayoutDocument Read(string html) => _reader.Read(new InputFile("报告.html", Encoding.UTF8.GetBytes(html)));

    private static LayoutDocument PlainText(string text) => new PlainTextReader().Read(new InputFile("报告.txt", Encoding.UTF8.GetBytes(text)));

    /// <summary>An origin as the reader gives it: a table cell also states its grid column, the one its location names.</summary>
    private static LayoutOrigin At(string location) =>
        new(Location: location, Column: System.Text.RegularExpressions.Regex.Match(location, @"第(\d+)列") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1 : null);

    /// <summary>Blocks as text, so that two readers' output compares regardless of where each block came from.</summary>
    internal static List<string> Shape(LayoutDocument document) =>
        document.Blocks.Select(b => b switch
        {
            LayoutParagraph p => "P " + p.Text,
            LayoutTable t => "T " + string.Join(" / ", t.Rows.Select(r => string.Join("|", r.Cells.Select(c => c.Text)))),
            _ => throw new InvalidOperationException(b.GetType().Name),
        }).ToList();
}
