using Pipeline.Imaging;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Ocr;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// PDFs: the text layer when it can be trusted (printed from Word), else the scanned pages
/// through OCR. Either way the result is the same layout model, so one mapper serves both.
/// </summary>
public sealed class PdfReader(PdfLimits limits, IScannedPageReader? scans) : IReportReader
{
    public PdfReader()
        : this(PdfLimits.Default, null)
    {
    }

    public string Kind => SourceKinds.PdfText;

    /// <summary>The page limit in points and the pixel limit agree: a page is accepted only if it renders at the scan resolution within <see cref="PixelLimits"/>.</summary>
    private bool FitsPixelLimits(double width, double height)
    {
        var pixels = PixelLimits.Default;
        var wide = width * PdfLimits.RenderDpi / 72.0;
        var high = height * PdfLimits.RenderDpi / 72.0;
        return width <= limits.MaxPagePoints && height <= limits.MaxPagePoints && wide <= pixels.MaxSide && high <= pixels.MaxSide && wide * high <= pixels.MaxPixels;
    }

    public bool CanRead(InputFile file) => file.StartsWith("%PDF"u8);

    public LayoutDocument Read(InputFile file, CancellationToken cancellationToken = default)
    {
        using var session = new PdfSession(file.Content.Span, limits, cancellationToken);
        var info = session.Info();
        if (info.Pages == 0)
        {
            throw new UnreadableException("PDF 文件没有任何页面。");
        }

        if (info.Pages > limits.MaxPages)
        {
            throw new UnreadableException($"PDF 共 {info.Pages} 页，超过上限 {limits.MaxPages} 页。年度报告通常不超过 20 页，请确认文件是否正确。");
        }

        var huge = info.PageSizes.Select((s, i) => (s, Page: i + 1)).FirstOrDefault(p => !FitsPixelLimits(p.s.Width, p.s.Height));
        if (huge.Page > 0)
        {
            throw new UnreadableException(
                $"PDF 第 {huge.Page} 页尺寸异常（{huge.s.Width:0} × {huge.s.Height:0} 点，上限为每边 {limits.MaxPagePoints:0} 点、按 {PdfLimits.RenderDpi} dpi 不超过 {PixelLimits.Default.MaxPixels / 1_000_000} 百万像素），不像正常的文档页面，已拒绝处理。");
        }

        session.EnsureDrawingBounded(info.Pages);
        var words = session.Words(info.Pages);
        if (TextLayerCheck.Judge(words) == TextLayerQuality.Usable)
        {
            var blocks = PdfTextLayout.Build(words, page => PageAnalyzer.Default.Analyze(session.RenderGray(page, PdfTextLayout.GridDpi)).Tables);
            return new LayoutDocument(SourceKinds.PdfText, blocks);
        }

        if (scans is null)
        {
            throw new UnreadableException("这是扫描件（PDF 中没有可用的文字层），但本机未启用文字识别（OCR）。");
        }

        try
        {
            var scanned = scans.Read(session, info.Pages, cancellationToken);
            return new LayoutDocument(SourceKinds.PdfScan, scanned.Blocks) { SecondReading = scanned.SecondReading };
        }
        catch (OcrUnavailableException e)
        {
            throw new UnreadableException(e.Message, e);
        }
        catch (ImageTooLargeException e)
        {
            throw new UnreadableException("PDF 页面转成图像后尺寸异常，不像正常的文档页面，已拒绝处理。", e);
        }
    }
}

/// <summary>Reads scanned pages (OCR) into layout blocks.</summary>
public interface IScannedPageReader
{
    ScannedPages Read(PdfSession session, int pages, CancellationToken cancellationToken);
}

/// <summary>A scan's blocks, and the numbers in them one model alone read, which a second can read again.</summary>
public sealed record ScannedPages(IReadOnlyList<LayoutBlock> Blocks, ISecondReading? SecondReading = null);
