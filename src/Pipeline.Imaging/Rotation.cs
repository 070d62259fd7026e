using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// Turning a page: by any angle (bilinear, about the centre, same size, white where nothing was)
/// to take out a skew, and by quarter turns exactly for pages scanned sideways or upside down.
/// Angles are counter-clockwise as seen on screen, in degrees.
/// </summary>
public static class Rotation
{
    /// <summary>
    /// The image turned counter-clockwise by <paramref name="degrees"/> about its centre, keeping its
    /// size. Multiples of 90° go through <see cref="RotateQuarterTurns"/> and are exact; a turn by
    /// 90° or 270° then swaps width and height.
    /// </summary>
    public static GrayImage Rotate(GrayImage image, double degrees)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!double.IsFinite(degrees))
        {
            throw new ArgumentOutOfRangeException(nameof(degrees), "Rotation angle must be finite.");
        }

        var quarters = degrees / 90;
        if (Math.Abs(quarters - Math.Round(quarters)) < 1e-9)
        {
            return RotateQuarterTurns(image, (int)(Math.Round(quarters) % 4));
        }

        return Bilinear(image, degrees * Math.PI / 180);
    }

    /// <summary>Exactly <paramref name="turns"/> quarter turns counter-clockwise (negative: clockwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GrayImage RotateQuarterTurns(GrayImage image, int turns)
    {
        ArgumentNullException.ThrowIfNull(image);
        turns = ((turns % 4) + 4) % 4;
        int width = image.Width, height = image.Height;
        var source = image.Pixels;
        if (turns == 0)
        {
            return image.Clone();
        }

        var result = GC.AllocateUninitializedArray<byte>(source.Length);
        if (turns == 2)
        {
            source.AsSpan().CopyTo(result);
            result.AsSpan().Reverse();
            return new GrayImage(width, height, result);
        }

        // Output is height wide and width tall. A counter-clockwise quarter turn sends source
        // (x, y) to (y, width − 1 − x); a clockwise one to (height − 1 − y, x).
        const int Tile = 32;
        for (var y0 = 0; y0 < height; y0 += Tile)
        {
            var y1 = Math.Min(height, y0 + Tile);
            for (var x0 = 0; x0 < width; x0 += Tile)
            {
                var x1 = Math.Min(width, x0 + Tile);
                for (var y = y0; y < y1; y++)
                {
                    var row = source.AsSpan(y * width, width);
                    if (turns == 1)
                    {
                        for (var x = x0; x < x1; x++)
                        {
                            result[((width - 1 - x) * height) + y] = row[x];
                        }
                    }
                    else
                    {
                        var column = height - 1 - y;
                        for (var x = x0; x < x1; x++)
                        {
                            result[(x * height) + column] = row[x];
                        }
                    }
                }
            }
        }

        return new GrayImage(height, width, result);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe GrayImage Bilinear(GrayImage image, double radians)
    {
        int width = image.Width, height = image.Height;
        var source = image.Pixels;
        var result = GC.AllocateUninitializedArray<byte>(source.Length);
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        double centreX = (width - 1) / 2.0, centreY = (height - 1) / 2.0;

        // Each output pixel takes the source point that the turn carries onto it: with y down, a
        // counter-clockwise turn maps offset (u, v) to (u·cos + v·sin, −u·sin + v·cos), whose
        // inverse is (u·cos − v·sin, u·sin + v·cos). Coordinates step in 32.32 fixed point, so the
        // rounding of the step does not add up across a wide row.
        const int Shift = 32;
        const double One = 1L << Shift;
        var stepX = (long)Math.Round(cos * One);
        var stepY = (long)Math.Round(sin * One);
        var limitX = (long)(width - 1) << Shift;
        var limitY = (long)(height - 1) << Shift;
        fixed (byte* from = source, to = result)
        {
            for (var y = 0; y < height; y++)
            {
                var v = y - centreY;
                var u = -centreX;
                var rowX = (long)Math.Round((centreX + (u * cos) - (v * sin)) * One);
                var rowY = (long)Math.Round((centreY + (u * sin) + (v * cos)) * One);
                var output = to + ((long)y * width);

                // Where all four neighbours are on the page the loop needs no checks; the stretch
                // is one interval, as each coordinate moves linearly along the row.
                int first = 0, end = width;
                Narrow(rowX, stepX, limitX, ref first, ref end);
                Narrow(rowY, stepY, limitY, ref first, ref end);

                for (var x = 0; x < width; x++)
                {
                    if (x < first || x >= end)
                    {
                        output[x] = Edge(source, width, height, rowX + (x * stepX), rowY + (x * stepY));
                    }
                    else
                    {
                        x = end - 1;
                    }
                }

                var sx = rowX + (first * stepX);
                var sy = rowY + (first * stepY);
                for (var x = first; x < end; x++, sx += stepX, sy += stepY)
                {
                    var x0 = (int)(sx >> Shift);
                    var y0 = (int)(sy >> Shift);
                    var fx = (int)((sx >> (Shift - 8)) & 0xFF);
                    var fy = (int)((sy >> (Shift - 8)) & 0xFF);
                    var p = from + ((long)y0 * width) + x0;
                    output[x] = Blend(p[0], p[1], p[width], p[width + 1], fx, fy);
                }
            }
        }

        return new GrayImage(width, height, result);

        static byte Edge(byte[] source, int width, int height, long sx, long sy)
        {
            var x0 = (int)(sx >> Shift);
            var y0 = (int)(sy >> Shift);
            var fx = (int)((sx >> (Shift - 8)) & 0xFF);
            var fy = (int)((sy >> (Shift - 8)) & 0xFF);

            // At the edge, missing neighbours are white paper.
            return Blend(
                Sample(source, width, height, x0, y0),
                Sample(source, width, height, x0 + 1, y0),
                Sample(source, width, height, x0, y0 + 1),
                Sample(source, width, height, x0 + 1, y0 + 1),
                fx,
                fy);
        }
    }

    /// <summary>Bilinear mix of four neighbours with 8-bit fractions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Blend(int p00, int p10, int p01, int p11, int fx, int fy)
    {
        var top = (p00 << 8) + ((p10 - p00) * fx);
        var bottom = (p01 << 8) + ((p11 - p01) * fx);
        return (byte)(((top << 8) + ((bottom - top) * fy) + (1 << 15)) >> 16);
    }

    /// <summary>
    /// Narrows [first, end) to the x for which 0 ≤ start + x·step &lt; limit, the fixed-point
    /// coordinate of a top-left neighbour that still has a right (or lower) one.
    /// </summary>
    private static void Narrow(long start, long step, long limit, ref int first, ref int end)
    {
        bool Inside(long x) => start + (x * step) >= 0 && start + (x * step) < limit;

        if (step == 0)
        {
            if (!Inside(0))
            {
                end = first;
            }

            return;
        }

        // Solve in floating point, then settle the last pixel or two exactly.
        double a = -start / (double)step, b = (limit - start) / (double)step;
        var (low, high) = step > 0 ? (a, b) : (b, a);
        first = (int)Math.Clamp(Math.Max(first, Math.Ceiling(low) - 2), first, end);
        end = (int)Math.Clamp(Math.Min(end, Math.Floor(high) + 2), first, end);
        while (first < end && !Inside(first))
        {
            first++;
        }

        while (end > first && !Inside(end - 1))
        {
            end--;
        }
    }

    private static int Sample(byte[] source, int width, int height, int x, int y) =>
        (uint)x < (uint)width && (uint)y < (uint)height ? source[(y * width) + x] : 255;
}
