using Pipeline.Reading;

namespace Pipeline.Tests.Reading;

/// <summary>Lines of running text into paragraphs by their geometry, as OCR and text PDFs give them.</summary>
public sealed class ParagraphBreaksTests
{
    private sealed record Line(string Text, double Left, double Right);

    [Fact]
    public void TitleIndentedParagraphsSignatureAndDateAreSeparate()
    {
        // A4 body from 100 to 700 points, 15-point characters.
        Line[] lines =
        [
            new("某镇2021年政府信息公开工作年度报告", 160, 640), // centred title
            new("根据《条例》要求，现发布本报告。本报告", 130, 700), // first line indented by two characters
            new("所列数据的统计期限为……", 100, 400), // the paragraph's short last line
            new("一、总体情况", 130, 220),
            new("2021年，我镇……", 130, 700),
            new("……取得新进展。", 100, 700),
            new("某镇人民政府", 600, 700), // right-aligned signature
            new("2022年1月14日", 590, 700), // and date
        ];

        var paragraphs = ParagraphBreaks.Split(lines, l => l.Left, l => l.Right, _ => 15).Select(p => string.Concat(p.Select(l => l.Text))).ToList();

        Assert.Equal(
            [
                "某镇2021年政府信息公开工作年度报告",
                "根据《条例》要求，现发布本报告。本报告所列数据的统计期限为……",
                "一、总体情况",
                "2021年，我镇…………取得新进展。",
                "某镇人民政府",
                "2022年1月14日",
            ],
            paragraphs);
    }

    [Fact]
    public void NoLinesNoParagraphs() =>
        Assert.Empty(ParagraphBreaks.Split(Array.Empty<Line>(), l => l.Left, l => l.Right, _ => 15));
}
