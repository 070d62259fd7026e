using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// Whether a scanned page is upright, on its side or upside down, from Tesseract's OSD model (osd.traineddata,
/// Debian package tesseract-ocr-osd), before its table grid is looked for.
/// </summary>
public sealed class OrientationDetector
{
    private const string OsdLanguage = "osd";

    private readonly EnginePool pool;

    /// <param name="pool">Where the OSD engines come from; it outlives the detector.</param>
    /// <param name="dpi">The scan resolution of the pages passed in.</param>
    public OrientationDetector(EnginePool pool, int dpi = 300)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        this.pool = pool;
        Dpi = dpi;
    }

    public int Dpi { get; }

    /// <summary>The page's rotation (0, 90, 180, 270) and Tesseract's margin for it; see <see cref="PageOrientation"/>.</summary>
    public PageOrientation Detect(GrayImage page) => pool.Use(OsdLanguage, engine => engine.DetectOrientation(page, Dpi));
}
