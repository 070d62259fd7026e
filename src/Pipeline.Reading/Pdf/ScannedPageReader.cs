using System.Text.RegularExpressions;
using Pipeline.Imaging;
using Pipeline.Model.Layout;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;
using Pipeline.Ocr;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// Scanned pages: rendered at 300 dpi in colour, seal removed, deskewed and binarised; table
/// grids found from the rulings; every cell read on its own (numbers with a digits pass, labels
/// in Chinese); the text around the tables cut into its lines of ink and read line by line, with the tables
/// left out. Labels, headings and running text are read by the configured recogniser (<see cref="ITextRecognizer"/>:
/// PP-OCR by default); numbers by <see cref="CellRecognizer"/>'s two Tesseract models. Each value keeps the
/// confidence it was read with, so a doubtful one goes to review, never changed.
/// </summary>
public sealed partial class ScannedPageReader : IScannedPageReader
{
    public const int Dpi = 300;

    /// <summary>A cell this much narrower than its table is tried as a number first.</summary>
    private const double NumericShare = 0.25;

    /// <summary>A page whose text and cells read with a lower mean confidence may lie upside down or on its side.</summary>
    private const double Legible = 0.6;

    /// <summary>Below this confidence a narrow cell's number may be a misread header.</summary>
    private const double LabelDoubt = 0.75;

    /// <summary>The most a number the seal crosses keeps: below the rules' usual threshold of 0.9.</summary>
    private const double UnderSealConfidence = 0.85;

    /// <summary>Pixels of seal ink around a number's ink that count as the seal crossing it, not a stray speck.</summary>
    private const int SealCrossing = 8;

    /// <summary>How far around a number's ink the seal is looked for, in pixels.</summary>
    private const int SealMargin = 3;

    /// <summary>Lines of a page shown to the angle classifier.</summary>
    private const int AngleSample = 16;

    /// <summary>What a date line may hold.</summary>
    private const string DateCharacters = "0123456789年月日";

    private readonly LineReader _lines;

    private readonly CellRecognizer _cells;

    private readonly int parallelism;

    private readonly OrientationDetector _orientation;

    /// <param name="pool">Tesseract's engines: the check model of every number, and the fallbacks of doubtful ones.</param>
    /// <param name="recognizer">What reads labels, headings, running text and each number first; the configured one (<see cref="RecognizerChoice"/>) when null.</param>
    /// <param name="parallelism">Pages read at once; all cores when 0.</param>
    public ScannedPageReader(EnginePool pool, ITextRecognizer? recognizer = null, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(pool);
        recognizer ??= RecognizerChoice.Create(RecognizerChoice.FromEnvironment(), pool);
        _lines = new LineReader(recognizer);
        // With Tesseract configured, its chi_sim reads each row of numbers as one line, as it always has.
        _cells = new CellRecognizer(pool, numbers: recognizer is TesseractRecognizer ? null : recognizer);
        this.parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        _orientation = new OrientationDetector(pool, Dpi);
    }

