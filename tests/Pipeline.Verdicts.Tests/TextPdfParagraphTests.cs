using Pipeline.Imaging;
using Pipeline.Model.Layout;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// Running text of a text-layer PDF into paragraphs: an A4 page whose body runs from 90 to 506 points in
/// 16-point characters (26 to a line), paragraphs indented by two characters, as WPS and Word print it.
/// </summary>
public sealed class TextPdfParagraphTests
{
    private const double Margin = 90;
    private const double Right = 506;
    private const double Glyph = 16;

    private static readonly IReadOnlyList<TableGrid> NoGrids = [];

    /// <summary>A line of Chinese text starting at <paramref name="left"/>, one word per run as pdftotext gives it.</summary>
    private static PdfWord Line(int flow, int line, double left, double right, string text) =>
        new(1, flow, line, left, 100 + (line * 24), right - left, Glyph, text);

    private static List<string> Paragraphs(params PdfWord[] words) =>
        [.. PdfTextLayout.Build(words, _ => NoGrids).OfType<LayoutParagraph>().Select(p => p.Text)];

    [Fact]
    public void AHeadingAtTheIndentOfTheOneLineParagraphBeforeItIsItsOwnParagraph()
    {
        // pdftotext put the one-line paragraph and the heading after it in one flow; both stand two characters in.
        var paragraphs = Paragraphs(
            Line(1, 0, Margin + (2 * Glyph), Right, "本年度收到行政复议申请12件，因政府信息公开引发行政诉讼73件。"),
            Line(1, 1, Margin + (2 * Glyph), Margin + (13 * Glyph), "二、主动公开政府信息情况"));

        Assert.Equal(["本年度收到行政复议申请12件，因政府信息公开引发行政诉讼73件。", "二、主动公开政府信息情况"], paragraphs);
    }

    [Fact]
    public void AHeadingAtTheMarginAfterAFullLineThatEndedASentenceIsItsOwnParagraph()
    {
        var paragraphs = Paragraphs(
            Line(1, 0, Margin + (2 * Glyph), Right, "2024年，我局依法依规做好政府信息公开工作，全年"),
            Line(1, 1, Margin, Right, "共办理各类事项73件，未发生行政诉讼案件，全部按时办结。"),
            Line(1, 2, Margin, Margin + (12 * Glyph), "二、主动公开政府信息情况"));

        Assert.Equal(["2024年，我局依法依规做好政府信息公开工作，全年共办理各类事项73件，未发生行政诉讼案件，全部按时办结。", "二、主动公开政府信息情况"], paragraphs);
    }

    [Fact]
    public void ALineWrappedShortBeforeItsUnitStaysWithItsParagraph()
    {
        // "16件。" may not be split from its 。, so the line stops two and a half characters short.
        var paragraphs = Paragraphs(
            Line(1, 0, Margin + (2 * Glyph), Right, "本年度共收到政府信息公开申请5876件，上年结转"),
            Line(1, 1, Margin, Right - (2.5 * Glyph), "248件，本年度办结6108件，结转下年度继续办理16"),
            Line(1, 2, Margin, Margin + (2 * Glyph), "件。"),
            Line(1, 3, Margin + (2 * Glyph), Right, "（二）依申请公开"));

        Assert.Equal(["本年度共收到政府信息公开申请5876件，上年结转248件，本年度办结6108件，结转下年度继续办理16件。", "（二）依申请公开"], paragraphs);
    }

    [Fact]
    public void AShortHeadingAtTheMarginStillEndsBeforeTheTextUnderIt()
    {
        // A heading falls short of the margin by far more than a wrap does.
        var paragraphs = Paragraphs(
            Line(1, 0, Margin, Margin + (6 * Glyph), "一、总体情况"),
            Line(1, 1, Margin, Right, "2024年，我局依法依规做好政府信息公开工作。"));

        Assert.Equal(["一、总体情况", "2024年，我局依法依规做好政府信息公开工作。"], paragraphs);
    }

    [Fact]
    public void AHeadingThatStopsJustShortStillEndsBeforeTheTextUnderIt()
    {
        // A long numbered heading stops within a wrap's slack of the margin; a heading never runs on.
        var paragraphs = Paragraphs(
            Line(1, 0, Margin, Right - (3 * Glyph), "（三）政府信息公开平台建设情况和政府网站政务公开专栏建设"),
            Line(1, 1, Margin, Right, "2024年，我局依法依规做好政府信息公开工作。"));

        Assert.Equal(2, paragraphs.Count);
    }

    [Fact]
    public void WithoutTextTheGeometryAloneStillSplits()
    {
        double[][] lines = [[Margin + (2 * Glyph), Right], [Margin, Right - (10 * Glyph)], [Margin + (2 * Glyph), Right]];

        var split = ParagraphBreaks.Split(lines, l => l[0], l => l[1], _ => Glyph).Select(p => p.Count).ToList();

        Assert.Equal([2, 1], split);
    }
}
