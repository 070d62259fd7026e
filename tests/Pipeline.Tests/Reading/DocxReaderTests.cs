using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Mapping;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Reading;
using Cell = Pipeline.Tests.Reading.Seed003Applications.Cell;

namespace Pipeline.Tests.Reading;

public sealed class DocxReaderTests
{
    private static readonly IReadOnlyList<IReadOnlyList<Cell>> Header = Seed003Applications.Table.Take(4).ToList();

    private readonly DocxReader _reader = new();

    [Fact]
    public void GridSpanAndVerticalMergeGiveSpansWithoutContinuationCells()
    {
        var layout = Read(WordTable(Header));

        var table = Assert.Single(layout.Tables);
        Assert.Equal([2, 3, 5, 8], table.Rows.Select(r => r.Cells.Count));
        var note = table.Rows[0].Cells[0];
        Assert.Equal((3, 3), (note.RowSpan, note.ColumnSpan));
        Assert.StartsWith("（本列数据的勾稽关系为", note.Text, StringComparison.Ordinal);
        Assert.Equal(new LayoutCell("申请人情况", At("表格1 第1行 第4列"), 1, 7), table.Rows[0].Cells[1]);
        Assert.Equal(new LayoutCell("自然人", At("表格1 第2行 第4列"), 2, 1), table.Rows[1].Cells[0]);
        Assert.Equal(new LayoutCell("商业企业", At("表格1 第3行 第5列")), table.Rows[2].Cells[0]);
        Assert.Equal(["一、本年新收政府信息公开申请数量", "4", "0", "0", "0", "0", "0", "4"], table.Rows[3].Cells.Select(c => c.Text));
        Assert.DoesNotContain(table.Cells, c => c.Text.Length == 0);
    }

    [Fact]
    public void WordTableReadsAsTheSameTableInHtml()
    {
        var html = "<table>" + string.Concat(Seed003Applications.Table.Select(r => "<tr>" + string.Concat(r.Select(c => c.Html)) + "</tr>")) + "</table>";
        var fromHtml = new HtmlReader().Read(new InputFile("a.html", Encoding.UTF8.GetBytes(html)));

        var fromWord = Read(WordTable(Seed003Applications.Table));

        Assert.Equal(fromHtml.Tables.Single().Rows.SelectMany(r => r.Cells), fromWord.Tables.Single().Rows.SelectMany(r => r.Cells));
        Assert.Equal(fromHtml.Tables.Single().Rows.Select(r => r.Cells.Count), fromWord.Tables.Single().Rows.Select(r => r.Cells.Count));
    }

    [Fact]
    public void VerticalMergeWithoutExplicitValueContinues()
    {
        var table = new Table(
            new TableRow(MergedCell("三、本年度办理结果", restart: true), TextCell("（一）予以公开")),
            new TableRow(MergedCell(string.Empty, restart: false), TextCell("（二）部分公开")),
            new TableRow(MergedCell(string.Empty, restart: false), TextCell("（七）总计")),
            new TableRow(TextCell("四、结转下年度继续办理"), TextCell("1")));

        var rows = Read(table).Tables.Single().Rows;

        Assert.Equal([2, 1, 1, 2], rows.Select(r => r.Cells.Count));
        Assert.Equal(3, rows[0].Cells[0].RowSpan);
        Assert.Equal("表格1 第2行 第2列", rows[1].Cells[0].Origin.Location);
        Assert.Equal(1, rows[3].Cells[0].RowSpan);
    }

    [Fact]
    public void CellParagraphsJoinAsLinesAndAreTidied()
    {
        var cell = new TableCell(Para("商业"), Para("  企业 "), new Paragraph());
        var nested = new TableCell(new Table(new TableRow(TextCell("结果维持"), TextCell("结果纠正"))), new Paragraph());

        var table = Read(new Table(new TableRow(cell, nested, TextCell("行政\n诉讼")))).Tables.Single();

        Assert.Equal(["商业 企业", "结果维持 结果纠正", "行政 诉讼"], table.Cells.Select(c => c.Text));
    }

    [Fact]
    public void TabSeparatedParagraphsBecomeATable()
    {
        var layout = Read(
            Para("二、主动公开政府信息情况"),
            Para("信息内容\t本年制发件数\t本年废止件数\t现行有效件数"),
            Para("规章\t0\t0\t0"),
            Para("行政规范性文件\t1\t0\t5"),
            Para("三、收到和处理政府信息公开申请情况"));

        Assert.Equal(
            ["P 二、主动公开政府信息情况", "T 信息内容|本年制发件数|本年废止件数|现行有效件数 / 规章|0|0|0 / 行政规范性文件|1|0|5", "P 三、收到和处理政府信息公开申请情况"],
            HtmlReaderTests.Shape(layout));
        Assert.Equal("段落3", layout.Tables.Single().Rows[1].Cells[0].Origin.Location);
    }

