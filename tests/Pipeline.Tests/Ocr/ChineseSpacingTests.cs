using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

public sealed class ChineseSpacingTests
{
    [Theory]
    [InlineData("自 然 人", "自然人")]
    [InlineData("本 年 新 收 政 府 信 息 公 开 申 请 数 量", "本年新收政府信息公开申请数量")]
    [InlineData("（ 二 ） 部 分 公 开", "（二）部分公开")]
    [InlineData("予 以 公 开 ， 共 12 件 。", "予以公开，共12件。")]
    [InlineData("2021 年", "2021年")]
    [InlineData("自然人\u3000\u3000总计", "自然人总计")]
    public void SpacesNextToChineseGo(string read, string expected) =>
        Assert.Equal(expected, ChineseSpacing.Remove(read));

    [Theory]
    [InlineData("Tesseract 5.3 chi_sim", "Tesseract 5.3 chi_sim")]
    [InlineData("12 205", "12 205")]
    [InlineData("PDF 文件 v2 1", "PDF文件v2 1")]
    [InlineData("say \u201Chello\u201D", "say \u201Chello\u201D")]
    public void SpacesBetweenLatinWordsAndNumbersStay(string read, string expected) =>
        Assert.Equal(expected, ChineseSpacing.Remove(read));

    [Fact]
    public void LineBreaksStayAndLinesLoseTheirEdgeSpaces() =>
        Assert.Equal("一、总体情况\n二、主动公开", ChineseSpacing.Remove(" 一 、 总 体 情 况 \n 二 、 主 动 公 开 "));

    [Fact]
    public void CharactersOutsideTheBasicPlaneCountAsChinese() =>
        Assert.Equal("\U00020000\U00020001", ChineseSpacing.Remove("\U00020000 \U00020001"));
}
