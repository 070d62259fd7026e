using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Imaging;

/// <summary>
/// Sauvola's adaptive threshold: a pixel is ink when it is darker than
/// <c>mean · (1 + K · (deviation / DynamicRange − 1))</c> over a square window around it. Local
/// mean and deviation follow uneven lighting and yellowed paper; the deviation term keeps flat
/// noisy background white.
/// </summary>
/// <remarks>
/// The window sums are box sums, as from an integral image, but kept as per-column running sums
/// that slide down the page: the same O(1) per pixel, without two page-sized 64-bit tables.
/// </remarks>
/// <param name="K">Sensitivity; 0.2–0.34 is usual. Higher keeps more background white but loses faint grey text and rulings.</param>
/// <param name="WindowSize">Side of the window in pixels; 0 means 1/40 of the image width (at least 15).</param>
/// <param name="DynamicRange">The largest standard deviation expected, 128 for 8-bit images.</param>
public sealed record Binarizer(double K = 0.2, int WindowSize = 0, double DynamicRange = 128)
{
    public static Binarizer Default { get; } = new();

    public int WindowFor(int imageWidth) => WindowSize > 0 ? WindowSize : Math.Max(15, imageWidth / 40);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BinaryImage Apply(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(K);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DynamicRange);
        int width = image.Width, height = image.Height;

        // Capped so that a window's pixel count times 255 stays within 32 bits.
        var radius = Math.Min(WindowFor(width) / 2, 1400);
        var pixels = image.Pixels;
        var ink = new bool[pixels.Length];

        // Column sums over the rows of the current window, and their running sums along the row
        // (prefix[x] = columns 0..x−1), from which any horizontal stretch is one subtraction.
        // Squares fit 32 bits too: 2801 rows · 255² < 2³¹.
        var columnSum = new int[width];
        var columnSquares = new int[width];
        var prefixSum = new long[width + 1];
        var prefixSquares = new long[width + 1];
        int top = 0, bottom = -1;

        for (var y = 0; y < height; y++)
        {
            var wantTop = Math.Max(0, y - radius);
            var wantBottom = Math.Min(height - 1, y + radius);
            while (bottom < wantBottom)
            {
                bottom++;
                AddRow(pixels.AsSpan(bottom * width, width), columnSum, columnSquares, 1);
            }

            while (top < wantTop)
            {
                AddRow(pixels.AsSpan(top * width, width), columnSum, columnSquares, -1);
                top++;
            }

            for (var x = 0; x < width; x++)
            {
                prefixSum[x + 1] = prefixSum[x] + columnSum[x];
                prefixSquares[x + 1] = prefixSquares[x] + columnSquares[x];
            }

            ThresholdRow(pixels.AsSpan(y * width, width), ink.AsSpan(y * width, width), prefixSum, prefixSquares, bottom - top + 1, radius);
        }

        return new BinaryImage(width, height, ink);
    }

    /// <summary>
    /// Sauvola's test rewritten over the window's count n, sum S and sum of squares Q, so that no
    /// pixel needs a division or a square root: with A = v·n − S·(1−K), the pixel is ink when
    /// A &lt; 0, or else when A²·R²·n² &lt; S²·K²·(Q·n − S²).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ThresholdRow(ReadOnlySpan<byte> row, Span<bool> ink, long[] prefixSum, long[] prefixSquares, int rows, int radius)
    {
        var width = row.Length;
        var keep = 1 - K;
        var kSquared = K * K;
        var rangeSquared = DynamicRange * DynamicRange;

        // Sauvola's threshold is at most the mean when the range is at least the largest
        // deviation of 8-bit values (127.5); then a pixel at or above the mean is paper.
        var meanIsCeiling = DynamicRange >= 128;
        for (var x = 0; x < width; x++)
        {
            var left = Math.Max(0, x - radius);
            var right = Math.Min(width, x + radius + 1);
            var n = rows * (right - left);
            var sum = prefixSum[right] - prefixSum[left];
            var value = row[x];
            if (meanIsCeiling && (long)value * n >= sum)
            {
                continue;
            }

            double s = sum;
            var a = (value * (double)n) - (s * keep);
            if (a < 0)
            {
                ink[x] = true;
                continue;
            }

            double squares = prefixSquares[right] - prefixSquares[left];
            var spread = (squares * n) - (s * s);
            ink[x] = a * a * rangeSquared * n * n < s * s * kSquared * spread;
        }
    }

    /// <summary>Adds (sign 1) or removes (sign −1) one row's values and squares to the column sums, a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRow(ReadOnlySpan<byte> row, Span<int> columnSum, Span<int> columnSquares, int sign)
    {
        var x = 0;
        if (Vector.IsHardwareAccelerated && row.Length >= Vector<byte>.Count)
        {
            var signs = new Vector<int>(sign);
            var sums = MemoryMarshal.Cast<int, Vector<int>>(columnSum);
            var squares = MemoryMarshal.Cast<int, Vector<int>>(columnSquares);
            var quarter = Vector<int>.Count;
            for (; x + Vector<byte>.Count <= row.Length; x += Vector<byte>.Count)
            {
                // Bytes widen to four vectors of ints, each a quarter of the span's width.
                Vector.Widen(new Vector<byte>(row[x..]), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                var i = x / quarter;
                Accumulate(ref sums[i], ref squares[i], Vector.AsVectorInt32(a), signs);
                Accumulate(ref sums[i + 1], ref squares[i + 1], Vector.AsVectorInt32(b), signs);
                Accumulate(ref sums[i + 2], ref squares[i + 2], Vector.AsVectorInt32(c), signs);
                Accumulate(ref sums[i + 3], ref squares[i + 3], Vector.AsVectorInt32(d), signs);
            }
        }

        for (; x < row.Length; x++)
        {
            int v = row[x];
            columnSum[x] += sign * v;
            columnSquares[x] += sign * v * v;
        }

        static void Accumulate(ref Vector<int> sum, ref Vector<int> square, Vector<int> values, Vector<int> signs)
        {
            var signed = values * signs;
            sum += signed;
            square += signed * values;
        }
    }
}