    /// <summary>
    /// Pages are read side by side, one per core (at most <paramref name="parallelism"/>, by default all cores):
    /// each has its own engines from the pool, and the blocks come back in page order.
    /// </summary>
    public ScannedPages Read(PdfSession session, int pages, CancellationToken cancellationToken)
    {
        var perPage = new List<LayoutBlock>[pages];
        var single = new SingleReadCells((crop, sole) => Settle(_cells.Confirm(crop, sole), crop), parallelism);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        try
        {
            Parallel.For(1, pages + 1, options, page =>
            {
                session.ThrowIfOutOfTime();
                // A scan declared at a wrong density is rendered from its own pixels, at 300 an inch of its sheet.
                var dpi = session.ScanDpi(page, Dpi);
                var image = StepTimes.Time(ReadingStep.Imaging, () => PageAnalyzer.Default.SealFilter.Separate(session.StoredScan(page, dpi) ?? session.RenderColor(page, dpi)));
                var (blocks, pending) = ReadUpright(page, image, session);
                perPage[page - 1] = blocks;
                single.Add(pending);
            });
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            // The first page's failure (a time limit, an unreadable page) is the document's, as it would be read in turn.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }

        return new ScannedPages([.. perPage.SelectMany(blocks => blocks)], single);
    }

    /// <summary>
    /// A page scanned upside down or on its side reads as nonsense. Asking Tesseract's orientation model costs
    /// most of a second a page, so it is asked only when a page reads that badly. The page is read turned as the
    /// model says, and upside down as well when the model is unsure (a worn table page gives it little to go on);
    /// a turned reading is kept only when it reads better.
    /// </summary>
    private (List<LayoutBlock> Blocks, List<PendingCell> Pending) ReadUpright(int page, SealedPage image, PdfSession session)
    {
        // PP-OCR reads an upside-down line as confident nonsense, so the page's quality cannot tell it; its angle
        // classifier, a few milliseconds a page, is asked first, and a page most of whose lines it finds upside
        // down is turned before it is read.
        var analysis = StepTimes.Time(ReadingStep.Imaging, () => PageAnalyzer.Default.Analyze(image));

        // A page fed sideways shows it in its geometry: its lines run down it. It is turned a quarter, and the
        // classifier below turns it a half more when that quarter was the wrong one.
        if (TextDirection.RunsDown(analysis.Ink, analysis.Rulings))
        {
            image = image.Rotate(90);
            analysis = StepTimes.Time(ReadingStep.Imaging, () => PageAnalyzer.Default.Analyze(image));
        }

        var lines = TextExtent.Lines(analysis.Ink, analysis.Ink.Bounds).Where(l => l.Width >= 3 * l.Height).Take(AngleSample);
        if (_lines.Recognizer.UpsideDownShare([.. lines.Select(l => analysis.Page.Crop(l.Inflate(8).Intersect(analysis.Page.Bounds)))]) > 0.5)
        {
            image = image.Rotate(180);
            analysis = PageAnalyzer.Default.Analyze(image);
        }

        // Only the numbers of the reading kept await their second reading.
        var pending = new List<PendingCell>();
        var blocks = ReadPage(page, analysis, session, pending);
        var quality = Quality(blocks);
        if (quality >= Legible)
        {
            return (blocks, pending);
        }

        session.ThrowIfOutOfTime();
        var orientation = _orientation.Detect(image.Page);
        // The model's guess is tried even when its margin is thin, and a page fed upside down, the commonest
        // fault, is tried too when the model is unsure: a turned reading is only kept when it reads better.
        List<int> turns = orientation.Degrees == 0 ? [] : [orientation.Degrees];
        if (!orientation.IsReliable && !turns.Contains(180))
        {
            turns.Add(180);
        }

        foreach (var degrees in turns)
        {
            session.ThrowIfOutOfTime();
            var turnedPending = new List<PendingCell>();
            var turned = ReadPage(page, PageAnalyzer.Default.Analyze(image.Rotate(degrees)), session, turnedPending);
            var turnedQuality = Quality(turned);
            if (turnedQuality > quality)
            {
                (blocks, quality, pending) = (turned, turnedQuality, turnedPending);
            }

            if (quality >= Legible)
            {
                break;
            }
        }

        return (blocks, pending);
    }

    /// <summary>
    /// The mean confidence of a page's running text and Chinese table cells: near 0.9 upright, far lower upside
    /// down. Numbers are left out, since a turned 0 is still a 0; a page with nothing to judge passes.
    /// </summary>
    private static double Quality(List<LayoutBlock> blocks)
    {
        var confidences = blocks.SelectMany(block => block switch
        {
            LayoutParagraph paragraph => [paragraph.Origin.Confidence],
            LayoutTable table => table.Rows.SelectMany(r => r.Cells).Where(c => ChineseText.HasHan(c.Text)).Select(c => c.Origin.Confidence),
            _ => [],
        }).ToList();
        return confidences.Count == 0 ? 1 : confidences.Average();
    }

    private List<LayoutBlock> ReadPage(int page, PageAnalysis analysis, PdfSession session, List<PendingCell> pending)
    {
        var blocks = new List<LayoutBlock>();
        var top = 0;
        foreach (var grid in analysis.Tables.OrderBy(t => t.Bounds.Y))
        {
            blocks.AddRange(ReadText(page, analysis, Rect.FromEdges(0, top, analysis.Page.Width, grid.Bounds.Y)));
            blocks.Add(ReadTable(page, analysis, grid, session, pending));
            top = Math.Max(top, grid.Bounds.Bottom);
        }

        blocks.AddRange(ReadText(page, analysis, Rect.FromEdges(0, top, analysis.Page.Width, analysis.Page.Height)));
        return blocks;
    }

    private LayoutTable ReadTable(int page, PageAnalysis analysis, TableGrid grid, PdfSession session, List<PendingCell> pending)
    {
        var image = analysis.Page;
        var rows = new List<LayoutRow>();
        // A value fills one grid place; a narrow cell spanning rows or columns is a heading (（三）不予公开).
        // A wide cell right of the first column holding a short run of ink is a value too (表二's 79), and so
        // is one spanning the columns a shorter part of the table does not use (表二 第二十条第（八）项's 本年增/减).
        // Either way the ink must be short: a label such as 行政处罚 in a narrow first column, read with the
        // numbers as one line, would throw their characters out of place.
        var places = grid.Rows.Select(row =>
        {
            var crops = row.Select(c => image.Crop(c.Box)).ToList();
            var valued = Enumerable.Range(0, row.Count).Select(i => row[i].RowSpan == 1 && CellRecognizer.HoldsShortRun(crops[i]) &&
                (row[i].Box.Width < grid.Bounds.Width * NumericShare || row[i].Column > 0)).ToList();
            var narrow = Enumerable.Range(0, row.Count).Where(i => valued[i] && row[i].ColumnSpan == 1).ToList();
            return (Row: row, Crops: crops, Valued: valued, Narrow: narrow);
        }).ToList();

        // The whole table's numbers go to PP-OCR at once, so that its batches are full.
        var tableNumbers = _cells.ReadNumbersFirst([.. places.Select(p => (IReadOnlyList<GrayImage>)[.. p.Narrow.Select(i => p.Crops[i])])]);
        for (var r = 0; r < places.Count; r++)
        {
            session.ThrowIfOutOfTime();
            var (row, crops, valued, narrow) = places[r];
            var numbers = tableNumbers[r];
            var cells = new List<LayoutCell>();
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                var index = narrow.IndexOf(i);
                var crop = crops[i];
                var origin = new LayoutOrigin(Page: page, Box: Points(cell.Box));
                OcrText read;
                if (index >= 0 && numbers[index].Sole is { } sole && !UnderSeal(analysis, cell.Box, crop, sole) && FitsInk(crop, sole))
                {
                    // PP-OCR's word alone: held below the threshold until the table's identities or Tesseract confirm it.
                    pending.Add(new PendingCell(new CellPlace(page, origin.Box!), crop, sole));
                    read = numbers[index].Read;
                }
                else
                {
                    read = index >= 0 ? Settle(numbers[index].Sole is { } sealedSole ? _cells.Confirm(crop, sealedSole) : numbers[index].Read, crop)
                        : valued[i] ? Settle(_cells.ReadNumber(crop), crop)
                        : cell.Box.Width < grid.Bounds.Width * NumericShare ? LabelFirst(crop)
                        : _lines.ReadCell(crop);
                    read = WithinInk(crop, read, readAsNumber: index >= 0 || valued[i]);
                    read = UnderSeal(analysis, cell.Box, crop, read) ? read with { Confidence = Math.Min(read.Confidence, UnderSealConfidence) } : read;
                }

                cells.Add(new LayoutCell(read.Text, origin with { Confidence = read.Confidence }, cell.RowSpan, cell.ColumnSpan));
            }

            rows.Add(new LayoutRow(cells));
        }

        return new LayoutTable(rows, new LayoutOrigin(Page: page, Box: Points(grid.Bounds)));
    }

