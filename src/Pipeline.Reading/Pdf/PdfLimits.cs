using Pipeline.Imaging;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// What one PDF may cost: pages, page size (a PDF bomb declares huge pages), drawing per page, time and the
/// memory of each tool. The page limit in points is the pixel limit at the scan resolution, so a page the
/// reader accepts can always be rendered within <see cref="PixelLimits"/>.
/// </summary>
public sealed record PdfLimits(int MaxPages = 60, double MaxPagePoints = PdfLimits.PixelSidePoints, TimeSpan? Timeout = null)
{
    /// <summary>The longest page side whose 300 dpi rendering stays within <see cref="PixelLimits.MaxSide"/>: 3600 pt, past A0's 3370.</summary>
    public const double PixelSidePoints = 15_000 * 72.0 / RenderDpi;

    /// <summary>The highest resolution any reader renders at (scanned pages).</summary>
    public const int RenderDpi = 300;

    public static PdfLimits Default { get; } = new();

    /// <summary>
    /// Path construction operators (m, l, c, v, y, re, h) one page may hold. A table-heavy printed page has a few
    /// thousand, a chart tens of thousands; millions only a drawing meant to exhaust the renderer.
    /// </summary>
    public int MaxPathSegmentsPerPage { get; init; } = 200_000;

    /// <summary>All operators of one page's content: text, paths, images. Real pages stay far below.</summary>
    public int MaxOperatorsPerPage { get; init; } = 1_000_000;

    public long ToolMemoryBytes { get; init; } = ExternalTool.DefaultMemoryBytes;

    public TimeSpan DocumentTimeout => Timeout ?? TimeSpan.FromMinutes(3);
}
