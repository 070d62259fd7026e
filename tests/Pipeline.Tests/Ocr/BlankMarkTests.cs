using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

/// <summary>
/// Blank marks in a number cell, drawn in the serif face the corpus prints tables in. A dash is told by its
/// shape alone (the Chinese reading takes it for 一); a "-1" is never a dash, whatever the models made of it.
/// </summary>
public sealed class BlankMarkTests
{
    [Theory]
    [InlineData("-", 32)]
    [InlineData("-", 40)]
    [InlineData("—", 32)]
    [InlineData("—", 40)]
    public void ALoneBarIsADash(string mark, int size)
    {
        var cell = RenderedText.SerifCell(mark, 110, 60, size, 0);

        var read = BlankMark.Read(cell, new OcrText("一", 0.8));

        Assert.Equal("-", read?.Text);
        Assert.True(read!.Confidence >= 0.9);
    }

    [Fact]
    public void ASlashReadAsOneIsTakenWhenItsInkIsOneUprightPiece()
    {
        var cell = RenderedText.SerifCell("/", 110, 60, 32, 0);

        Assert.Equal("/", BlankMark.Read(cell, new OcrText("/", 0.88))?.Text);
    }

    /// <summary>Numbers are no mark, even where a model read them as a slash (a lone 1 can be).</summary>
    [Theory]
    [InlineData("-1")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("12")]
    [InlineData("7")]
    public void NumbersAreNoMark(string number)
    {
        var cell = RenderedText.SerifCell(number, 110, 60, 32, 0);

        Assert.Null(BlankMark.Read(cell, new OcrText("/", 0.9)));
    }

    /// <summary>
    /// "-1" in small serif type: both models drop the thin minus and read a sure "1". With a bar of ink before
    /// the digits the reading is held doubtful; a plain "1" or "10" keeps its confidence.
    /// </summary>
    [Fact]
    public void ANumberReadWithoutTheMinusBeforeItIsNotSure()
    {
        using var pool = new EnginePool();
        var cells = new CellRecognizer(pool);

        var signed = cells.ReadNumber(RenderedText.SerifCell("-1", 110, 60, 24, 0));
        var plain = cells.ReadNumber(RenderedText.SerifCell("1", 110, 60, 24, 0));
        var ten = cells.ReadNumber(RenderedText.SerifCell("10", 110, 60, 24, 0));

        Assert.True(signed.Text == "-1" || signed.Confidence < 0.9, $"'{signed.Text}' {signed.Confidence}");
        Assert.Equal("1", plain.Text);
        Assert.True(plain.Confidence >= 0.9);
        Assert.Equal("10", ten.Text);
        Assert.True(ten.Confidence >= 0.9);
    }

    [Fact]
    public void WuReadAsChineseIsTakenAsRead()
    {
        var cell = RenderedText.SerifCell("无", 110, 60, 32, 0);

        Assert.Equal(new OcrText("无", 0.95), BlankMark.Read(cell, new OcrText("无", 0.95)));
    }
}