    /// <summary>
    /// A narrow cell is read as a number first. One the digits reading is not sure of may be a header in a
    /// narrow column (结果维持, 总计): it is read again as Chinese, and taken as a label when that reading
    /// finds words of at least two characters. A cell that reads as no number may hold the mark an office writes
    /// for nothing (<see cref="BlankMark"/>: -, / or 无), which CELL-BLANK judges. Otherwise the number stands,
    /// doubtful as it is.
    /// </summary>
    private OcrText Settle(OcrText number, GrayImage crop)
    {
        if (number.Confidence >= LabelDoubt)
        {
            return number;
        }

        return Chosen(number, _lines.ReadCell(crop), crop);
    }

    /// <summary>A cell read both ways: words of two characters or more are a label; else a number, else a blank mark.</summary>
    private static OcrText Chosen(OcrText number, OcrText label, GrayImage crop) =>
        Names(label) ? label
        : NumberPattern.IsMatch(number.Text) ? number
        : BlankMark.Read(crop, label) ?? number;

    /// <summary>Whether a cell read as Chinese names something: words of two characters or more, and not a number (增加12).</summary>
    private static bool Names(OcrText label) => label.Text.Count(ChineseText.IsHan) >= 2 && !NumberPattern.IsMatch(label.Text);

    /// <summary>
    /// A number with fewer digits than its ink can hold has lost some, however sure the model was (1384 for
    /// 1384077 at 150 dpi, at 0.99). The digits pass judges its own readings so; a number read the other way, as a
    /// label (a wide cell, or ink too long for the digits pass), is read again as a number, and what is still too
    /// short for its ink stays doubtful, for review.
    /// </summary>
    private OcrText WithinInk(GrayImage crop, OcrText read, bool readAsNumber)
    {
        if (FitsInk(crop, read))
        {
            return read;
        }

        var again = readAsNumber ? read : _cells.ReadNumber(crop);
        return NumberPattern.IsPlain(again.Text) && FitsInk(crop, again)
            ? again
            : read with { Confidence = Math.Min(read.Confidence, CellRecognizer.RejectedConfidence) };
    }

