using Pipeline.Model.Layout;
using Pipeline.Reading;

namespace Pipeline.Tests.Reading;

public sealed class TextLayoutBuilderTests
{
    private static IReadOnlyList<LayoutBlock> Build(params string[] lines) =>
        TextLayoutBuilder.Build(lines.Select((l, i) => new TextLine(l, LayoutOrigin.AtLine(i + 1))).ToList());

    [Fact]
    public void SpaceSeparatedRowsAndTheHeaderLinesAboveThemBecomeTableRows()
    {
        var blocks = Build(
            "信息内容 本年制发件数 本年废止件数 现行有效件数",
            "规章 0 0 0",
            "行政规范性文件 2 0 20",
            "第二十条第（五）项",
            "信息内容 本年收费金额（单位：万元）",
            "行政事业性收费 79",
            "0 0 0 0 0");

        Assert.Collection(
            blocks,
            b => Assert.Equal([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"], ["行政规范性文件", "2", "0", "20"]], Cells(b)),
            b => Assert.Equal("第二十条第（五）项", Assert.IsType<LayoutParagraph>(b).Text),
            b => Assert.Equal([["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "79"], ["0", "0", "0", "0", "0"]], Cells(b)));
    }

    [Fact]
    public void ATitleWithSpacesIsNotATableHeader()
    {
        var blocks = Build("西工区汉屯路街道办事处 2023 年政府信息公开工作 年度报告", "", "一、总体情况");

        Assert.All(blocks, b => Assert.IsType<LayoutParagraph>(b));
    }

    [Fact]
    public void SentencesEndingInANumberAreNotRows()
    {
        var blocks = Build("2021年，我镇共收到政府信息公开申请 17", "本年度办结申请，其中予以公开 3");

        Assert.All(blocks, b => Assert.IsType<LayoutParagraph>(b));
    }

    [Fact]
    public void WrappedCellTextInOneCellPerLineStyleJoinsTheCellAbove()
    {
        var blocks = Build("\t商业", "", "企业", "\t科研", "机构", "\t0");

        Assert.Equal([["商业企业"], ["科研机构"], ["0"]], Cells(Assert.Single(blocks)));
    }

    private static string[][] Cells(LayoutBlock block) =>
        Assert.IsType<LayoutTable>(block).Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray();
}
