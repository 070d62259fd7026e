using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// PaddleOCR's PP-OCRv4 recogniser through ONNX Runtime, with its angle classifier to tell lines upside down.
/// Lines are batched by width (sorted, so a batch pads little), each scaled to 48 pixels high, normalised to
/// (x/255 − 0.5)/0.5 and padded with 0 on the right, as PaddleOCR prepares them; the output is decoded by
/// <see cref="CtcDecoding"/>. One instance per process holds one session per model, shared by all threads.
/// </summary>
public sealed class PaddleRecognizer : ITextRecognizer, IDisposable
{
    public const int Height = 48;

    /// <summary>Lines per run of the angle classifier: PaddleOCR's own default batch.</summary>
    private const int BatchSize = 6;

    /// <summary>
    /// The most lines in one recognition run. Short lines (number cells) are many: a run costs a fixed overhead
    /// besides its pixels, so they go in batches up to <see cref="BatchWidth"/> wide in all.
    /// </summary>
    private const int MaxBatch = 32;

    /// <summary>
    /// The padded width of a recognition batch, summed over its lines. A run's cost per column grows once its
    /// tensors outgrow the core's cache: measured on one thread, 0.10 ms a column up to about 1,300 columns in
    /// all, 0.15–0.2 ms beyond (seven body lines 1,322 wide in one run took twice as long as one by one).
    /// </summary>
    private const int BatchWidth = 1280;

    /// <summary>The angle classifier's input width; a line is scaled to 48 high and cut or padded to it.</summary>
    private const int AngleWidth = 192;

    /// <summary>A line is turned only when the classifier is this sure it is upside down (PaddleOCR's cls_thresh).</summary>
    private const double TurnConfidence = 0.9;

    /// <summary>Lines wider than this (scaled to 48 high) are not scaled wider, as PaddleOCR's own reader caps them.</summary>
    private const int MaxWidth = 3200;

    /// <summary>How much darker than the paper a pixel must be to count as ink.</summary>
    private const int InkContrast = 64;

    private static readonly Lock SharedGate = new();
    private static PaddleRecognizer? shared;

    private readonly OnnxModel recognition;
    private readonly OnnxModel angle;
    private readonly CtcDecoding decoding;

    public PaddleRecognizer(PaddleModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        decoding = CtcDecoding.FromKeys(models.Keys);
        recognition = new OnnxModel(models.Recognition);
        angle = new OnnxModel(models.Angle);
        Detector = new PaddleDetector(models);
    }

    public string Name => "paddle";

    /// <summary>The detection model, for regions the page's own line finding leaves without lines.</summary>
    public PaddleDetector Detector { get; }

    /// <summary>The process's one recogniser, loaded on first use from <see cref="PaddleModels.Locate"/>.</summary>
    /// <exception cref="OcrUnavailableException">The models are missing.</exception>
    public static PaddleRecognizer Shared()
    {
        lock (SharedGate)
        {
            return shared ??= new PaddleRecognizer(PaddleModels.Locate());
        }
    }

    public IReadOnlyList<LineReading> Read(IReadOnlyList<GrayImage> lines, string? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var results = new LineReading[lines.Count];
        var trimmed = lines.Select(Trimmed).ToList();
        var order = Enumerable.Range(0, lines.Count)
            .Where(i => trimmed[i] is not null)
            .OrderBy(i => (double)trimmed[i]!.Width / trimmed[i]!.Height)
            .ToList();
        var upright = trimmed;
        for (var start = 0; start < order.Count;)
        {
            // Sorted by width, the last line of a batch is its widest, to which the others are padded.
            var count = 1;
            while (start + count < order.Count && count < MaxBatch && (count + 1) * ScaledWidth(upright[order[start + count]]!) <= BatchWidth)
            {
                count++;
            }

            var batch = order.GetRange(start, count);
            start += count;
            var read = StepTimes.Time(ReadingStep.Recognition, () => Recognize([.. batch.Select(i => upright[i]!)], allowed is null ? null : decoding.Mask(allowed)));
            for (var k = 0; k < batch.Count; k++)
            {
                results[batch[k]] = Shifted(read[k], Left(lines[batch[k]]));
            }
        }

        return [.. results.Select(r => r ?? LineReading.Nothing)];
    }

    public IReadOnlyList<Rect> FindLines(GrayImage region) => StepTimes.Time(ReadingStep.Detection, () => Detector.Detect(region));

