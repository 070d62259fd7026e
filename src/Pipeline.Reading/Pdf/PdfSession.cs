using System.Diagnostics;
using System.Globalization;
using Pipeline.Imaging;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// One PDF being read: its private temporary folder, its deadline, and the poppler calls on it.
/// Disposing removes every temporary file, whatever happened.
/// </summary>
public sealed class PdfSession : IDisposable
{
    /// <summary>The lowest density a document is scanned at to be read; below it a declared density is a default, not a measurement.</summary>
    public const double LeastScanDpi = 100;

    private const double A4ShortPoints = 210 * 72 / 25.4;

    private const double A4LongPoints = 297 * 72 / 25.4;

    private readonly TempWorkspace _workspace = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, PageImage?> _scans = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly PdfLimits _limits;
    private readonly CancellationToken _cancellation;
    private PdfInfo? _info;

    public PdfSession(ReadOnlySpan<byte> pdf, PdfLimits limits, CancellationToken cancellation)
    {
        _limits = limits;
        _cancellation = cancellation;
        PdfPath = _workspace.File("input.pdf");
        File.WriteAllBytes(PdfPath, pdf.ToArray());
    }

    public string PdfPath { get; }

    /// <summary>What pdfinfo says of the PDF, asked once: the reader checks it first, and each scanned page looks at its own entry.</summary>
    public PdfInfo Info() => _info ??= ReadInfo();

    private PdfInfo ReadInfo()
    {
        var result = Run("pdfinfo", ["-f", "1", "-l", (_limits.MaxPages + 1).ToString(CultureInfo.InvariantCulture), PdfPath]);
        if (!result.Succeeded)
        {
            throw new UnreadableException(
                result.Error.Contains("password", StringComparison.OrdinalIgnoreCase) ? "PDF 文件已加密（需要密码才能打开），无法读取。请提交未加密的文件。"
                : result.Error.Contains("Invalid page count 0", StringComparison.Ordinal) ? "PDF 文件没有任何页面。"
                : result.Error.Contains("Page count", StringComparison.Ordinal) ? "PDF 文件声明的页数与文件实际含有的内容不符（文件已损坏或是恶意构造的），无法打开。请重新导出后提交。"
                : "PDF 文件已损坏或不是有效的 PDF，无法打开。请重新导出后提交。");
        }

        return PdfInfo.Parse(result.OutputText);
    }

    public IReadOnlyList<PdfWord> Words(int pages)
    {
        var result = Run("pdftotext", ["-tsv", "-f", "1", "-l", pages.ToString(CultureInfo.InvariantCulture), "-enc", "UTF-8", PdfPath, "-"]);
        return result.Succeeded ? PdfWord.ParseTsv(result.OutputText) : [];
    }

    public GrayImage RenderGray(int page, int dpi) => Taken(Render(page, dpi, gray: true), file => Pnm.ReadGray(file, PixelLimits));

    public RgbImage RenderColor(int page, int dpi) => Taken(Render(page, dpi, gray: false), file => Pnm.ReadRgb(file, PixelLimits));

    /// <summary>
    /// The page as the one scan it holds, taken out as stored rather than rendered: when the page is nothing but
    /// one 8-bit colour image at <paramref name="dpi"/>, upright and covering it, the two give the same pixels.
    /// pdfimages finds the image; qpdf decodes its stream (Flate with PNG predictors, or JPEG) in a third of the
    /// time pdfimages takes to write it out. Null for any other page, or a stream qpdf cannot decode: it is rendered.
    /// </summary>
    public RgbImage? StoredScan(int page, int dpi)
    {
        if (Scan(page) is not { Type: "image", Color: "rgb", Components: 3, Bits: 8 } image ||
            Math.Abs(image.XPpi - dpi) > 1 || Math.Abs(image.YPpi - dpi) > 1 ||
            image.Width > PixelLimits.MaxSide || image.Height > PixelLimits.MaxSide || (long)image.Width * image.Height > PixelLimits.MaxPixels)
        {
            return null;
        }

        var stream = Run("qpdf", ["--decode-level=all", string.Create(CultureInfo.InvariantCulture, $"--show-object={image.ObjectId},{image.Generation}"), "--filtered-stream-data", PdfPath]);
        return stream.Succeeded && stream.Output.Length == image.Width * image.Height * 3 ? new RgbImage(image.Width, image.Height, stream.Output) : null;
    }

