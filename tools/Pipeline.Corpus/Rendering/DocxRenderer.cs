using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Corpus.Documents;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Rendering;

/// <summary>
/// Prints a report as a Word file: headings as bold paragraphs, tables with gridSpan for
/// horizontal spans and vMerge for the template's merged-down labels.
/// </summary>
public static class DocxRenderer
{
    /// <summary>A4 less 2 cm margins, in twentieths of a point.</summary>
    private const int TextWidth = 9638;

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public static byte[] Render(ReportTruth truth)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // Relationship ids are given: the library would draw random ones, and the bytes would differ per run.
            var main = document.AddNewPart<MainDocumentPart>(MainContentType, "rId1");
            main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = Styles();
            var body = new Body();
            foreach (var block in DocumentLayout.Build(truth))
            {
                body.Append(block.Kind switch
                {
                    BlockKind.Title => Paragraph(block.Text, JustificationValues.Center, bold: true, size: 36),
                    BlockKind.Heading => Paragraph(block.Text, JustificationValues.Left, bold: true, size: 32),
                    BlockKind.Table => Table(block.Table!),
                    BlockKind.Signature or BlockKind.Date => Paragraph(block.Text, JustificationValues.Right),
                    _ => Paragraph(block.Text, JustificationValues.Both, indent: true),
                });
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
        }

        return DeterministicZip.Normalize(buffer.ToArray());
    }

    private static Styles Styles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体" },
            new FontSize { Val = "28" },
            new Languages { Val = "en-US", EastAsia = "zh-CN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "400", LineRule = LineSpacingRuleValues.Auto }))));

    private static Paragraph Paragraph(string text, JustificationValues justification, bool bold = false, int? size = null, bool indent = false)
    {
        var properties = new ParagraphProperties();
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        properties.Append(new Justification { Val = justification });
        return new Paragraph(properties, Run(text, bold, size));
    }

    private static Run Run(string text, bool bold = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (size is { } halfPoints)
        {
            properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(GridTable grid)
    {
        var border = () => new[]
        {
            (OpenXmlElement)new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(border()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(Enumerable.Range(0, grid.ColumnCount).Select(_ => new GridColumn { Width = (TextWidth / grid.ColumnCount).ToString(CultureInfo.InvariantCulture) })));

        foreach (var row in grid.Rows)
        {
            var tableRow = new TableRow();
            foreach (var cell in row.Cells)
            {
                var properties = new TableCellProperties();
                if (cell.ColSpan > 1)
                {
                    properties.Append(new GridSpan { Val = cell.ColSpan });
                }

                if (cell.Continuation)
                {
                    properties.Append(new VerticalMerge());
                }
                else if (cell.RowSpan > 1)
                {
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }

                properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var paragraph = new Paragraph(
                    new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                    Run(cell.Text, size: 18));
                tableRow.Append(new TableCell(properties, paragraph));
            }

            table.Append(tableRow);
        }

        return table;
    }
}
