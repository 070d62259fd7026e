using Pipeline.Model.Schema;

namespace Pipeline.Tests.Schema;

public sealed class SectionHeadingsTests
{
    [Theory]
    [InlineData("一、总体情况", "一")]
    [InlineData("一、息体情况", "一")] // 总 misread on a worn scan
    [InlineData("五、存在的主要问题及改进情况", "五")]
    [InlineData("六、其他需要报告的事项", "六")]
    public void AHeadingIsRecognisedUnderItsNumeralWithOneCharacterMisread(string line, string numeral)
    {
        Assert.Equal(numeral, SectionHeadings.Match(line)?.Numeral);
    }

    /// <summary>One character off without the numeral, or under another numeral, is not enough for a four-character title.</summary>
    [Theory]
    [InlineData("息体情况")]
    [InlineData("二、息体情况")]
    [InlineData("一、总体要求")]
    [InlineData("四、结转下年度继续办理")]
    public void ALineThatOnlyResemblesAHeadingIsNotOne(string line)
    {
        Assert.Null(SectionHeadings.Match(line));
    }
}
