using Pipeline.Reading.Pdf;

namespace Pipeline.Tests.Pdf;

/// <summary>A page that is one 300 dpi scan is taken out as stored instead of rendered; any other page is rendered.</summary>
public sealed class StoredScanTests
{
    private static string Fixtures => Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "pdf");

    [Fact]
    public void AThreeHundredDpiScanIsTakenOutWithTheRenderedPagesPixels()
    {
        using var session = Open("passing-2021-scan.pdf");

        var stored = Assert.IsType<Pipeline.Imaging.RgbImage>(session.StoredScan(1, 300));
        var rendered = session.RenderColor(1, 300);

        Assert.InRange(stored.Width, rendered.Width - 1, rendered.Width + 1);
        Assert.InRange(stored.Height, rendered.Height - 1, rendered.Height + 1);
        long difference = 0;
        for (var y = 0; y < Math.Min(stored.Height, rendered.Height); y += 7)
        {
            for (var x = 0; x < Math.Min(stored.Width, rendered.Width); x += 7)
            {
                difference += Math.Abs(stored.GetPixel(x, y).Red - rendered.GetPixel(x, y).Red);
            }
        }

        var samples = (Math.Min(stored.Height, rendered.Height) / 7) * (Math.Min(stored.Width, rendered.Width) / 7);
        // The renderer places the image on a page a fraction of a pixel larger and resamples it: a few grey levels.
        Assert.True(difference < 8L * samples, $"mean difference {(double)difference / samples:0.00}");
    }

    /// <summary>A 200 dpi scan would need resampling, and a text PDF holds no scan: both are rendered.</summary>
    [Theory]
    [InlineData("passing-2021-degraded.pdf")]
    [InlineData("passing-2021.pdf")]
    public void OtherPagesAreLeftToTheRenderer(string file)
    {
        using var session = Open(file);

        Assert.Null(session.StoredScan(1, 300));
    }

    /// <summary>A page turned by its /Rotate entry is drawn turned, which its stored image is not: pdfinfo's rotations tell them apart.</summary>
    [Fact]
    public void PdfInfoGivesEachPagesRotation()
    {
        var info = PdfInfo.Parse("Pages:           2\nPage    1 size:  594.96 x 841.92 pts (A4)\nPage    1 rot:   0\nPage    2 size:  594.96 x 841.92 pts (A4)\nPage    2 rot:  90\n");

        Assert.Equal([0, 90], info.PageRotations);
        Assert.Equal(2, info.PageSizes.Count);
    }

    private static PdfSession Open(string file) =>
        new(File.ReadAllBytes(Path.Combine(Fixtures, file)), PdfLimits.Default, CancellationToken.None);
}
