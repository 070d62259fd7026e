using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// PP-OCRv4's text detection with DB post-processing, for a region of a page the line finding left without
/// lines (a heading dropped by the layout, a signature block). The region is scaled so its longer side is at
/// most 960 pixels and both are multiples of 32, normalised with ImageNet's mean and deviation; the model gives
/// each pixel's chance of being text. Pixels above 0.3 are joined into regions, a region whose mean chance is
/// under 0.6 is dropped, and the rest are widened by area × 1.5 / perimeter, as DB's unclip does. Pages are
/// deskewed before this, so the boxes are upright rectangles.
/// </summary>
public sealed class PaddleDetector : IDisposable
{
    private const int LongestSide = 960;
    private const float PixelThreshold = 0.3f;
    private const double BoxThreshold = 0.6;
    private const double Unclip = 1.5;

    /// <summary>Regions smaller than this, in the model's pixels, are specks (PaddleOCR's min_size).</summary>
    private const int MinSide = 3;

    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Deviation = [0.229f, 0.224f, 0.225f];

    private readonly OnnxModel model;

    internal PaddleDetector(PaddleModels models)
    {
        model = new OnnxModel(models.Detection);
    }

    /// <summary>The boxes of text in <paramref name="region"/>, in its pixels, top to bottom.</summary>
    public IReadOnlyList<Rect> Detect(GrayImage region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var scale = Math.Min(1.0, (double)LongestSide / Math.Max(region.Width, region.Height));
        var width = Math.Max(32, (int)Math.Round(region.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(region.Height * scale / 32) * 32);
        var sized = PaddleRecognizer.Resize(region, width, height);
        var plane = width * height;
        var data = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            var value = sized.Pixels[i] / 255f;
            for (var c = 0; c < 3; c++)
            {
                data[(c * plane) + i] = (value - Mean[c]) / Deviation[c];
            }
        }

        var (map, _) = model.Run(data, [1, 3, height, width]);
        var scaleX = (double)region.Width / width;
        var scaleY = (double)region.Height / height;
        return [.. Regions(map, width, height)
            .Select(box => Rect.FromEdges(
                (int)Math.Floor(box.X * scaleX), (int)Math.Floor(box.Y * scaleY),
                (int)Math.Ceiling(box.Right * scaleX), (int)Math.Ceiling(box.Bottom * scaleY)).Intersect(region.Bounds))
            .Where(box => !box.IsEmpty)
            .OrderBy(box => box.Y)];
    }

    /// <summary>The text regions of the probability map: 4-connected pixels over the threshold, scored and unclipped.</summary>
    private static IEnumerable<Rect> Regions(float[] map, int width, int height)
    {
        var seen = new bool[map.Length];
        var stack = new Stack<int>();
        for (var start = 0; start < map.Length; start++)
        {
            if (seen[start] || map[start] <= PixelThreshold)
            {
                continue;
            }

            seen[start] = true;
            stack.Push(start);
            int left = width, top = height, right = -1, bottom = -1;
            double sum = 0;
            var count = 0;
            while (stack.TryPop(out var at))
            {
                var (x, y) = (at % width, at / width);
                (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                sum += map[at];
                count++;
                foreach (var next in (ReadOnlySpan<int>)[x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, y > 0 ? at - width : -1, y < height - 1 ? at + width : -1])
                {
                    if (next >= 0 && !seen[next] && map[next] > PixelThreshold)
                    {
                        seen[next] = true;
                        stack.Push(next);
                    }
                }
            }

            var (w, h) = (right - left + 1, bottom - top + 1);
            if (Math.Min(w, h) < MinSide || sum / count < BoxThreshold)
            {
                continue;
            }

            // DB's unclip: the shrunk text kernel grown back by area × ratio / perimeter on every side.
            var grow = (int)Math.Ceiling(w * h * Unclip / (2.0 * (w + h)));
            yield return Rect.FromEdges(left - grow, top - grow, right + 1 + grow, bottom + 1 + grow);
        }
    }

    public void Dispose() => model.Dispose();
}