    /// <summary>Every seed typed into Word line by line, tabs as tabs, reads as the .txt does.</summary>
    [Theory]
    [MemberData(nameof(HtmlReaderTests.Seeds), MemberType = typeof(HtmlReaderTests))]
    public void SeedTextTypedAsParagraphsReadsLikeTheTextFile(string seed)
    {
        var text = File.ReadAllText(TestFiles.Seed(seed));
        var plain = new PlainTextReader().Read(new InputFile("a.txt", Encoding.UTF8.GetBytes(text)));

        var layout = Read([.. text.Split('\n').Select(l => Para(l.TrimEnd('\r')))]);

        Assert.Equal(HtmlReaderTests.Shape(plain), HtmlReaderTests.Shape(layout));
    }

    [Fact]
    public void LineBreaksSplitAParagraphIntoLines()
    {
        var layout = Read(Para("2021年，我镇主动公开政府信息71条。\n全文电子化率达100%。"));

        Assert.Equal(["2021年，我镇主动公开政府信息71条。", "全文电子化率达100%。"], layout.Paragraphs.Select(p => p.Text));
        Assert.All(layout.Paragraphs, p => Assert.Equal("段落1", p.Origin.Location));
    }

    [Fact]
    public void BodyIsReadInOrderThroughContentControls()
    {
        var layout = Read(
            Para("某某局2021年政府信息公开工作年度报告"),
            new SdtBlock(new SdtProperties(new SdtAlias { Val = "正文" }), new SdtContentBlock(Para("一、总体情况"), new Table(new TableRow(TextCell("规章"), TextCell("0"))))),
            new SdtBlock(new SdtProperties(new ShowingPlaceholder()), new SdtContentBlock(Para("单击或点击此处输入文字。"))),
            new Paragraph(
                new Run(new Text("六、其他")),
                new DeletedRun(new Run(new DeletedText("删除的字"))),
                new Run(new RunProperties(new Vanish()), new Text("隐藏的字")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGE ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Hyperlink(new Run(new Text("需要报告的事项"))),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));

        Assert.Equal(["P 某某局2021年政府信息公开工作年度报告", "P 一、总体情况", "T 规章|0", "P 六、其他需要报告的事项"], HtmlReaderTests.Shape(layout));
        Assert.Equal(["段落1", "段落2", "段落3"], layout.Paragraphs.Select(p => p.Origin.Location));
    }

    [Fact]
    public void WebPageImportedAsAltChunkIsRead()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var chunk = main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html);
            using (var html = new MemoryStream(Encoding.UTF8.GetBytes("<html><body><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>")))
            {
                chunk.FeedData(html);
            }

