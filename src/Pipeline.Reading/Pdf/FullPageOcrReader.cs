using Pipeline.Model.Layout;
using Pipeline.Ocr;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// The naive baseline the benchmark compares against: each page read whole by Tesseract, its
/// lines handed to the same text layout and mapper. Not used to check reports.
/// </summary>
public sealed class FullPageOcrReader(EnginePool pool) : IScannedPageReader
{
    private readonly CellRecognizer _recognizer = new(pool);

    public ScannedPages Read(PdfSession session, int pages, CancellationToken cancellationToken)
    {
        var lines = new List<TextLine>();
        for (var page = 1; page <= pages; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = _recognizer.ReadText(session.RenderGray(page, ScannedPageReader.Dpi));
            lines.AddRange(read.Lines.Select(l => new TextLine(l, new LayoutOrigin(Page: page, Confidence: read.Confidence))));
        }

        return new ScannedPages(TextLayoutBuilder.Build(lines));
    }
}
