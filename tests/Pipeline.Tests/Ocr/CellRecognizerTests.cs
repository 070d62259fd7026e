using Pipeline.Imaging;
using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class CellRecognizerTests(SharedEngines engines)
{
    /// <summary>The default confidence threshold of the rules: below it a value needs review.</summary>
    private const double ReviewThreshold = 0.9;

    private static readonly string[] Noise = ["-blur", "0x1", "-attenuate", "0.5", "+noise", "Gaussian"];

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("12")]
    [InlineData("205")]
    [InlineData("1024")]
    public void DigitsAreReadExactlyAndSurely(string number)
    {
        var read = engines.Cells.ReadNumber(RenderedText.Cell(number, 300, 60));

        Assert.Equal(number, read.Text);
        Assert.True(read.Confidence > 0.8, $"{number}: confidence {read.Confidence}");
    }

    [Theory]
    [InlineData("减4")]
    [InlineData("-3")]
    [InlineData("12.5")]
    public void ChangesAndDecimalsKeepTheirSigns(string number) =>
        Assert.Equal(number, engines.Cells.ReadNumber(RenderedText.Cell(number, 300, 60)).Text);

    [Fact]
    public void LargeDigitsAreScaledToWhatTesseractReadsWell()
    {
        // At this size chi_sim alone reads 573 as 173.
        var read = engines.Cells.ReadNumber(RenderedText.Cell("573", 480, 160, pointSize: 80));

        Assert.Equal("573", read.Text);
    }

    /// <summary>
    /// A row of table 三 read as one line: alone in its image Tesseract drops a lone 1 as noise (it reads
    /// nothing in the cells of the committed degraded scan), among its neighbours it is read, and surely.
    /// </summary>
    [Fact]
    public void ARowOfNumbersIsReadTogetherLoneOnesIncluded()
    {
        string[] row = ["1", "0", "0", "17", "", "0", "1"];
        var cells = row.Select(n => RenderedText.Cell(n, 110, 64, pointSize: 30)).ToList();

        var read = engines.Cells.ReadNumbers(cells);

        Assert.Equal(row, read.Select(r => r.Text));
        Assert.All(read, r => Assert.True(r.Confidence >= ReviewThreshold, $"{r}"));
        Assert.Equal(CellRecognizer.BlankConfidence, read[4].Confidence);
    }

    /// <summary>
    /// Serifed "11" whose feet touch is one glyph to both models, which read "1" and are sure of it. The ink is
    /// too wide for one digit, so a "1" read from it is doubtful and goes to review. (On the corpus's scans the
    /// cell read again with its glyphs set apart gives "11"; at this small size the models are less steady.)
    /// </summary>
    [Theory]
    [InlineData(-2)]
    [InlineData(-3)]
    public void TouchingSerifOnesAreNotASureOne(int kerning)
    {
        var cells = new[] { "11", "0", "11" }.Select(n => RenderedText.SerifCell(n, 110, 64, 30, kerning)).ToList();

        var alone = engines.Cells.ReadNumber(cells[0]);
        var row = engines.Cells.ReadNumbers(cells);

        foreach (var read in (OcrText[])[alone, row[0], row[2]])
        {
            Assert.True(read.Text == "11" || read.Confidence < ReviewThreshold, $"{read}");
        }
    }

    /// <summary>The "1" of a lone "-1" is often dropped as noise by a model reading the cell alone; "-" is never a sure number.</summary>
    [Fact]
    public void ALoneMinusOneIsNeverASureMinus()
    {
        var read = engines.Cells.ReadNumber(RenderedText.SerifCell("-1", 400, 64, 30, 0));

        Assert.True(read.Text == "-1" || read.Confidence < ReviewThreshold, $"{read}");
    }

    /// <summary>
    /// A heading that slipped in among a row's numbers (行政处罚 in a narrow first column) pulls the models'
    /// characters out of place; such a line is not trusted and every cell is read on its own.
    /// </summary>
    [Fact]
    public void AHeadingAmongTheNumbersDoesNotMoveTheirDigits()
    {
        var cells = new List<GrayImage> { RenderedText.Cell("行政处罚", 200, 64, pointSize: 30) };
        cells.AddRange(new[] { "37", "0", "61" }.Select(n => RenderedText.Cell(n, 110, 64, pointSize: 30)));

        var read = engines.Cells.ReadNumbers(cells);

        Assert.Equal(["37", "0", "61"], read.Skip(1).Select(r => r.Text));
        Assert.True(read[0].Text.Length == 0 || read[0].Confidence < ReviewThreshold, $"{read[0]}");
    }

    /// <summary>A sliver of the cell's ruling inside its edge, as a cut through a slanted line leaves it, is not read as a 1.</summary>
    [Fact]
    public void ARulingSliverAtTheEdgeIsNotReadAsADigit()
    {
        var cells = new[] { "4", "0" }.Select(n => RenderedText.Cell(n, 110, 64, pointSize: 30)).ToList();
        cells[0].Fill(new Rect(80, 0, 3, 64), 0);

        var read = engines.Cells.ReadNumbers(cells);

        Assert.Equal("4", read[0].Text);
        Assert.Equal("4", engines.Cells.ReadNumber(cells[0]).Text);
    }

    [Fact]
    public void ABlankCellIsEmptyAndSure()
    {
        var read = engines.Cells.ReadNumber(GrayImage.Blank(300, 60));

        Assert.Equal("", read.Text);
        Assert.Equal(CellRecognizer.BlankConfidence, read.Confidence);
    }

    [Fact]
    public void ABlankCellWithScannerNoiseAndRulingSliversIsStillEmpty()
    {
        var cell = RenderedText.Cell("", 300, 60, effects: ["-attenuate", "1.5", "+noise", "Gaussian"]);
        cell.Fill(new Rect(0, 0, 300, 2), 0);
        cell.Fill(new Rect(0, 0, 2, 60), 0);

        Assert.Equal(new OcrText("", CellRecognizer.BlankConfidence), engines.Cells.ReadNumber(cell));
    }

    [Fact]
    public void AFaintBlurredNumberIsNotTakenForAnEmptyCell()
    {
        // No pixel of this number is darker than mid-grey: a fixed ink threshold would call the cell empty.
        var cell = RenderedText.Cell("1770", 300, 60, effects: ["-blur", "0x3.4", "-attenuate", "1.0", "+noise", "Gaussian"]);

        var read = engines.Cells.ReadNumber(cell);

        Assert.True(read.Text == "1770" || read.Confidence < ReviewThreshold, $"read {read}");
        Assert.NotEqual(new OcrText("", CellRecognizer.BlankConfidence), read);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("205")]
    [InlineData("1024")]
    [InlineData("38")]
    [InlineData("7")]
    public void ANoisyBlurredNumberIsReadRightOrDoubted(string number)
    {
        var read = engines.Cells.ReadNumber(RenderedText.Cell(number, 300, 60, effects: Noise));

        Assert.True(read.Text == number || read.Confidence < ReviewThreshold, $"{number} read as {read}");
    }

    [Theory]
    [InlineData("12万")]
    [InlineData("约12")]
    [InlineData("a12")]
    [InlineData("—")]
    public void SomethingThatIsNotANumberIsNeverPassedOffAsOne(string printed)
    {
        var read = engines.Cells.ReadNumber(RenderedText.Cell(printed, 300, 60));

        Assert.True(read.Confidence <= CellRecognizer.RejectedConfidence, $"{printed} read as {read}");
    }

    [Fact]
    public void ADashIsNeitherAnEmptyCellNorANumber()
    {
        var read = engines.Cells.ReadNumber(RenderedText.Cell("-", 300, 60));

        Assert.True(read.Confidence <= CellRecognizer.RejectedConfidence, $"read {read}");
    }

    [Theory]
    [InlineData("本年新收政府信息公开申请数量")]
    [InlineData("自然人")]
    [InlineData("法人或其他组织")]
    public void LabelsAreReadExactlyWithoutSpaces(string label)
    {
        var read = engines.Cells.ReadLabel(RenderedText.Cell(label, (36 * label.Length) + 40, 60));

        Assert.Equal(label, read.Text);
    }

    [Fact]
    public void AWrappedLabelIsJoinedIntoOneLine()
    {
        var read = engines.Cells.ReadLabel(RenderedText.Cell("本机关不掌握\n相关政府信息", 280, 120));

        Assert.Equal("本机关不掌握相关政府信息", read.Text);
    }

    [Fact]
    public void ALabelReadAfterANumberIsNotLimitedToDigits()
    {
        var cells = engines.Cells;

        Assert.Equal("12", cells.ReadNumber(RenderedText.Cell("12", 300, 60)).Text);
        Assert.Equal("自然人", cells.ReadLabel(RenderedText.Cell("自然人", 160, 60)).Text);
    }

    [Fact]
    public void RunningTextComesBackLineByLine()
    {
        var region = RenderedText.Cell("本年新收政府信息公开申请205件\n上年结转7件", 640, 140, pointSize: 30);

        var read = engines.Cells.ReadText(region);

        Assert.Equal(["本年新收政府信息公开申请205件", "上年结转7件"], read.Lines);
        Assert.True(read.Confidence > 0.8, $"confidence {read.Confidence}");
    }

    /// <summary>
    /// Cells cut from the worn 180 dpi scans of the benchmark (grey, noisy paper): clear digits that Tesseract read
    /// as nothing at their own size, alone and among copies of themselves. Read at several sizes, both models give
    /// the number; none of the three may come back empty or as another number.
    /// </summary>
    [Theory]
    [InlineData("worn-1.pgm", "1")]
    [InlineData("worn-1-narrow.pgm", "1")]
    [InlineData("worn-11.pgm", "11")]
    public void ClearDigitsOnAWornScanAreRead(string file, string number)
    {
        var cell = Pnm.ReadGray(Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "cells", file));

        var read = engines.Cells.ReadNumber(cell);

        Assert.Equal(number, read.Text);
        Assert.True(read.Confidence > 0.5, $"{file}: confidence {read.Confidence}");
    }

    /// <summary>
    /// The short label 规章 in wide cells of two worn scans. In the first the block reading drops it as noise and
    /// the line reading does not; in the second, on greyer speckled paper, both read nothing until the paper is
    /// made white.
    /// </summary>
    [Theory]
    [InlineData("worn-label.pgm")]
    [InlineData("worn-label-grey.pgm")]
    public void AShortLabelOnAWornScanIsRead(string file)
    {
        var cell = Pnm.ReadGray(Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "cells", file));

        Assert.Equal("规章", engines.Cells.ReadLabel(cell).Text);
    }

    /// <summary>
    /// Two rows' totals in one cell, "1" over "0", where a worn scan lost the line between them: both models read
    /// "0" and were sure of it. A number is one line; the reading must be doubtful, whatever it is.
    /// </summary>
    [Fact]
    public void TwoLinesOfDigitsInOneCellAreNeverOneSureNumber()
    {
        var cell = Pnm.ReadGray(Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "cells", "merged-1-over-0.pgm"));

        var read = engines.Cells.ReadNumber(cell);

        Assert.True(read.Confidence < ReviewThreshold, $"read {read.Text} at {read.Confidence}");
    }
}