    private static bool FitsInk(GrayImage crop, OcrText read) =>
        !NumberPattern.IsPlain(read.Text) || InkBounds.Find(crop) is not { } ink || DigitWidths.CouldSpan(read.Text, ink.Width, ink.Height);

    /// <summary>
    /// A number whose ink the seal crosses is doubtful however sure the models are: dividing the seal out can
    /// leave a pale trace across a stroke, and a "0" cut by the seal's ring reads as a sure "9" to both models.
    /// Its value stands as read; only an error resting on it goes to review instead of failing the report.
    /// </summary>
    private static bool UnderSeal(PageAnalysis analysis, Rect box, GrayImage crop, OcrText read)
    {
        if (analysis.Seal is null || read.Confidence <= UnderSealConfidence || !NumberPattern.IsMatch(read.Text) || InkBounds.Find(crop) is not { } ink)
        {
            return false;
        }

        var digits = new Rect(box.X + ink.X, box.Y + ink.Y, ink.Width, ink.Height).Inflate(SealMargin);
        return analysis.SealInk(digits) >= SealCrossing;
    }

    /// <summary>
    /// A narrow cell whose ink is too long for a short number, or that spans rows: most often a heading in a
    /// narrow column (4.无正当理由大量反复申请, 本年新制作数量, （五）不予处理). It is read as Chinese first and taken
    /// as a label when that reading holds at least two characters and is not a number (增加12); anything else is
    /// read as a number (a long decimal), or as a blank mark (a dash is too flat for a short number). The other
    /// way round, a heading went through every fallback of a doubtful number, ten readings or more, before it was
    /// read as Chinese anyway.
    /// </summary>
    private OcrText LabelFirst(GrayImage crop)
    {
        var label = _lines.ReadCell(crop);
        return Names(label) ? label : Chosen(_cells.ReadNumber(crop), label, crop);
    }

