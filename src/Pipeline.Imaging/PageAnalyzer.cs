namespace Pipeline.Imaging;

/// <summary>
/// The steps for one scanned page, in order: seal out (colour pages), estimate the skew on a
/// half-size binarized copy, straighten, binarize, find rulings, build table grids.
/// </summary>
/// <param name="RulingDetector">Ruling detection settings; null scales them to each page.</param>
/// <param name="GridBuilder">Grid settings; null scales them to each page.</param>
public sealed record PageAnalyzer(SealFilter SealFilter, Binarizer Binarizer, SkewEstimator SkewEstimator, RulingDetector? RulingDetector = null, GridBuilder? GridBuilder = null)
{
    /// <summary>Below this (degrees) a skew moves a line by under a pixel across an A4 page at 300 dpi; turning would only blur.</summary>
    private const double SmallestCorrection = 0.02;

    public static PageAnalyzer Default { get; } = new(SealFilter.Default, Binarizer.Default, SkewEstimator.Default);

    public PageAnalysis Analyze(RgbImage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Analyze(SealFilter.Separate(page));
    }

    public PageAnalysis Analyze(GrayImage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Analyze(new SealedPage(page, null));
    }

    /// <summary>A page whose seal was taken out; where the seal lay is straightened with the page.</summary>
    public PageAnalysis Analyze(SealedPage sealedPage)
    {
        ArgumentNullException.ThrowIfNull(sealedPage);
        var page = sealedPage.Page;

        // Half size keeps the skew within a few hundredths of a degree at a quarter of the cost;
        // small pages are measured as they are.
        var measured = page.Width >= 1200 && page.Height >= 1200 ? page.Shrink(2) : page;
        var skew = SkewEstimator.Estimate(Binarizer.Apply(measured));
        if (Math.Abs(skew) >= SmallestCorrection)
        {
            sealedPage = sealedPage.Rotate(-skew);
            page = sealedPage.Page;
        }

        var ink = Binarizer.Apply(page);
        var rulings = (RulingDetector ?? Imaging.RulingDetector.ForPage(ink)).Detect(ink);
        var tables = (GridBuilder ?? Imaging.GridBuilder.ForPage(ink.Width, ink.Height)).Build(rulings, ink);
        return new PageAnalysis(page, ink, skew, rulings, tables, sealedPage.Seal);
    }
}
