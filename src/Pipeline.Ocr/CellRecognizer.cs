using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// Reads the cells of a scanned table one by one, with engines from an <see cref="EnginePool"/>.
/// A numeric cell is reported as read or not at all: a result that is not a number keeps its raw text and
/// a low confidence, so that a misread can never pass as a plausible number.
/// </summary>
public sealed class CellRecognizer
{
    /// <summary>The confidence of a number cell whose text is not a number, whatever Tesseract claimed.</summary>
    public const double RejectedConfidence = 0.3;

    /// <summary>The confidence of a cell with (almost) no ink, read as "".</summary>
    public const double BlankConfidence = 1.0;

    /// <summary>Text lines taller than this, in pixels, are scaled down to <see cref="TargetLineHeight"/>.</summary>
    private const int TallestLine = 40;

    /// <summary>Text lines shorter than this are scaled up to <see cref="TargetLineHeight"/>.</summary>
    private const int ShortestLine = 16;

    /// <summary>A line height chi_sim reads with confidence, Chinese characters and digits alike.</summary>
    private const double TargetLineHeight = 28;

    /// <summary>Small crops are enlarged at most this much: beyond it there is nothing left to read.</summary>
    private const double MaxEnlargement = 4;

    /// <summary>Digits, sign, decimal point, thousands comma, and the characters of 减 and 增加.</summary>
    private const string NumberWhitelist = "0123456789.,-+减增加";

    /// <summary>What a date line may hold.</summary>
    private const string DateWhitelist = "0123456789年月日";

    /// <summary>What the check model may read: it has no Chinese.</summary>
    private const string PlainNumberWhitelist = "0123456789.,-+";

    /// <summary>The most a number the check model could not confirm keeps: below the rules' usual threshold of 0.9.</summary>
    private const double UnconfirmedConfidence = 0.85;

    /// <summary>A different number read by the check model with this confidence or more makes the cell doubtful.</summary>
    private const double DissentConfidence = 0.5;

    /// <summary>
    /// The least confidence of every character of PP-OCR's reading for a number to await the table's check
    /// instead of the check model's (<see cref="ReadNumbersFirst"/>).
    /// </summary>
    private const double SoleConfidence = 0.95;

    /// <summary>Width over height of the widest ink run <see cref="HoldsShortRun"/> takes for a number.</summary>
    private const double ShortRunAspect = 3.2;

    private readonly EnginePool pool;

    private readonly ITextRecognizer? numbers;

