using System.IO.Compression;
using System.Security;
using System.Text;

namespace Pipeline.Corpus.Independent;

/// <summary>
/// The report as a Word document, written by hand in WordprocessingML as Word and WPS save it: merged header cells
/// as gridSpan and vMerge, headings set in 黑体 by direct formatting (official style) or by a heading style (plain), numbers
/// centred or right-aligned in shaded tables, and text cut into runs at arbitrary places, as editing leaves it. Table
/// 三 split "bare" is two tables, the second going on without a header, as a table cut in two in Word is.
/// Independent of the product: nothing here is taken from its reader or schema.
/// </summary>
public static class DocxPage
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static byte[] Render(Draft draft, PrintStyle style, Random random)
    {
        var body = new StringBuilder();
        var writer = new Writer(body, style, random);
        if (style.Body == "official")
        {
            writer.Title(draft.Agency, $"{draft.Year}年政府信息公开工作年度报告");
        }
        else
        {
            writer.Title(draft.Title);
        }

        writer.Paragraph($"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，{draft.Agency}编制本报告。本报告中所列数据的{draft.Period}。本报告电子版可在{draft.Agency}门户网站查阅。");
        for (var s = 0; s < 6; s++)
        {
            if (draft.Headings[s] is { } title)
            {
                writer.Heading(title);
            }

            foreach (var paragraph in draft.Texts[s])
            {
                writer.Paragraph(paragraph);
            }

            switch (s)
            {
                case 1: Disclosure(writer, draft); break;
                case 2: Applications(writer, draft, style); break;
                case 3: Cases(writer, draft); break;
            }
        }

        writer.Signature(draft.Agency, spaceBefore: true);
        writer.Signature($"{draft.Published.Year}年{draft.Published.Month}月{draft.Published.Day}日", spaceBefore: false);
        return Package(body.ToString());
    }

    /// <summary>Table 二 on a grid of the label and six narrow columns, so that items of one, two or three values share it.</summary>
    private static void Disclosure(Writer writer, Draft draft)
    {
        var items = draft.Format == "2021" ? OfficialTemplate.Disclosure2021 : OfficialTemplate.Disclosure2019;
        var table = writer.Table([2200, .. Enumerable.Repeat(1100, 6)]);
        foreach (var item in items)
        {
            var span = 6 / item.Columns.Length;
            table.Row(header: false, [new Cell(item.Heading, Span: 7, Head: true)]);
            table.Row(header: false, [new Cell("信息内容", Head: true), .. item.Columns.Select(c => new Cell(c.Label, Span: span, Head: true))]);
            foreach (var (row, label) in item.Rows)
            {
                table.Row(header: false, [new Cell(label), .. item.Columns.Select(c => new Cell(draft.Cells[$"activeDisclosure.{row}.{c.Key}"], Span: span, Number: true))]);
            }
        }

        table.End();
    }

    private static void ApplicationsHeader(Writer.TableWriter table, bool repeat)
    {
        table.Row(repeat, [new Cell(OfficialTemplate.IdentityNote, Span: 3, Merge: "restart", Head: true), new Cell("申请人情况", Span: 7, Head: true)]);
        table.Row(repeat, [new Cell(string.Empty, Span: 3, Merge: "continue"), new Cell("自然人", Merge: "restart", Head: true), new Cell("法人或其他组织", Span: 5, Head: true), new Cell("总计", Merge: "restart", Head: true)]);
        table.Row(repeat,
        [
            new Cell(string.Empty, Span: 3, Merge: "continue"), new Cell(string.Empty, Merge: "continue"),
            .. OfficialTemplate.ApplicantColumns.Skip(1).SkipLast(1).Select(c => new Cell(c.Label, Head: true)),
            new Cell(string.Empty, Merge: "continue"),
        ]);
    }

    private static void Applications(Writer writer, Draft draft, PrintStyle style)
    {
        var rows = (draft.Format == "2021" ? OfficialTemplate.Applications2021 : OfficialTemplate.Applications2019)
            .Where(r => !draft.OmittedRows.Contains(r.Key)).ToList();
        int[] grid = [700, 1100, 2600, .. Enumerable.Repeat(800, 7)];
        var table = writer.Table(grid);
        ApplicationsHeader(table, style.Split == "repeat");

        // "bare": the table is cut in two before （四）无法提供, and the second part starts with its first row.
        var cutAt = style.Split == "bare" ? rows.FindIndex(r => r.Key.StartsWith("unableToProvide.", StringComparison.Ordinal)) : -1;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var fresh = i == cutAt;
            if (fresh)
            {
                table.End();
                table = writer.Table(grid);
            }

            var cells = new List<Cell>();
            if (row.Group is null)
            {
                cells.Add(new Cell(row.Label, Span: 3));
            }
            else
            {
                var first = rows.FindIndex(r => r.Group is not null);
                cells.Add(i == first || fresh ? new Cell("三、本年度办理结果", Merge: "restart") : new Cell(string.Empty, Merge: "continue"));
                if (row.Group == "三、本年度办理结果")
                {
                    cells.Add(new Cell(row.Label, Span: 2));
                }
                else
                {
                    cells.Add(fresh || rows[i - 1].Group != row.Group ? new Cell(row.Group, Merge: "restart") : new Cell(string.Empty, Merge: "continue"));
                    cells.Add(new Cell(row.Label));
                }
            }

            cells.AddRange(OfficialTemplate.ApplicantColumns.Select(c => new Cell(draft.Cells[$"applications.{row.Key}.{c.Key}"], Number: true)));

            table.Row(header: false, [.. cells]);
        }

        table.End();
    }

    private static void Cases(Writer writer, Draft draft)
    {
        var table = writer.Table([.. Enumerable.Repeat(620, 15)]);
        table.Row(header: false, [new Cell("行政复议", Span: 5, Head: true), new Cell("行政诉讼", Span: 10, Head: true)]);
        table.Row(header: false,
        [
            .. OfficialTemplate.CaseColumns.Select(c => new Cell(c.Label, Merge: "restart", Head: true)),
            new Cell("未经复议直接起诉", Span: 5, Head: true), new Cell("复议后起诉", Span: 5, Head: true),
        ]);
        table.Row(header: false,
        [
            .. OfficialTemplate.CaseColumns.Select(_ => new Cell(string.Empty, Merge: "continue")),
            .. Enumerable.Range(0, 2).SelectMany(_ => OfficialTemplate.CaseColumns.Select(c => new Cell(c.Label, Head: true))),
        ]);
        table.Row(header: false, [.. OfficialTemplate.CaseGroups.SelectMany(g => OfficialTemplate.CaseColumns.Select(c => new Cell(draft.Cells[$"reviewLitigation.{g.Key}.{c.Key}"], Number: true)))]);
        table.End();
    }

    /// <param name="Merge">vMerge: "restart" starts a cell merged down, "continue" goes on with the one above.</param>
    private sealed record Cell(string Text, int Span = 1, string? Merge = null, bool Head = false, bool Number = false);

    private sealed class Writer(StringBuilder body, PrintStyle style, Random random)
    {
        private readonly string bodyFont = style.Body == "official" ? "仿宋_GB2312" : "宋体";

        public void Title(params string[] lines)
        {
            body.Append("<w:p><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/></w:pPr>");
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    body.Append("<w:r><w:br/></w:r>");
                }

                Runs(lines[i], "方正小标宋简体", 36);
            }

            body.Append("</w:p>");
        }

        public void Heading(string text)
        {
            if (style.Body == "official")
            {
                body.Append("<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>");
                Runs(text, "黑体", 32);
            }
            else
            {
                body.Append("<w:p><w:pPr><w:pStyle w:val=\"2\"/></w:pPr>");
                Runs(text, null, 0);
            }

            body.Append("</w:p>");
        }

        public void Paragraph(string text)
        {
            body.Append("<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>");
            Runs(text, bodyFont, 32);
            body.Append("</w:p>");
        }

        public void Signature(string text, bool spaceBefore)
        {
            body.Append($"<w:p><w:pPr>{(spaceBefore ? "<w:spacing w:before=\"480\"/>" : string.Empty)}<w:jc w:val=\"right\"/></w:pPr>");
            Runs(text, bodyFont, 32);
            body.Append("</w:p>");
        }

        public TableWriter Table(int[] grid) => new(this, grid);

        /// <summary>The text in one to three runs cut at random places, sometimes with a proofing mark between, as Word leaves an edited paragraph.</summary>
        private void Runs(string text, string? font, int halfPoints)
        {
            var cuts = Enumerable.Range(0, text.Length < 4 ? 0 : random.Next(3)).Select(_ => random.Next(1, text.Length)).Distinct().Order().ToList();
            var start = 0;
            foreach (var end in cuts.Append(text.Length))
            {
                if (start > 0 && random.Next(4) == 0)
                {
                    body.Append("<w:proofErr w:type=\"gramStart\"/>");
                }

                body.Append("<w:r>");
                if (font is not null || halfPoints > 0)
                {
                    body.Append("<w:rPr>");
                    if (font is not null)
                    {
                        body.Append($"<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"{font}\" w:hAnsi=\"Times New Roman\"/>");
                    }

                    body.Append(halfPoints > 0 ? $"<w:sz w:val=\"{halfPoints}\"/><w:szCs w:val=\"{halfPoints}\"/>" : string.Empty);
                    body.Append("</w:rPr>");
                }

                body.Append($"<w:t xml:space=\"preserve\">{SecurityElement.Escape(text[start..end])}</w:t></w:r>");
                start = end;
            }
        }

        public sealed class TableWriter
        {
            private readonly Writer writer;
            private readonly int[] grid;

            public TableWriter(Writer writer, int[] grid)
            {
                this.writer = writer;
                this.grid = grid;
                var frame = writer.Style.Tables == "shaded" ? 18 : 4;
                var body = writer.Body;
                body.Append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:jc w:val=\"center\"/><w:tblBorders>");
                foreach (var side in new[] { "top", "left", "bottom", "right" })
                {
                    body.Append($"<w:{side} w:val=\"single\" w:sz=\"{frame}\" w:space=\"0\" w:color=\"000000\"/>");
                }

                body.Append("<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
                body.Append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
                foreach (var width in grid)
                {
                    body.Append($"<w:gridCol w:w=\"{width}\"/>");
                }

                body.Append("</w:tblGrid>");
            }

            public void Row(bool header, Cell[] cells)
            {
                var body = writer.Body;
                body.Append(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
                var column = 0;
                foreach (var cell in cells)
                {
                    var width = grid.Skip(column).Take(cell.Span).Sum();
                    column += cell.Span;
                    body.Append($"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
                    body.Append(cell.Span > 1 ? $"<w:gridSpan w:val=\"{cell.Span}\"/>" : string.Empty);
                    body.Append(cell.Merge switch { "restart" => "<w:vMerge w:val=\"restart\"/>", "continue" => "<w:vMerge/>", _ => string.Empty });
                    body.Append(cell.Head && writer.Style.Tables == "shaded" ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D0D0D0\"/>" : string.Empty);
                    body.Append("<w:vAlign w:val=\"center\"/></w:tcPr>");
                    var align = cell.Number && writer.Style.Tables == "shaded" ? "right" : cell.Number || cell.Head ? "center" : "left";
                    body.Append($"<w:p><w:pPr><w:jc w:val=\"{align}\"/></w:pPr>");
                    if (cell.Text.Length > 0)
                    {
                        writer.Runs(cell.Text, writer.bodyFont, 18);
                    }

                    body.Append("</w:p></w:tc>");
                }

                body.Append("</w:tr>");
            }

            public void End() => writer.Body.Append("</w:tbl><w:p/>");
        }

        public StringBuilder Body => body;

        public PrintStyle Style => style;
    }

    private static byte[] Package(string body)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
                "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>" +
                "</Types>");
            Entry(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
                "</Relationships>");
            Entry(zip, "word/_rels/document.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
                "</Relationships>");

            // WPS names its heading styles by number ("2" for 标题 2); Word by "Heading2". The reader must go by the
            // style's name and outline level, not its id.
            Entry(zip, "word/styles.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles xmlns:w=\"{Main}\">" +
                "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:style>" +
                "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/><w:next w:val=\"a\"/>" +
                "<w:pPr><w:keepNext/><w:spacing w:before=\"260\" w:after=\"260\"/><w:outlineLvl w:val=\"1\"/></w:pPr>" +
                "<w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>" +
                "</w:styles>");
            Entry(zip, "word/document.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{Main}\"><w:body>{body}" +
                "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>" +
                "</w:body></w:document>");
        }

        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
