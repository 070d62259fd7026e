using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Rendering;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Tests.Corpus;

public sealed partial class HtmlRendererTests
{
    [Theory]
    [InlineData(2021)]
    [InlineData(2020)]
    public void TablesAreRealTablesWithTheTemplatesSpans(int year)
    {
        var truth = TruthFactory.Create(year, new TruthOptions(year, Applications: true, Cases: true));
        var html = HtmlRenderer.Render(truth);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<table>"));
        Assert.Contains($"<td colspan=\"3\" rowspan=\"3\">", html.Replace("rowspan=\"3\" colspan=\"3\"", "colspan=\"3\" rowspan=\"3\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var resultRows = ApplicationsSchema.Rows(truth.Vintage).Count(r => r.Parent is not null);
        Assert.Contains($"<td rowspan=\"{resultRows}\">三、本年度办理结果</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"8\">（三）不予公开</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"2\">结果维持</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{truth.Title}</h1>", html, StringComparison.Ordinal);
        Assert.All(SectionSchema.Sections, s => Assert.Contains($"<h2>{s.Heading}</h2>", html, StringComparison.Ordinal));
    }

    [Fact]
    public void TheFontListEndsInACjkFontChromiumCanPrint()
    {
        var html = HtmlRenderer.Render(TruthFactory.Create(1));

        Assert.Matches("font-family: [^;]*\"Noto Sans CJK SC\";", html);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EachRowOfTableThreeHoldsItsSevenValuesInColumnOrder(bool flattened)
    {
        var truth = TruthFactory.Create(12, new TruthOptions(2021, Applications: true));
        var html = HtmlRenderer.Render(truth, flattened);

        foreach (var row in ApplicationsSchema.Rows(truth.Vintage))
        {
            var values = ApplicationsSchema.Columns.Select(c => truth.Tables.Applications.Get(row.Key, c.Key)!.Value.Printed).ToList();
            if (flattened)
            {
                Assert.Contains($"{row.Label} {string.Join(' ', values)}</p>", html, StringComparison.Ordinal);
            }
            else
            {
                var tr = TableRows().Matches(html).Select(m => m.Value).Single(r => r.Contains($">{row.Label}</td>", StringComparison.Ordinal));
                var cells = Cells().Matches(tr).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
                Assert.Equal(values, cells[^7..]);
            }
        }
    }

    [Fact]
    public void FlattenedPagesHaveNoTablesButEveryLabel()
    {
        var truth = TruthFactory.Create(13, new TruthOptions(2019));
        var html = HtmlRenderer.Render(truth, flattened: true);

        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        var text = ChineseText.Fold(WebUtility.HtmlDecode(html));
        Assert.All(FormatLabels.Of(truth.Vintage), label => Assert.Contains(ChineseText.Fold(label), text, StringComparison.Ordinal));
    }

    [GeneratedRegex("<tr>.*?</tr>")]
    private static partial Regex TableRows();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex Cells();
}
