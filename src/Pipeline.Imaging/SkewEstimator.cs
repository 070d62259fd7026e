using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// The small skew of a scanned page, from its horizontal rulings and text lines: the angle at
/// which the row profile of the ink, taken along slanted lines, is sharpest (Postl's criterion,
/// the sum of squared differences between neighbouring rows). The answer is the angle by which the content is turned counter-clockwise as seen on
/// screen, in degrees; <c>Rotation.Rotate(page, -skew)</c> straightens it.
/// </summary>
/// <remarks>
/// The page is cut into narrow vertical strips whose row counts are taken once; a slanted
/// profile is then the strips' counts added with a shift each, so each angle costs strips × rows
/// rather than a pass over every pixel. A coarse pass (rows in fours, 0.2° steps) finds the peak,
/// a fine pass at full resolution (0.05° steps) places it, and a parabola through the best
/// three refines it.
/// </remarks>
/// <param name="MaxAngle">Largest skew looked for, in degrees either way.</param>
/// <param name="Step">Resolution of the fine pass, in degrees.</param>
public sealed record SkewEstimator(double MaxAngle = 3, double Step = 0.05)
{
    private const int CoarseRows = 4;
    private const int CoarseStrips = 4;

    public static SkewEstimator Default { get; } = new();

    /// <summary>Skew in degrees, counter-clockwise positive; 0 for a page without ink.</summary>
    public double Estimate(BinaryImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAngle);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Step);

        // Within a strip the slant moves a line by at most half a pixel.
        var stripWidth = (int)Math.Clamp(Math.Floor(0.5 / Math.Tan(Radians(MaxAngle))), 1, 32);
        var fine = StripCounts.Take(image, stripWidth);
        if (fine.Ink == 0)
        {
            return 0;
        }

        var coarse = fine.Combine(CoarseStrips, CoarseRows);
        var coarseStep = Math.Max(0.2, Step);
        var best = Search(coarse, -MaxAngle, MaxAngle, coarseStep, []);

        // The coarse pass can be off by more than its step (its rows are four pixels, and it
        // leans towards 0); when the fine peak sits on the edge of its window, look further.
        var (from, to) = (Math.Max(-MaxAngle, best - (1.5 * coarseStep)), Math.Min(MaxAngle, best + (1.5 * coarseStep)));
        var scores = new Dictionary<double, double>();
        var angle = Search(fine, from, to, Step, scores);
        while (true)
        {
            if (angle >= to - (Step / 2) && to < MaxAngle)
            {
                var further = Math.Min(MaxAngle, to + (3 * coarseStep));
                angle = Search(fine, to, further, Step, scores);
                to = further;
            }
            else if (angle <= from + (Step / 2) && from > -MaxAngle)
            {
                var further = Math.Max(-MaxAngle, from - (3 * coarseStep));
                angle = Search(fine, further, from, Step, scores);
                from = further;
            }
            else
            {
                break;
            }
        }

        return Math.Clamp(Refine(angle, scores, Step), -MaxAngle, MaxAngle);
    }

    /// <summary>The best angle from <paramref name="from"/> to <paramref name="to"/>, including those scored before; every score is added to <paramref name="scores"/>.</summary>
    private static double Search(StripCounts counts, double from, double to, double step, Dictionary<double, double> scores)
    {
        var steps = (int)Math.Round((to - from) / step);
        var profile = new float[counts.Rows + (2 * counts.Padding(Math.Max(Math.Abs(from), Math.Abs(to))))];
        for (var i = 0; i <= steps; i++)
        {
            var angle = Math.Round(from + (i * step), 6);
            if (!scores.ContainsKey(angle))
            {
                scores[angle] = counts.Score(Math.Tan(Radians(angle)), profile);
            }
        }

        // Ties go to the smaller angle, so a page with nothing slanted reads as straight.
        double bestAngle = 0, bestScore = double.MinValue;
        foreach (var (angle, score) in scores)
        {
            if (score > bestScore || (score == bestScore && Math.Abs(angle) < Math.Abs(bestAngle)))
            {
                (bestAngle, bestScore) = (angle, score);
            }
        }

        return bestAngle;
    }

    /// <summary>The vertex of the parabola through the best score and its two neighbours.</summary>
    private static double Refine(double angle, Dictionary<double, double> scores, double step)
    {
        if (!scores.TryGetValue(Math.Round(angle - step, 6), out var before) || !scores.TryGetValue(Math.Round(angle + step, 6), out var after))
        {
            return angle;
        }

        var middle = scores[angle];
        var curvature = before - (2 * middle) + after;
        if (curvature >= 0)
        {
            return angle;
        }

        var offset = 0.5 * (before - after) / curvature;
        return angle + (Math.Clamp(offset, -0.5, 0.5) * step);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>Ink counted per row within vertical strips, strip-major.</summary>
    private sealed class StripCounts
    {
        private readonly int[] _counts;

        /// <summary>Horizontal offset of each strip's centre from the page centre, in row units.</summary>
        private readonly double[] _centres;

        private StripCounts(int strips, int rows, int[] counts, double[] centres, long ink, bool dithered)
        {
            Dithered = dithered;
            Strips = strips;
            Rows = rows;
            _counts = counts;
            _centres = centres;
            Ink = ink;
        }

        public int Strips { get; }

        public int Rows { get; }

        public long Ink { get; }

        /// <summary>
        /// Whether each strip is offset by a fixed random fraction of a row. Without it the angle
        /// 0, where all shifts are whole rows, is blurred least by the interpolation and favoured:
        /// 0.08° reads as 0.02°. The coarse pass does without, as its rows are four pixels and an
        /// offset of up to a row would blur away the peak.
        /// </summary>
        public bool Dithered { get; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static StripCounts Take(BinaryImage image, int stripWidth)
        {
            int width = image.Width, height = image.Height;
            var strips = (width + stripWidth - 1) / stripWidth;
            var counts = new int[strips * height];
            long ink = 0;
            for (var y = 0; y < height; y++)
            {
                var row = image.Ink.AsSpan(y * width, width);
                var x = 0;
                while (x < width)
                {
                    var start = row[x..].IndexOf(true);
                    if (start < 0)
                    {
                        break;
                    }

                    start += x;
                    var length = row[start..].IndexOf(false);
                    var end = length < 0 ? width : start + length;
                    for (var i = start; i < end; i++)
                    {
                        counts[(i / stripWidth * height) + y]++;
                    }

                    ink += end - start;
                    x = end;
                }
            }

            var centres = new double[strips];
            for (var s = 0; s < strips; s++)
            {
                var left = s * stripWidth;
                var right = Math.Min(width, left + stripWidth);
                centres[s] = ((left + right - 1) / 2.0) - ((width - 1) / 2.0);
            }

            return new StripCounts(strips, height, counts, centres, ink, dithered: true);
        }

        /// <summary>Groups of strips and rows added together, for the coarse pass.</summary>
        public StripCounts Combine(int stripGroup, int rowGroup)
        {
            var strips = (Strips + stripGroup - 1) / stripGroup;
            var rows = (Rows + rowGroup - 1) / rowGroup;
            var counts = new int[strips * rows];
            var centres = new double[strips];
            var members = new int[strips];
            for (var s = 0; s < Strips; s++)
            {
                var target = s / stripGroup;
                centres[target] += _centres[s];
                members[target]++;
                var source = _counts.AsSpan(s * Rows, Rows);
                var sink = counts.AsSpan(target * rows, rows);
                for (var y = 0; y < Rows; y++)
                {
                    sink[y / rowGroup] += source[y];
                }
            }

            for (var s = 0; s < strips; s++)
            {
                centres[s] = centres[s] / members[s] / rowGroup;
            }

            return new StripCounts(strips, rows, counts, centres, Ink, dithered: false);
        }

        /// <summary>
        /// A fixed offset in [0, 1) per strip, from an integer hash. It must not grow linearly with
        /// the strip (as a golden-ratio sequence does): the slant of some angle would cancel it,
        /// and that angle would be blurred least.
        /// </summary>
        private static double Dither(int strip)
        {
            var hash = (uint)strip * 2654435761u;
            hash ^= hash >> 15;
            hash *= 2246822519u;
            hash ^= hash >> 13;
            return (hash >> 8) / (double)(1 << 24);
        }

        public int Padding(double maxAngle)
        {
            var widest = _centres.Length == 0 ? 0 : Math.Max(Math.Abs(_centres[0]), Math.Abs(_centres[^1]));
            return (int)Math.Ceiling(widest * Math.Tan(Radians(maxAngle))) + 3;
        }

        /// <summary>How sharp the profile along lines of slope <paramref name="tangent"/> is.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Score(double tangent, float[] profile)
        {
            Array.Clear(profile);
            var padding = (profile.Length - Rows) / 2;
            for (var s = 0; s < Strips; s++)
            {
                // A line turned counter-clockwise rises to the right: y + (x − centre)·tan is constant on it.
                var shift = (_centres[s] * tangent) + (Dithered ? Dither(s) : 0);
                var whole = (int)Math.Floor(shift);
                var fraction = (float)(shift - whole);
                var source = _counts.AsSpan(s * Rows, Rows);
                var sink = profile.AsSpan(padding + whole, Rows + 1);
                var keep = 1 - fraction;
                for (var y = 0; y < source.Length; y++)
                {
                    var count = source[y];
                    if (count != 0)
                    {
                        sink[y] += count * keep;
                        sink[y + 1] += count * fraction;
                    }
                }
            }

            // Postl's criterion: the profile's steps, squared. Edges of lines sharpen as the angle
            // comes right, faster than the profile's own peaks grow.
            double score = 0;
            for (var i = 1; i < profile.Length; i++)
            {
                double step = profile[i] - profile[i - 1];
                score += step * step;
            }

            return score;
        }
    }
}