    /// <summary>
    /// Running text in one band of the page: its lines of ink, each read on its own, joined into paragraphs by the
    /// lines' geometry (indents, short last lines, centred titles, right-aligned signatures) and by what the lines
    /// say; each paragraph is as sure as the mean of its lines. A heading the layout would drop is a line of ink
    /// like any other, so it is read.
    /// </summary>
    private IEnumerable<LayoutParagraph> ReadText(int page, PageAnalysis analysis, Rect whole)
    {
        var inkLines = TextExtent.Lines(analysis.Ink, whole);
        if (TextExtent.Around(inkLines, whole.Intersect(analysis.Ink.Bounds)) is not { } band)
        {
            yield break;
        }

        var image = analysis.Page;
        var lines = _lines.ReadLines(image, inkLines)
            .Select(line => DateAgain(image, line))
            .Select(line => line with { Box = new Rect(line.Box.X - band.X, line.Box.Y - band.Y, line.Box.Width, line.Box.Height) })
            .OrderBy(l => l.Box.Y)
            .ToList();
        if (lines.Count == 0)
        {
            yield break;
        }

        var flows = ParagraphBreaks.Split(lines, l => l.Box.X, l => l.Box.Right, l => Math.Max(4.0, (double)l.Box.Width / l.Text.Length));
        foreach (var flow in flows)
        {
            var paragraph = new List<OcrWord>();
            foreach (var line in flow)
            {
                if (paragraph.Count > 0 && StartsParagraph(line.Text, Joined(paragraph)))
                {
                    yield return Paragraph(page, band, paragraph);
                    paragraph.Clear();
                }

                paragraph.Add(line);
            }

            yield return Paragraph(page, band, paragraph);
        }
    }

    /// <summary>A line that looks like a date but does not read as one is read again as a date; the surer reading stands.</summary>
    private OcrWord DateAgain(GrayImage image, OcrWord line)
    {
        if (!LooseDateLine().IsMatch(line.Text) || DateLine().IsMatch(line.Text))
        {
            return line;
        }

        var again = _lines.ReadLine(image.Crop(line.Box.Inflate(8).Intersect(image.Bounds)), DateCharacters);
        return DateLine().IsMatch(again.Text) ? line with { Text = again.Text, Confidence = again.Confidence } : line;
    }

    private static string Joined(List<OcrWord> lines) => string.Concat(lines.Select(l => l.Text.Trim()));

    private static LayoutParagraph Paragraph(int page, Rect band, List<OcrWord> lines)
    {
        var left = lines.Min(l => l.Box.X);
        var top = lines.Min(l => l.Box.Y);
        var box = Rect.FromEdges(band.X + left, band.Y + top, band.X + lines.Max(l => l.Box.Right), band.Y + lines.Max(l => l.Box.Bottom));
        return new LayoutParagraph(Joined(lines), new LayoutOrigin(Page: page, Box: Points(box), Confidence: lines.Average(l => l.Confidence)));
    }

    /// <summary>
    /// OCR gives lines, not paragraphs: a heading, an enumerated item or a date starts a new one,
    /// and so does any line after one that ended a sentence.
    /// </summary>
    private static bool StartsParagraph(string line, string previous) =>
        SectionHeadings.Match(line) is not null || ItemStart().IsMatch(line) || DateLine().IsMatch(line) ||
        previous[^1] is '。' or '：' or ':' || SectionHeadings.Match(previous) is not null;

    private static Box Points(Rect pixels) =>
        new(Math.Round(pixels.X * 72.0 / Dpi, 2), Math.Round(pixels.Y * 72.0 / Dpi, 2), Math.Round(pixels.Width * 72.0 / Dpi, 2), Math.Round(pixels.Height * 72.0 / Dpi, 2));

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+是")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\S{4}年\S{1,3}月\S{1,3}日$")]
    private static partial Regex LooseDateLine();
}