    /// <summary>Paper left of the ink and beyond a margin right of it, in pixels; a line with no ink gives null.</summary>
    private static (int Left, int Right)? InkColumns(GrayImage line)
    {
        if (line.Width == 0 || line.Height == 0)
        {
            return null;
        }

        var threshold = PaperLevel.Of(line) - InkContrast;
        int left = -1, right = -1;
        for (var x = 0; x < line.Width; x++)
        {
            for (var y = 0; y < line.Height; y++)
            {
                if (line[x, y] < threshold)
                {
                    left = left < 0 ? x : left;
                    right = x;
                    break;
                }
            }
        }

        if (left < 0)
        {
            return null;
        }

        var margin = Math.Max(8, line.Height / 2);
        return (Math.Max(0, left - margin), Math.Min(line.Width, right + 1 + margin));
    }

    /// <summary>
    /// The line cut across to its ink with a margin of half its height. The model, given a long stretch of blank
    /// paper after a line, can read a stray character into it (2022年1月14日產).
    /// </summary>
    private static GrayImage? Trimmed(GrayImage line) =>
        InkColumns(line) is not { } ink ? null
        : ink.Left == 0 && ink.Right == line.Width ? line
        : line.Crop(Rect.FromEdges(ink.Left, 0, ink.Right, line.Height));

    private static int Left(GrayImage line) => InkColumns(line)?.Left ?? 0;

    private static LineReading Shifted(LineReading read, int left) =>
        left == 0 ? read : read with { Characters = [.. read.Characters.Select(c => c with { X = c.X + left })] };

    /// <summary>
    /// The share of the lines the angle classifier is sure (over <see cref="TurnConfidence"/>) are upside down.
    /// The page reader turns a whole page by it, since a table's grid turns with its cells; single lines are
    /// not turned one by one, or an upside-down page would read as upright text in a grid read backwards.
    /// </summary>
    public double UpsideDownShare(IReadOnlyList<GrayImage> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var kept = lines.Select(Trimmed).OfType<GrayImage>().ToList();
        if (kept.Count == 0)
        {
            return 0;
        }

        var turned = 0;
        for (var start = 0; start < kept.Count; start += BatchSize)
        {
            var batch = kept.Skip(start).Take(BatchSize).ToList();
            var data = new float[batch.Count * 3 * Height * AngleWidth];
            for (var k = 0; k < batch.Count; k++)
            {
                Fill(data, k, batch[k], AngleWidth);
            }

            var scores = StepTimes.Time(ReadingStep.Recognition, () => angle.Run(data, [batch.Count, 3, Height, AngleWidth])).Values;
            turned += Enumerable.Range(0, batch.Count).Count(k => scores[(2 * k) + 1] > TurnConfidence);
        }

        return (double)turned / kept.Count;
    }

    private LineReading[] Recognize(GrayImage[] lines, bool[]? mask)
    {
        var widths = lines.Select(ScaledWidth).ToArray();
        var width = widths.Max();
        var data = new float[lines.Length * 3 * Height * width];
        for (var k = 0; k < lines.Length; k++)
        {
            Fill(data, k, lines[k], width);
        }

        var (probabilities, shape) = recognition.Run(data, [lines.Length, 3, Height, width]);
        var steps = (int)shape[1];
        var classes = (int)shape[2];
        var result = new LineReading[lines.Length];
        for (var k = 0; k < lines.Length; k++)
        {
            // A time step covers width/steps pixels of the padded input; back in the line's own pixels.
            var pixelsPerStep = (double)width / steps * lines[k].Width / widths[k];
            result[k] = decoding.Decode(probabilities.AsSpan(k * steps * classes, steps * classes), steps, classes, pixelsPerStep, mask);
        }

        return result;
    }

    private static int ScaledWidth(GrayImage line) =>
        Math.Clamp((int)Math.Ceiling((double)Height * line.Width / line.Height), 1, MaxWidth);

    /// <summary>
    /// Writes one line into the batch tensor (N×3×48×W): scaled to 48 high keeping its shape (at most
    /// <paramref name="width"/> wide), normalised, grey in all three channels; the rest stays 0, the padding.
    /// </summary>
    private static void Fill(float[] data, int index, GrayImage line, int width)
    {
        var scaled = Math.Min(width, ScaledWidth(line));
        var sized = Resize(line, scaled, Height);
        var plane = Height * width;
        var offset = index * 3 * plane;
        for (var y = 0; y < Height; y++)
        {
            var row = sized.Row(y);
            for (var x = 0; x < scaled; x++)
            {
                var value = (row[x] / 255f - 0.5f) / 0.5f;
                var at = offset + (y * width) + x;
                data[at] = value;
                data[at + plane] = value;
                data[at + (2 * plane)] = value;
            }
        }
    }

    /// <summary>Bilinear resize to an exact size, as cv2.resize does for PaddleOCR.</summary>
    internal static GrayImage Resize(GrayImage image, int width, int height) =>
        image.Width == width && image.Height == height ? image : Scaling.Bilinear(image, width, height);

    public void Dispose()
    {
        recognition.Dispose();
        angle.Dispose();
        Detector.Dispose();
    }
}