    /// <param name="pool">Where the engines come from; it outlives the recogniser.</param>
    /// <param name="options">Languages and resolution; <see cref="CellReadOptions.Default"/> when null.</param>
    /// <param name="numbers">
    /// The first reader of a row's numbers (PP-OCR, each cell cut to its ink, digits only), checked by the check
    /// model as the main model's reading is; null for the main Tesseract model reading the row as one line.
    /// </param>
    public CellRecognizer(EnginePool pool, CellReadOptions? options = null, ITextRecognizer? numbers = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        options ??= CellReadOptions.Default;
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Language);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Dpi);
        this.pool = pool;
        this.numbers = numbers;
        Options = options;
    }

    public CellReadOptions Options { get; }

    /// <summary>
    /// A numeric cell, read as one line of digits. The text is exactly what Tesseract read, never corrected;
    /// it counts as read only when it has the shape of a number (12, -4, 3.5, 1,024, 减4, 增加2), and otherwise
    /// comes back as it was read with a confidence of at most <see cref="RejectedConfidence"/>.
    /// </summary>
    public OcrText ReadNumber(GrayImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (InkCoverage.IsBlank(cell))
        {
            return new OcrText("", BlankConfidence);
        }

        return Final(cell, Alone(cell));
    }

    /// <summary>The cell read on its own, judged by the check model.</summary>
    private OcrText Alone(GrayImage cell)
    {
        var (read, check) = ReadAlone(cell);
        if (read.Text.Length == 0)
        {
            // Ink that Tesseract could not read is not an empty cell.
            return new OcrText("", 0);
        }

        if (!NumberPattern.IsMatch(read.Text))
        {
            return read with { Confidence = Math.Min(read.Confidence, RejectedConfidence) };
        }

        return Options.CheckLanguage is null ? read : check is null ? Unconfirmed(read, null) : Judge(read, check);
    }

    /// <summary>
    /// The last word on a cell with ink. A number with too few digits for its ink has lost a character, however
    /// sure the models were (<see cref="DigitWidths"/>: serifed "11" whose feet touch is one glyph to both); it
    /// is read again with its glyphs <see cref="SetApart"/>. A reading still doubtful is tried once more as
    /// <see cref="Repeated"/>, then <see cref="Rescaled"/>. Any of them may settle the cell; otherwise it stays
    /// as read, doubtful.
    /// </summary>
    private OcrText Final(GrayImage cell, OcrText read)
    {
        if (InkBounds.Find(cell) is not { } ink)
        {
            return read;
        }

        // A number is one line. Ink in two (a merged cell holding two rows' values, "1" over "0") is read as one
        // of them, and surely; no reading of it is sure.
        if (TextLineHeight.Count(cell) > 1)
        {
            return read with { Confidence = Math.Min(read.Confidence, RejectedConfidence) };
        }

        if (!DigitWidths.CouldSpan(read.Text, ink.Width, ink.Height))
        {
            read = SetApart(cell, ink) ?? read with { Confidence = Math.Min(read.Confidence, RejectedConfidence) };
        }

        // Nothing read from ink as wide as two characters is most often a heading in a narrow column (其他, 总计),
        // which the reader then reads as Chinese; copies of it would cost two more readings for nothing.
        var worthRepeating = read.Text.Length > 0 || ink.Width <= 1.5 * ink.Height;
        var final = worthRepeating && read.Confidence <= UnconfirmedConfidence ? Repeated(cell, ink) ?? Rescaled(cell, ink) ?? read : read;

        // A minus sign in small type is a bar a pixel or two thick, which the models can drop: "-1" read as a sure
        // "1". A number read without its sign, with a bar of ink before it, is not sure.
        return final.Confidence > RejectedConfidence && NumberPattern.IsPlain(final.Text) && !final.Text.StartsWith('-')
            && BlankMark.BarBefore(cell, ink)
            ? final with { Confidence = RejectedConfidence }
            : final;
    }

    /// <summary>
    /// The cell's ink read at five sizes by both models. On a worn scan Tesseract's reading of a short number
    /// changes with its size: a clear "1" is read at 80% and at 200% and dropped as noise between, and the "1"
    /// of "-1" comes and goes. A number that every reading giving one agrees on, from both models and at least
    /// three times, settles the cell: as sure as its surest reading when half the ten readings give it, and
    /// doubtful (<see cref="RejectedConfidence"/>) when fewer do, so that the likely value is shown for review.
    /// </summary>
    private OcrText? Rescaled(GrayImage cell, Rect ink)
    {
        if (Options.CheckLanguage is not { } checkLanguage)
        {
            return null;
        }

        var tight = CutToInk(cell, ink);
        var readings = new List<(string Language, OcrText Text)>();
        foreach (var factor in (ReadOnlySpan<double>)[0.8, 1, 1.25, 1.5, 2])
        {
            var sized = factor == 1 ? tight : Scaling.By(tight, factor);
            var framed = PaperFrame.Add(sized, Math.Max(12, sized.Height / 3));
            foreach (var language in (ReadOnlySpan<string>)[Options.Language, checkLanguage])
            {
                readings.Add((language, pool.Use(language, engine => engine.Recognize(framed, PageSegmentation.SingleLine, PlainNumberWhitelist, Options.Dpi))));
            }
        }

        var numbers = readings.Where(r => NumberPattern.IsPlain(r.Text.Text) && DigitWidths.CouldSpan(r.Text.Text, ink.Width, ink.Height)).ToList();
        if (numbers.Count < 3 || numbers.Select(r => r.Text.Text).Distinct().Count() != 1 || numbers.Select(r => r.Language).Distinct().Count() != 2)
        {
            return null;
        }

        return Agreed(numbers, readings.Count, 1 / 2.0) ?? new OcrText(numbers[0].Text.Text, Math.Min(RejectedConfidence, numbers.Max(r => r.Text.Confidence)));
    }

    /// <summary>
    /// The cell read with touching glyphs set apart (<see cref="GlyphSpacing"/>): the models' decoding merges a
    /// doubled character it sees no gap in. Both models read it in line and word mode at three gaps; a number
    /// as long as the ink that half of the twelve readings, from both models, agree on is taken.
    /// </summary>
    private OcrText? SetApart(GrayImage cell, Rect ink)
    {
        if (Options.CheckLanguage is not { } checkLanguage)
        {
            return null;
        }

        var readings = new List<(string Language, OcrText Text)>();
        foreach (var share in (ReadOnlySpan<double>)[1 / 6.0, 1 / 3.0, 1 / 2.0])
        {
            if (GlyphSpacing.SetApart(cell.Crop(ink), share) is not { } spaced)
            {
                return null;
            }

            var framed = PaperFrame.Add(spaced, Math.Max(10, ink.Height / 3));
            foreach (var language in (ReadOnlySpan<string>)[Options.Language, checkLanguage])
            {
                foreach (var mode in (ReadOnlySpan<PageSegmentation>)[PageSegmentation.SingleLine, PageSegmentation.SingleWord])
                {
                    readings.Add((language, pool.Use(language, engine => engine.Recognize(framed, mode, PlainNumberWhitelist, Options.Dpi))));
                }
            }
        }

        return Agreed(readings.Where(r => NumberPattern.IsPlain(r.Text.Text) && DigitWidths.CouldSpan(r.Text.Text, ink.Width, ink.Height)), readings.Count, 1 / 2.0);
    }

    /// <summary>The text that at least <paramref name="share"/> of <paramref name="total"/> readings give, from both models; as sure as the surest of them.</summary>
    private static OcrText? Agreed(IEnumerable<(string Language, OcrText Text)> readings, int total, double share)
    {
        var agreed = readings.GroupBy(r => r.Text.Text)
            .FirstOrDefault(g => g.Count() >= share * total && g.Select(r => r.Language).Distinct().Count() == 2);
        return agreed is null ? null : new OcrText(agreed.Key, agreed.Max(r => r.Text.Confidence));
    }

    /// <summary>
    /// The cell's ink set three times side by side on one line and read by both models. Alone, a short number is
    /// a weak line to Tesseract: a lone "1" or the "1" of "-1" is dropped as noise, and "11" merges into "1".
    /// Among copies of itself it is read as a line is. A number that two thirds of the six readings give, from
    /// both models, as long as the ink, settles the cell; the text is what was read, never altered.
    /// </summary>
    private OcrText? Repeated(GrayImage cell, Rect ink)
    {
        if (Options.CheckLanguage is not { } checkLanguage)
        {
            return null;
        }

        var strip = NumberStrip.Compose([cell, cell, cell], TargetLineHeight);
        var readings = new List<(string Language, OcrText Text)>();
        foreach (var (language, whitelist) in (ReadOnlySpan<(string, string)>)[(Options.Language, NumberWhitelist), (checkLanguage, PlainNumberWhitelist)])
        {
            var pieces = strip.Assign(pool.Use(language, engine =>
                engine.RecognizeParts(strip.Image, PageSegmentation.SingleLine, whitelist, Options.Dpi, OcrLevel.Symbol)));
            for (var i = 0; i < pieces.Length; i++)
            {
                if (pieces[i] is { } piece && NumberPattern.IsMatch(piece.Text) && strip.Fits(i, piece.Text)
                    && DigitWidths.CouldSpan(piece.Text, ink.Width, ink.Height))
                {
                    readings.Add((language, piece));
                }
            }
        }

        return Agreed(readings, 6, 2 / 3.0);
    }

    /// <summary>
    /// The numeric cells of one table row, read together as one line (<see cref="NumberStrip"/>), each result as
    /// <see cref="ReadNumber"/> would give it. A cell the line reading cannot settle is read on its own.
    /// </summary>
    public IReadOnlyList<OcrText> ReadNumbers(IReadOnlyList<GrayImage> cells) => [.. ReadRow(cells, deferring: false).Select(r => r.Read)];

    /// <summary>
    /// As <see cref="ReadNumbers"/>, except that a number PP-OCR reads with every character sure, as long as its
    /// ink, on one line and with no bar of a lost minus before it, is not yet shown to the check model: it comes
    /// back awaiting its second reading (<see cref="Confirm"/>), held below the threshold, unless the table's own
    /// identities confirm it. That keeps Tesseract off the common path. With Tesseract as the first reader,
    /// every number is checked at once, as before.
    /// </summary>
    /// <remarks>The rows' cells are read by PP-OCR in one call, so that its batches are full and sorted by width.</remarks>
    public IReadOnlyList<IReadOnlyList<NumberReading>> ReadNumbersFirst(IReadOnlyList<IReadOnlyList<GrayImage>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (numbers is null)
        {
            return [.. rows.Select(row => ReadRow(row, deferring: false))];
        }

        var inked = rows.Select(row => row.Where(c => !InkCoverage.IsBlank(c)).ToList()).ToList();
        var (read, weakest) = FirstReadings([.. inked.SelectMany(c => c)], numbers);
        var start = 0;
        var result = new List<IReadOnlyList<NumberReading>>();
        foreach (var (row, count) in rows.Zip(inked.Select(c => c.Count)))
        {
            result.Add(ReadRow(row, deferring: true, (read[start..(start + count)], weakest[start..(start + count)])));
            start += count;
        }

        return result;
    }

    /// <summary>
    /// A number PP-OCR alone read (<see cref="ReadNumbersFirst"/>), read again by the check model on its own and
    /// settled as a row's cell is: both models agreeing settle it, anything else is read again by both.
    /// </summary>
    public OcrText Confirm(GrayImage cell, OcrText first)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(first);
        var prepared = Prepare(InkBounds.Find(cell) is { } ink ? CutToInk(cell, ink) : cell);
        var check = Options.CheckLanguage is { } language
            ? pool.Use(language, engine => engine.Recognize(prepared, PageSegmentation.SingleLine, PlainNumberWhitelist, Options.Dpi))
            : null;
        return Final(cell, check is not null && check.Text == first.Text ? Judge(first, check) : Reconsidered(cell, first, check));
    }

    /// <param name="first">PP-OCR's readings of the row's inked cells, when already made; else they are made here.</param>
    private NumberReading[] ReadRow(IReadOnlyList<GrayImage> cells, bool deferring, (OcrText?[] Read, double[] Weakest)? first = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var results = new NumberReading?[cells.Count];
        var inked = new List<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (InkCoverage.IsBlank(cells[i]))
            {
                results[i] = new NumberReading(new OcrText("", BlankConfidence));
            }
            else
            {
                inked.Add(i);
            }
        }

        var strip = NumberStrip.Compose([.. inked.Select(i => cells[i])], TargetLineHeight);
        if (!strip.IsEmpty)
        {
            var (read, weakest) = numbers is null
                ? (strip.Assign(pool.Use(Options.Language, engine =>
                    engine.RecognizeParts(strip.Image, PageSegmentation.SingleLine, NumberWhitelist, Options.Dpi, OcrLevel.Symbol))), new double[inked.Count])
                : first ?? FirstReadings([.. inked.Select(i => cells[i])], numbers);

            // A piece that is not a number (a heading among the values) can pull the model's characters out of
            // place, so that a neighbour's digit lands on it and both models agree on the rest; a piece given too
            // few or too many characters for its ink shows the same. No reading of such a line is trusted, and
            // every cell of it is read on its own.
            if (Enumerable.Range(0, inked.Count).Any(k => read[k] is not { } piece || !NumberPattern.IsMatch(piece.Text) || !strip.Fits(k, piece.Text)))
            {
                return [.. results.Select((r, i) => r ?? new NumberReading(ReadNumber(cells[i])))];
            }

            var deferred = Enumerable.Range(0, inked.Count).Select(k => deferring && StandsAlone(cells[inked[k]], read[k]!, weakest[k])).ToArray();
            var check = Options.CheckLanguage is { } checkLanguage && Enumerable.Range(0, inked.Count).Any(k => !deferred[k] && NumberPattern.IsPlain(read[k]!.Text))
                ? strip.Assign(pool.Use(checkLanguage, engine =>
                    engine.RecognizeParts(strip.Image, PageSegmentation.SingleLine, PlainNumberWhitelist, Options.Dpi, OcrLevel.Symbol)))
                : null;
            for (var k = 0; k < inked.Count; k++)
            {
                var text = read[k]!;
                // Both models agreeing settles the cell; anything else is read again on its own.
                results[inked[k]] = deferred[k]
                    ? new NumberReading(text with { Confidence = Math.Min(text.Confidence, UnconfirmedConfidence) }, text)
                    : new NumberReading(Final(cells[inked[k]], check?[k] is { } second && second.Text == text.Text
                        ? Judge(text, second)
                        : Reconsidered(cells[inked[k]], text, check?[k])));
            }
        }

        return [.. results.Select((r, i) => r ?? new NumberReading(ReadNumber(cells[i])))];
    }

    /// <summary>
    /// Whether PP-OCR's reading of a number may stand on its word until the table checks it: every character at
    /// least <see cref="SoleConfidence"/>, a plain number, one line of ink, as many digits as the ink can hold
    /// (a number with fewer has lost one, however sure the model is), and no bar before it that a lost minus
    /// would leave.
    /// </summary>
    private static bool StandsAlone(GrayImage cell, OcrText read, double weakest) =>
        weakest >= SoleConfidence && NumberPattern.IsPlain(read.Text) && InkBounds.Find(cell) is { } ink
        && TextLineHeight.Count(cell) <= 1 && DigitWidths.CouldSpan(read.Text, ink.Width, ink.Height)
        && (read.Text.StartsWith('-') || !BlankMark.BarBefore(cell, ink));

    /// <summary>
    /// The cells read by <paramref name="reader"/> in one batch, each cut to its ink and framed with paper,
    /// with only a number's characters allowed; a cell read as nothing is null, as an unassigned strip piece is.
    /// Each comes with its least sure character's confidence.
    /// </summary>
    private static (OcrText?[] Read, double[] Weakest) FirstReadings(IReadOnlyList<GrayImage> cells, ITextRecognizer reader)
    {
        var crops = cells.Select(c => InkBounds.Find(c) is { } ink ? PaperFrame.Add(CutToInk(c, ink), Math.Max(8, ink.Height / 2)) : c).ToList();
        var read = reader.Read(crops, NumberWhitelist);
        return (
            [.. read.Select(r => r.Text.Length == 0 ? null : new OcrText(r.Text.Replace(" ", "", StringComparison.Ordinal), r.Confidence))],
            [.. read.Select(r => r.Weakest)]);
    }

    /// <summary>
    /// Whether a cell holds one short run of ink, as a number of up to about five digits does: a wide cell of
    /// table 二 holding "79" is read as a number first, while 行政许可 is too long to be one.
    /// </summary>
    public static bool HoldsShortRun(GrayImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return InkBounds.Find(cell) is { } ink && ink.Width <= ShortRunAspect * ink.Height;
    }

    /// <summary>
    /// A label cell, which may wrap over several lines; the lines are joined without Tesseract's spaces. A label
    /// the block reading finds nothing in is read as one line: on a worn scan the layout analysis can drop a
    /// short label (规章) as noise, which the line reading, with no layout to find, still reads. Failing both,
    /// the crop is read again with its paper made white.
    /// </summary>
    public OcrText ReadLabel(GrayImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (InkCoverage.IsBlank(cell))
        {
            return new OcrText("", BlankConfidence);
        }

        var (read, _) = FirstFound(cell, [PageSegmentation.SingleBlock, PageSegmentation.SingleLine], whitelist: null);

        // A line break inside a cell is only wrapping: joined with a space, which goes again between Chinese characters.
        var joined = string.Join(' ', read.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return read with { Text = ChineseSpacing.Remove(joined) };
    }

    /// <summary>
    /// Running text in a region of a page, line by line with each line's box (in the region's pixels) and
    /// confidence, with automatic layout; Tesseract's spaces between Chinese characters removed.
    /// </summary>
    public IReadOnlyList<OcrWord> ReadTextLines(GrayImage region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var (prepared, scale, border) = PrepareWithGeometry(region);
        var lines = pool.Use(Options.Language, engine => engine.RecognizeParts(prepared, PageSegmentation.Auto, whitelist: null, Options.Dpi, OcrLevel.TextLine));
        return [.. lines.Select(line => line with
        {
            Text = ChineseSpacing.Remove(line.Text),
            Box = new Rect(
                (int)Math.Round((line.Box.X - border) / scale),
                (int)Math.Round((line.Box.Y - border) / scale),
                (int)Math.Round(line.Box.Width / scale),
                (int)Math.Round(line.Box.Height / scale)),
        }).Where(line => line.Text.Length > 0)];
    }

    /// <summary>
    /// A line holding only a date (2022年1月14日), read again with nothing but digits and 年月日 allowed: in
    /// running text chi_sim often takes the 1 for ] or 丨. The reading is Tesseract's own, not a correction.
    /// </summary>
    public OcrText ReadDate(GrayImage line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var read = pool.Use(Options.Language, engine => engine.Recognize(Prepare(line), PageSegmentation.SingleLine, DateWhitelist, Options.Dpi));
        return read with { Text = ChineseSpacing.Remove(read.Text).Replace(" ", "", StringComparison.Ordinal) };
    }

    /// <summary>One line read by the main model with only <paramref name="whitelist"/>'s characters allowed.</summary>
    public OcrText ReadLine(GrayImage line, string whitelist)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (InkCoverage.IsBlank(line))
        {
            return new OcrText("", 0);
        }

        var read = pool.Use(Options.Language, engine => engine.Recognize(Prepare(line), PageSegmentation.SingleLine, whitelist, Options.Dpi));
        return read with { Text = ChineseSpacing.Remove(read.Text) };
    }

    /// <summary>Running text in a region of a page, line by line, with automatic layout.</summary>
    public OcrLines ReadText(GrayImage region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var read = pool.Use(Options.Language, engine => engine.RecognizeLines(Prepare(region), PageSegmentation.Auto, Options.Dpi));
        return read with { Lines = [.. read.Lines.Select(ChineseSpacing.Remove)] };
    }

    /// <summary>
    /// A cell read on its own, cut to its ink so that slivers of its rulings are not read as digits: by the main
    /// model (line mode, then word mode, which finds a lone thin glyph line mode can miss; reading nothing, both
    /// again with the crop's paper made white) and, for a plain number, by the check model, on the same pixels.
    /// chi_sim is the safer reader of numbers, since a character outside the
    /// whitelist drops its confidence to nothing, but it is rarely sure of clean digits (0.86 to 0.93), and on
    /// a worn scan it can read a 3 as 8 and claim 0.99; so every number is read by a second model too.
    /// </summary>
    private (OcrText Read, OcrText? Check) ReadAlone(GrayImage cell)
    {
        var (read, prepared) = FirstFound(
            InkBounds.Find(cell) is { } ink ? CutToInk(cell, ink) : cell,
            [PageSegmentation.SingleLine, PageSegmentation.SingleWord],
            NumberWhitelist);
        var check = Options.CheckLanguage is { } language && NumberPattern.IsPlain(read.Text)
            ? pool.Use(language, engine => engine.Recognize(prepared, PageSegmentation.SingleLine, PlainNumberWhitelist, Options.Dpi))
            : null;
        return (read, check);
    }

    /// <summary>
    /// A cell the two models read differently in the line, read again on its own by both. Three of the four
    /// readings agreeing settle it (the line can merge "11" into "1" where the cell alone is read right);
    /// otherwise it keeps the surer of its doubtful readings. No reading is ever altered, only chosen.
    /// </summary>
    private OcrText Reconsidered(GrayImage cell, OcrText inLine, OcrText? inLineCheck)
    {
        var (alone, aloneCheck) = ReadAlone(cell);
        var agreed = new[] { inLine, inLineCheck, alone, aloneCheck }
            .OfType<OcrText>()
            .Where(r => NumberPattern.IsMatch(r.Text))
            .GroupBy(r => r.Text)
            .FirstOrDefault(g => g.Count() >= 3);
        if (agreed is not null)
        {
            return new OcrText(agreed.Key, agreed.Max(r => r.Confidence));
        }

        var single = alone.Text.Length == 0 ? new OcrText("", 0)
            : !NumberPattern.IsMatch(alone.Text) ? alone with { Confidence = Math.Min(alone.Confidence, RejectedConfidence) }
            : aloneCheck is null ? Unconfirmed(alone, null) : Judge(alone, aloneCheck);
        return Better(Unconfirmed(inLine, inLineCheck), single);
    }

    /// <summary>A reading the check model did not confirm: doubtful when it read another number, held below the threshold otherwise.</summary>
    private static OcrText Unconfirmed(OcrText read, OcrText? check) => check is null ? read with { Confidence = Math.Min(read.Confidence, UnconfirmedConfidence) } : Judge(read, check);

    /// <summary>
    /// Of a doubtful line reading and the cell read on its own (where "17" that the line gave as "117" is read
    /// right, but a lone "1" may be lost), the surer; neither text is changed.
    /// </summary>
    private static OcrText Better(OcrText inLine, OcrText alone) => alone.Confidence > inLine.Confidence ? alone : inLine;

    /// <summary>The first reading, made surer or doubtful by the check model's reading of the same cell.</summary>
    private static OcrText Judge(OcrText read, OcrText check)
    {
        if (check.Text == read.Text)
        {
            return read with { Confidence = Math.Max(read.Confidence, check.Confidence) };
        }

        // A second model that reads another number is evidence against; one that reads nothing usable is no
        // evidence either way, and an unconfirmed reading is not let through as a sure one.
        return NumberPattern.IsMatch(check.Text) && check.Confidence >= DissentConfidence
            ? read with { Confidence = Math.Min(read.Confidence, RejectedConfidence) }
            : read with { Confidence = Math.Min(read.Confidence, UnconfirmedConfidence) };
    }

    /// <summary>
    /// Scaled so that its lines of text have a height Tesseract reads well, then framed with a white border of
    /// about half a line, at least 10 pixels.
    /// </summary>
    private static GrayImage Prepare(GrayImage image) => PrepareWithGeometry(image).Image;

    /// <summary>The cell cut to its ink with two pixels of paper, so that slivers of its rulings are not read.</summary>
    private static GrayImage CutToInk(GrayImage cell, Rect ink) => cell.Crop(ink.Inflate(2).Intersect(cell.Bounds));

    /// <summary>
    /// The first reading of <paramref name="crop"/> by the main model that finds anything: each of its
    /// <see cref="Prepared"/> forms in each of <paramref name="modes"/> in turn. With nothing found, the last
    /// reading. The form read is given back for the check model to read the same pixels.
    /// </summary>
    private (OcrText Read, GrayImage Prepared) FirstFound(GrayImage crop, PageSegmentation[] modes, string? whitelist)
    {
        var read = new OcrText("", 0);
        var last = crop;
        foreach (var prepared in Prepared(crop))
        {
            last = prepared;
            foreach (var mode in modes)
            {
                read = pool.Use(Options.Language, engine => engine.Recognize(prepared, mode, whitelist, Options.Dpi));
                if (read.Text.Trim().Length > 0)
                {
                    return (read, prepared);
                }
            }
        }

        return (read, last);
    }

    /// <summary>
    /// A crop as <see cref="Prepare"/> gives it, then with its paper made white (<see cref="PaperLevel.Whitened"/>):
    /// in a crop this small the grey paper of a worn scan against the white frame is most of what Tesseract
    /// thresholds, and a clear 规章 or "1" can come back as nothing. Only tried when the crop as it is reads as
    /// nothing, since whitening also thins the grey edges a clean crop is read by.
    /// </summary>
    private static IEnumerable<GrayImage> Prepared(GrayImage image)
    {
        yield return Prepare(image);
        if (PaperLevel.Whitened(image) is { } whitened)
        {
            yield return Prepare(whitened);
        }
    }

    private static (GrayImage Image, double Scale, int Border) PrepareWithGeometry(GrayImage image)
    {
        var lineHeight = TextLineHeight.Measure(image);
        var scale = lineHeight switch
        {
            0 => 1,
            > TallestLine => TargetLineHeight / lineHeight,
            < ShortestLine => Math.Min(MaxEnlargement, TargetLineHeight / lineHeight),
            _ => 1,
        };
        var sized = scale == 1 ? image : Scaling.By(image, scale);
        var border = Math.Max(10, Math.Min(sized.Height, sized.Width) / 4);
        return (PaperFrame.Add(sized, border), scale, border);
    }
}
