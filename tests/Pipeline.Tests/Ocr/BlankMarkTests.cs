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

    [Fact]
    public void WuReadAsChineseIsTakenAsRead()
    {
        var cell = RenderedText.SerifCell("无", 110, 60, 32, 0);

        Assert.Equal(new OcrText("无", 0.95), BlankMark.Read(cell, new OcrText("无", 0.95)));
    }
}
