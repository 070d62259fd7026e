using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class TesseractEngineTests(SharedEngines engines)
{
    private const string Digits = "0123456789";

    [Fact]
    public void TheInstalledTesseractIsVersionFive() => Assert.StartsWith("5.", TesseractEngine.Version, StringComparison.Ordinal);

    [Fact]
    public void MissingLanguageDataNamesTheDebianPackage()
    {
        var empty = TestFiles.TempFolder();
        try
        {
            var error = Assert.Throws<OcrUnavailableException>(() => new TesseractEngine("chi_sim+eng", empty));

            Assert.Contains("chi_sim.traineddata", error.Message, StringComparison.Ordinal);
            Assert.Contains("tesseract-ocr-chi-sim", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void AMissingLibraryNamesTheDebianPackages()
    {
        var error = Assert.Throws<OcrUnavailableException>(() => TesseractLibrary.Check("libtesseract-absent.so.99"));

        Assert.Contains("tesseract-ocr", error.Message, StringComparison.Ordinal);
        Assert.Contains("tesseract-ocr-chi-sim", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chi_sim", "tesseract-ocr-chi-sim")]
    [InlineData("chi_tra", "tesseract-ocr-chi-tra")]
    [InlineData("eng", "tesseract-ocr-eng")]
    [InlineData("osd", "tesseract-ocr-osd")]
    public void LanguagesComeFromTheirDebianPackages(string language, string package) =>
        Assert.Equal(package, Tessdata.DebianPackage(language));

    [Fact]
    public void TheWhitelistOfOneCallDoesNotReachTheNext()
    {
        var number = RenderedText.Cell("205", 300, 60);
        var label = RenderedText.Cell("自然人", 200, 60);
        using var lease = engines.Pool.Rent("chi_sim");

        var digits = lease.Engine.Recognize(number, PageSegmentation.SingleLine, Digits, 300);
        var words = lease.Engine.Recognize(label, PageSegmentation.SingleLine, whitelist: null, 300);

        Assert.Equal("205", digits.Text);
        Assert.Equal("自然人", ChineseSpacing.Remove(words.Text));
    }

    [Fact]
    public void ADisposedEngineRefusesWork()
    {
        var engine = new TesseractEngine("eng");
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() =>
            engine.Recognize(RenderedText.Cell("1", 60, 40), PageSegmentation.SingleLine, null, 300));
    }
}
