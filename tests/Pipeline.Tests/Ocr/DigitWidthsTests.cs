using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

public sealed class DigitWidthsTests
{
    /// <summary>Ink 40 high; widths as measured on the corpus's print styles, blur included.</summary>
    [Theory]
    [InlineData("1", 19, true)]
    [InlineData("1", 26, true)]
    [InlineData("0", 28, true)]
    [InlineData("11", 42, true)]
    [InlineData("35", 55, true)]
    [InlineData("135", 84, true)]
    [InlineData("1", 42, false)]
    [InlineData("0", 44, false)]
    [InlineData("35", 84, false)]
    public void AReadingMustHaveDigitsEnoughForItsInk(string digits, int width, bool could)
    {
        Assert.Equal(could, DigitWidths.CouldSpan(digits, width, 40));
    }

    /// <summary>Signs, points and commas have no telling width; such readings are left to the other checks.</summary>
    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("减4")]
    public void OnlyPlainDigitsAreJudged(string text)
    {
        Assert.True(DigitWidths.CouldSpan(text, 400, 40));
    }
}