    /// <summary>The page as one scan: its only image, upright and covering it; null for any other page or when poppler cannot list it.</summary>
    public PageImage? Scan(int page) => _scans.GetOrAdd(page, ListScan);

    private PageImage? ListScan(int page)
    {
        var info = Info();
        if (page > info.PageSizes.Count || page > info.PageRotations.Count || info.PageRotations[page - 1] != 0)
        {
            return null;
        }

        var number = page.ToString(CultureInfo.InvariantCulture);
        var list = Run("pdfimages", ["-list", "-f", number, "-l", number, PdfPath]);
        return list.Succeeded && PageImage.ParseList(list.OutputText) is [var image] && image.Covers(info.PageSizes[page - 1]) ? image : null;
    }

    /// <summary>
    /// The resolution that renders a page at <paramref name="dpi"/> pixels an inch of paper. A scan's page size is
    /// its image's pixels over the density it declares, and a declared density below <see cref="LeastScanDpi"/> is
    /// no scanner's but what image tools write when they know none (72, or img2pdf's 96 for a PNG stripped of its
    /// pHYs): the page is then two to four times too large, and rendering it at 300 dpi made pages of 80 M pixels
    /// with letters three times the size the reader expects. Such a page is taken for the A4 sheet (GB/T 9704) that
    /// its image's own proportions show, and rendered from its pixels to that sheet's <paramref name="dpi"/>; any
    /// other page is rendered as declared.
    /// </summary>
    public int ScanDpi(int page, int dpi)
    {
        if (Scan(page) is not { } image || image.XPpi >= LeastScanDpi)
        {
            return dpi;
        }

        var (shortSide, longSide) = (Math.Min(image.Width, image.Height), Math.Max(image.Width, image.Height));
        var proportion = (double)longSide / shortSide;
        if (Math.Abs(proportion - (A4LongPoints / A4ShortPoints)) > 0.03 * proportion)
        {
            return dpi;
        }

        var sheetWidth = image.Width <= image.Height ? A4ShortPoints : A4LongPoints;
        return (int)Math.Round(dpi * sheetWidth / Info().PageSizes[page - 1].Width);
    }

    /// <summary>A rendered page is read once and removed at once: 26 MB a page at 300 dpi would pile up over 60 pages.</summary>
    private static T Taken<T>(string file, Func<string, T> read)
    {
        try
        {
            return read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Stops work in process (OCR of many cells) once the document's time is spent, as tool calls are stopped.</summary>
    public void ThrowIfOutOfTime()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_clock.Elapsed > _limits.DocumentTimeout)
        {
            throw new UnreadableException(TimeoutReason);
        }
    }

    public void Dispose() => _workspace.Dispose();

    private static PixelLimits PixelLimits => PixelLimits.Default;

    private string Render(int page, int dpi, bool gray)
    {
        EnsureRenderable(page, dpi);
        var number = page.ToString(CultureInfo.InvariantCulture);
        var output = _workspace.File($"page-{number}-{dpi}{(gray ? "g" : "c")}");
        List<string> args = ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number, "-singlefile"];
        if (gray)
        {
            args.Add("-gray");
        }

        var result = Run("pdftoppm", [.. args, PdfPath, output]);
        var file = output + (gray ? ".pgm" : ".ppm");
        if (result.OutOfMemory)
        {
            throw new UnreadableException($"PDF 第 {page} 页内容过于复杂，转为图像时超出内存上限（{_limits.ToolMemoryBytes / 1024 / 1024} MB），已拒绝处理。");
        }

        if (!result.Succeeded || !File.Exists(file))
        {
            throw new UnreadableException($"PDF 第 {page} 页无法转为图像，文件可能已损坏。");
        }

