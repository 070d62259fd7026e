using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

public sealed class NumberPatternTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1024")]
    [InlineData("-4")]
    [InlineData("+2")]
    [InlineData("12.5")]
    [InlineData("1,024")]
    [InlineData("12,345.67")]
    [InlineData("减4")]
    [InlineData("增加2")]
    public void NumbersAsPrintedAreNumbers(string text) => Assert.True(NumberPattern.IsMatch(text));

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("12-3")]
    [InlineData("1 024")]
    [InlineData("10,24")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("减")]
    [InlineData("加2")]
    [InlineData("增2")]
    [InlineData("１２")]
    [InlineData("12\n")]
    public void AnythingElseIsNot(string text) => Assert.False(NumberPattern.IsMatch(text));

    [Fact]
    public void ChangesWrittenInChineseAreNotPlain()
    {
        Assert.True(NumberPattern.IsPlain("-4"));
        Assert.False(NumberPattern.IsPlain("减4"));
        Assert.False(NumberPattern.IsPlain("增加2"));
    }
}
