using Pipeline.Imaging;
using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

/// <summary>
/// The real PP-OCRv4 models (installed by scripts/bootstrap.sh; missing models fail these tests) reading lines,
/// headings and cells drawn at test time by ImageMagick in Noto CJK.
/// </summary>
public sealed class PaddleRecognizerTests
{
    private static readonly string[] Worn = ["-blur", "0x1.2", "-attenuate", "0.6", "+noise", "Gaussian", "-quality", "60"];

    private const string Digits = "0123456789.,-+";

    private static PaddleRecognizer Paddle => PaddleRecognizer.Shared();

    [Theory]
    [InlineData("六、其他需要报告的事项")]
    [InlineData("一、总体情况")]
    [InlineData("政府信息公开工作年度报告")]
    public void HeadingsAreReadExactly(string heading)
    {
        var read = Paddle.Read([RenderedText.Cell(heading, 900, 80, pointSize: 40)])[0];

        Assert.Equal(heading, read.Text);
        Assert.True(read.Confidence > 0.9, $"{heading}: {read.Confidence}");
        Assert.Equal(heading.Length, read.Characters.Count);
        Assert.All(read.Characters, c => Assert.InRange(c.Confidence, 0.5, 1.0));
    }

    [Fact]
    public void RunningTextOnWornPaperIsReadWithFewErrors()
    {
        const string line = "一是公开内容的深度有待加强；二是解读形式较为单一。下一步将持续改进。";
        var read = Paddle.Read([RenderedText.Cell(line, 1500, 70, 30, Worn)])[0];

        Assert.True(CharacterErrors(line, read.Text) <= 2, $"read {read.Text}");
    }

    [Theory]
    [InlineData("276")]
    [InlineData("1024")]
    [InlineData("-3")]
    public void NumberCellsAreReadExactly(string number)
    {
        var read = Paddle.Read([RenderedText.Cell(number, 140, 60)], Digits)[0];

        Assert.Equal(number, read.Text);
        Assert.True(read.Confidence > 0.9, $"{number}: {read.Confidence}");
    }

    [Fact]
    public void ALoneZeroUnrestrictedMayBeALetterButNeverWithDigitsOnly()
    {
        var zero = RenderedText.Cell("0", 140, 60);

        // Alone, the model takes a lone 0 for a letter o; restricted to digits it reads the 0, but not surely.
        Assert.NotEqual("0", Paddle.Read([zero])[0].Text);
        Assert.Equal("0", Paddle.Read([zero], Digits)[0].Text);
    }

    [Fact]
    public void ABatchOfDifferentWidthsKeepsItsOrder()
    {
        string[] texts = ["总计", "12", "2022年1月14日", "行政机关确认或重新出具已获取信息", "7", "其他"];
        var read = Paddle.Read([.. texts.Select(t => RenderedText.Cell(t, 40 + (t.Length * 40), 60))]);

        Assert.Equal(texts, read.Select(r => r.Text));
    }

    [Fact]
    public void TheAngleClassifierTellsUpsideDownLines()
    {
        GrayImage[] upright = [RenderedText.Cell("二、主动公开政府信息情况", 900, 80, pointSize: 40), RenderedText.Cell("本机关认真贯彻落实条例要求", 900, 80, pointSize: 40)];

        Assert.Equal(0, Paddle.UpsideDownShare(upright));
        Assert.Equal(1, Paddle.UpsideDownShare([.. upright.Select(l => Rotation.RotateQuarterTurns(l, 2))]));
        Assert.Equal(0.5, Paddle.UpsideDownShare([upright[0], Rotation.RotateQuarterTurns(upright[1], 2)]));
    }

    [Fact]
    public void CharactersAreGivenTheirPlaceAcrossTheLine()
    {
        var read = Paddle.Read([RenderedText.Cell("1 2 3", 400, 60, pointSize: 36)])[0];
        var digits = read.Characters.Where(c => c.Text != " ").ToList();

        Assert.Equal(["1", "2", "3"], digits.Select(c => c.Text));
        Assert.True(digits[0].X < digits[1].X && digits[1].X < digits[2].X);
        Assert.InRange(digits[2].X, 60, 200);
    }

    [Fact]
    public void BlankPaperReadsAsNothing() =>
        Assert.Equal("", Paddle.Read([GrayImage.Blank(200, 60)])[0].Text);

    [Fact]
    public void TheDetectorFindsEachLineOfABlock()
    {
        var block = RenderedText.Page("一、总体情况\n\n\n本机关认真贯彻落实条例。\n\n\n（盖章）", 900, 500, 36, 0);

        var boxes = Paddle.Detector.Detect(block);

        Assert.Equal(3, boxes.Count);
        Assert.Equal("一、总体情况", Paddle.Read([block.Crop(boxes[0])])[0].Text);
    }

    [Fact]
    public void MissingModelsStopWithTheInstallCommand()
    {
        var missing = Assert.Throws<OcrUnavailableException>(() => PaddleModels.Locate(Path.Combine(Path.GetTempPath(), "no-models-" + Guid.NewGuid())));

        Assert.Contains("./scripts/bootstrap.sh", missing.Message, StringComparison.Ordinal);
        Assert.Contains("ch_PP-OCRv4_rec_infer.onnx", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInstalledModelsAreFound() => Assert.True(File.Exists(PaddleModels.Locate().Recognition));

    internal static int CharacterErrors(string truth, string read)
    {
        var previous = Enumerable.Range(0, read.Length + 1).ToArray();
        for (var i = 1; i <= truth.Length; i++)
        {
            var current = new int[read.Length + 1];
            current[0] = i;
            for (var j = 1; j <= read.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (truth[i - 1] == read[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[read.Length];
    }
}