        return file;
    }

    /// <summary>
    /// A page whose image at <paramref name="dpi"/> would exceed <see cref="PixelLimits"/> is refused before
    /// pdftoppm allocates it: the same limit the image reader applies afterwards, asked in advance.
    /// </summary>
    private void EnsureRenderable(int page, int dpi)
    {
        var sizes = Info().PageSizes;
        if (page > sizes.Count)
        {
            return;
        }

        var (width, height) = sizes[page - 1];
        var pixelsWide = (long)Math.Ceiling(width * dpi / 72.0);
        var pixelsHigh = (long)Math.Ceiling(height * dpi / 72.0);
        if (pixelsWide > PixelLimits.MaxSide || pixelsHigh > PixelLimits.MaxSide || pixelsWide * pixelsHigh > PixelLimits.MaxPixels)
        {
            throw new UnreadableException(
                $"PDF 第 {page} 页尺寸异常（{width:0} × {height:0} 点，按 {dpi} dpi 需 {pixelsWide} × {pixelsHigh} 像素，超过上限 {PixelLimits.MaxPixels / 1_000_000} 百万像素），不像正常的文档页面，已拒绝处理。");
        }
    }

    /// <summary>
    /// Counts the drawing on each page before anything is rendered: qpdf decodes each page's content streams and
    /// the operators are counted as they stream past, so a page of millions of line segments is refused in
    /// seconds, without poppler ever building it.
    /// </summary>
    public void EnsureDrawingBounded(int pages)
    {
        var listing = Run("qpdf", ["--show-pages", PdfPath]);
        if (!listing.Succeeded)
        {
            // qpdf cannot walk the pages poppler could: the renderer's own limits (memory, time) still hold.
            return;
        }

        foreach (var (page, content) in PageContents(listing.OutputText).Where(c => c.Page <= pages))
        {
            var counter = new ContentOperatorCounter(_limits);
            var left = _limits.DocumentTimeout - _clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new UnreadableException(TimeoutReason);
            }

            var result = ExternalTool.Run("qpdf", ["--show-object=" + content, "--filtered-stream-data", PdfPath], left, _limits.ToolMemoryBytes, counter.Consume, _cancellation);
            if (result.TimedOut)
            {
                throw new UnreadableException(TimeoutReason);
            }

            if (counter.PathSegments > _limits.MaxPathSegmentsPerPage)
            {
                throw new UnreadableException(
                    $"PDF 第 {page} 页的图形过于复杂（超过 {_limits.MaxPathSegmentsPerPage:N0} 条线段，正常页面只有几千条），可能是恶意构造的文件，已拒绝处理。");
            }

            if (counter.Operators > _limits.MaxOperatorsPerPage)
            {
                throw new UnreadableException(
                    $"PDF 第 {page} 页的绘制指令过多（超过 {_limits.MaxOperatorsPerPage:N0} 条），不像正常的文档页面，已拒绝处理。");
            }
        }
    }

    /// <summary>"page 1: 3 0 R" then "  content:" and "    4 0 R" lines, as qpdf --show-pages prints them.</summary>
    private static IEnumerable<(int Page, string Content)> PageContents(string listing)
    {
        var page = 0;
        var inContent = false;
        foreach (var raw in listing.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("page ", StringComparison.Ordinal))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                inContent = false;
                page = colon > 5 && int.TryParse(line.AsSpan(5, colon - 5), CultureInfo.InvariantCulture, out var n) ? n : 0;
            }
            else if (line.Trim() == "content:")
            {
                inContent = true;
            }
            else if (inContent && page > 0 && line.StartsWith("    ", StringComparison.Ordinal) && line.Trim().Split(' ') is [var id, var generation, "R"])
            {
                yield return (page, id + "," + generation);
            }
            else if (!line.StartsWith("    ", StringComparison.Ordinal))
            {
                inContent = false;
            }
        }
    }

    private ToolResult Run(string program, IEnumerable<string> arguments)
    {
        var left = _limits.DocumentTimeout - _clock.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            throw new UnreadableException(TimeoutReason);
        }

        var result = ExternalTool.Run(program, arguments, left, _limits.ToolMemoryBytes, _cancellation);
        return result.TimedOut ? throw new UnreadableException(TimeoutReason) : result;
    }

    private string TimeoutReason =>
        $"读取 PDF 超过时限（{_limits.DocumentTimeout.TotalSeconds:0} 秒）仍未完成，文件可能过于复杂或已损坏。";
}