            main.Document = new Document(new Body(Para("标题"), new AltChunk { Id = main.GetIdOfPart(chunk) }));
        }

        var layout = _reader.Read(new InputFile("报告.docx", stream.ToArray()));

        Assert.Equal(["P 标题", "P 一、总体情况", "T 规章|0"], HtmlReaderTests.Shape(layout));
    }

    [Fact]
    public void ApplicationsTableOfSeed003MapsAsInTheTextFile()
    {
        var layout = Read(
            Para("南郊镇2021年度政府信息公开工作年度报告"),
            Para("三、收到和处理政府信息公开申请情况"),
            WordTable(Seed003Applications.Table),
            Para("四、政府信息公开行政复议、行政诉讼情况"));

        var report = new ReportMapper().Map(layout);

        Assert.Equal(SourceKinds.Docx, report.SourceKind);
        Seed003Applications.AssertMapped(report);
    }

    [Fact]
    public void CanReadSniffsBytesBeforeTheName()
    {
        var docx = Docx(Para("一、总体情况"));

        Assert.True(_reader.CanRead(new InputFile("报告.docx", docx)));
        Assert.True(_reader.CanRead(new InputFile("upload.bin", docx)));
        Assert.True(_reader.CanRead(new InputFile("报告.doc", Ole("WordDocument"))));
        Assert.True(_reader.CanRead(new InputFile("upload", Ole("EncryptedPackage"))));
        Assert.True(_reader.CanRead(new InputFile("报告.docx", Docx(Para("x"))[..100])));
        Assert.False(_reader.CanRead(new InputFile("报告.docx", Encoding.UTF8.GetBytes("<html><body><p>一、总体情况</p></body></html>"))));
        Assert.False(_reader.CanRead(new InputFile("报告.docx", Encoding.UTF8.GetBytes("一、总体情况"))));
        Assert.False(_reader.CanRead(new InputFile("数据.zip", Zip("hello.txt", "hi"))));
        Assert.False(_reader.CanRead(new InputFile("x.xls", Ole("Workbook"))));
    }

    public static TheoryData<string, byte[], string> UnreadableInputs() => new()
    {
        { "empty", [], "文件是空的" },
        { "old Word", Ole("WordDocument"), "旧版 Word 文档（.doc）" },
        { "encrypted", Ole("EncryptedPackage"), "已加密" },
        { "other OLE", Ole("Contents"), "旧版 Word（.doc）或已加密" },
        { "rtf", Encoding.ASCII.GetBytes("{\\rtf1\\ansi 一、总体情况}"), "RTF" },
        { "text", Encoding.UTF8.GetBytes("一、总体情况"), "不是 Word 文档" },
        { "truncated", Docx(Para("一、总体情况"))[..400], "已损坏" },
        { "zip without Word body", Zip("xl/workbook.xml", "<workbook/>"), "没有 Word 正文" },
        { "malformed XML", WithDocumentXml("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"), "已损坏" },
        { "no text", Docx(new Paragraph(), new Paragraph(new Run(new Text("  ")))), "没有找到正文文字" },
    };

    [Theory]
    [MemberData(nameof(UnreadableInputs))]
    public void UnreadableInputGivesAChineseReason(string what, byte[] bytes, string reason)
    {
        var e = Assert.Throws<UnreadableException>(() => _reader.Read(new InputFile("报告.docx", bytes)));

        Assert.True(e.Message.Contains(reason, StringComparison.Ordinal), $"{what}: {e.Message}");
    }

    [Fact]
    public void DamagedFilesNeverThrowAnythingButUnreadable()
    {
        var good = Docx(Para("一、总体情况"), WordTable(Header), Para("规章\t0\t0\t0"));
        var random = new Random(2021);
        var inputs = Enumerable.Range(0, good.Length / 5).Select(i => good[..(i * 5)]).ToList();
        for (var i = 0; i < 400; i++)
        {
            var damaged = (byte[])good.Clone();
            for (var j = random.Next(1, 6); j > 0; j--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            inputs.Add(damaged);
        }

        foreach (var input in inputs)
        {
            try
            {
                Assert.NotEmpty(_reader.Read(new InputFile("报告.docx", input)).Blocks);
            }
            catch (UnreadableException e)
            {
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message);
            }
        }
    }

    private LayoutDocument Read(params OpenXmlElement[] body) => _reader.Read(new InputFile("报告.docx", Docx(body)));

    /// <summary>An origin as the reader gives it: a table cell also states its grid column, the one its location names.</summary>
    private static LayoutOrigin At(string location) =>
        new(Location: location, Column: System.Text.RegularExpressions.Regex.Match(location, @"第(\d+)列") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1 : null);

    private static byte[] Docx(params OpenXmlElement[] body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(body));
        }

        return stream.ToArray();
    }

    /// <summary>A valid .docx whose document.xml is replaced by the given text.</summary>
    private static byte[] WithDocumentXml(string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(Docx(Para("x")));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }

    private static byte[] Zip(string name, string content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(content);
        }

        return stream.ToArray();
    }

    /// <summary>An OLE compound file header followed by a directory entry naming one stream.</summary>
    private static byte[] Ole(string stream) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes(stream), .. new byte[64]];

    /// <summary>A paragraph typed as the text reads: '\t' is a tab, '\n' a line break.</summary>
    private static Paragraph Para(string text)
    {
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var cells = lines[i].Split('\t');
            for (var j = 0; j < cells.Length; j++)
            {
                if (j > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new Text(cells[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        return new Paragraph(run);
    }

    private static TableCell TextCell(string text) => new(Para(text));

    private static TableCell MergedCell(string text, bool restart) =>
        new(new TableCellProperties(restart ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge()), Para(text));

    /// <summary>
    /// The Word form of an HTML-style table: a cell spanning rows is a vMerge restart with an empty
    /// vMerge continuation in each row below; a cell spanning columns has a gridSpan.
    /// </summary>
    private static Table WordTable(IReadOnlyList<IReadOnlyList<Cell>> rows)
    {
        var table = new Table();
        var below = new Dictionary<int, (int RowsLeft, int Span)>();
        foreach (var cells in rows)
        {
            var row = new TableRow();
            var pending = new Queue<Cell>(cells);
            var column = 0;
            while (pending.Count > 0 || below.Keys.Any(k => k >= column))
            {
                if (below.TryGetValue(column, out var merge))
                {
                    row.Append(WordCell(string.Empty, merge.Span, new VerticalMerge()));
                    if (merge.RowsLeft == 1)
                    {
                        below.Remove(column);
                    }
                    else
                    {
                        below[column] = (merge.RowsLeft - 1, merge.Span);
                    }

                    column += merge.Span;
                    continue;
                }

                var cell = pending.Dequeue();
                row.Append(WordCell(cell.Text, cell.ColumnSpan, cell.RowSpan > 1 ? new VerticalMerge { Val = MergedCellValues.Restart } : null));
                if (cell.RowSpan > 1)
                {
                    below[column] = (cell.RowSpan - 1, cell.ColumnSpan);
                }

                column += cell.ColumnSpan;
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell WordCell(string text, int span, VerticalMerge? merge)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is not null)
        {
            properties.Append(merge);
        }

        return new TableCell(properties, Para(text));
    }
}
