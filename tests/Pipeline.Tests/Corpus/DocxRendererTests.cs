using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Schema;

namespace Pipeline.Tests.Corpus;

public sealed class DocxRendererTests
{
    [Theory]
    [InlineData(2021)]
    [InlineData(2019)]
    public void TheFileIsValidWordprocessingMl(int year)
    {
        using var document = Open(TruthFactory.Create(year, new TruthOptions(year, Applications: true, Cases: true)));

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void HeadingsAreParagraphsInOrderBetweenTitleAndDate()
    {
        var truth = TruthFactory.Create(21, new TruthOptions(2021, Dated: true));
        using var document = Open(truth);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Equal(truth.Title, paragraphs[0]);
        Assert.Equal(truth.Signature, paragraphs[^2]);
        Assert.Equal($"{truth.Year + 1}年1月{truth.Published!.Value.Day}日", paragraphs[^1]);
        var headings = SectionSchema.Sections.Select(s => paragraphs.IndexOf(s.Heading)).ToList();
        Assert.DoesNotContain(-1, headings);
        Assert.Equal(headings.Order(), headings);
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2020)]
    public void TableThreeRowsFollowTheTemplateWithTheirValuesInColumnOrder(int year)
    {
        var truth = TruthFactory.Create(22, new TruthOptions(year, Applications: true));
        using var document = Open(truth);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ElementAt(1);
        var rows = table.Elements<TableRow>().Skip(3).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();

        Assert.Equal(ApplicationsSchema.Rows(truth.Vintage).Select(r => r.Label), rows.Select(r => r[^8]));
        foreach (var (row, cells) in ApplicationsSchema.Rows(truth.Vintage).Zip(rows))
        {
            Assert.Equal(ApplicationsSchema.Columns.Select(c => truth.Tables.Applications.Get(row.Key, c.Key)!.Value.Printed), cells[^7..]);
        }
    }

    [Fact]
    public void MergedHeaderCellsUseGridSpanAndVerticalMerge()
    {
        using var document = Open(TruthFactory.Create(23, new TruthOptions(2021)));
        var tables = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        var applications = tables[1].Elements<TableRow>().ToList();
        var review = tables[2].Elements<TableRow>().ToList();

        var note = applications[0].Elements<TableCell>().First();
        Assert.Equal(3, note.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(MergedCellValues.Restart, note.TableCellProperties.VerticalMerge!.Val!.Value);
        var below = applications[1].Elements<TableCell>().First().TableCellProperties!;
        Assert.Null(below.VerticalMerge!.Val);
        Assert.Equal(7, applications[0].Elements<TableCell>().ElementAt(1).TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(["行政复议", "行政诉讼"], review[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(15, review[3].Elements<TableCell>().Count());
        Assert.All(tables, t => Assert.Equal(
            t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count(),
            t.Elements<TableRow>().First().Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1)));
    }

    private static WordprocessingDocument Open(ReportTruth truth) =>
        WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(truth)), isEditable: false);
}
