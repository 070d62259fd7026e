using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// An 8-bit grey image, row-major, 0 = black and 255 = white. A class rather than a record: it owns
/// a mutable pixel buffer, and value equality over a shared array would mislead.
/// </summary>
public sealed class GrayImage
{
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((long)width * height != pixels.Length)
        {
            throw new ArgumentException($"A {width}x{height} grey image needs {(long)width * height} bytes, not {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public Rect Bounds => new(0, 0, Width, Height);

    public byte this[int x, int y]
    {
        get => Pixels[Offset(x, y)];
        set => Pixels[Offset(x, y)] = value;
    }

    /// <summary>A new image of one colour, white unless told.</summary>
    public static GrayImage Blank(int width, int height, byte value = 255)
    {
        PixelLimits.Default.Check(width, height);
        var pixels = GC.AllocateUninitializedArray<byte>(width * height);
        pixels.AsSpan().Fill(value);
        return new GrayImage(width, height, pixels);
    }

    public Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Pixels.AsSpan(y * Width, Width);
    }

    /// <summary>A copy of the part under <paramref name="area"/>, which must lie inside the image.</summary>
    public GrayImage Crop(Rect area)
    {
        if (area.IsEmpty || !Bounds.Contains(area))
        {
            throw new ArgumentOutOfRangeException(nameof(area), $"Crop {area} is empty or not inside the {Width}x{Height} image.");
        }

        var pixels = GC.AllocateUninitializedArray<byte>(area.Width * area.Height);
        for (var y = 0; y < area.Height; y++)
        {
            Pixels.AsSpan(((area.Y + y) * Width) + area.X, area.Width).CopyTo(pixels.AsSpan(y * area.Width, area.Width));
        }

        return new GrayImage(area.Width, area.Height, pixels);
    }

    /// <summary>Paints <paramref name="area"/> with one value; whatever falls outside the image is ignored.</summary>
    public void Fill(Rect area, byte value)
    {
        var clipped = Bounds.Intersect(area);
        for (var y = clipped.Y; y < clipped.Bottom; y++)
        {
            Pixels.AsSpan((y * Width) + clipped.X, clipped.Width).Fill(value);
        }
    }

    /// <summary>
    /// The image made <paramref name="factor"/> times smaller each way, each pixel the mean of its
    /// block; the right and bottom remainders are dropped. For cheap page-level estimates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public GrayImage Shrink(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        int width = Width / factor, height = Height / factor;
        if (width == 0 || height == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), $"A {Width}x{Height} image cannot shrink {factor} times.");
        }

        var pixels = new byte[width * height];
        var sums = new int[width];
        var area = factor * factor;
        for (var y = 0; y < height; y++)
        {
            Array.Clear(sums);
            for (var dy = 0; dy < factor; dy++)
            {
                var row = Pixels.AsSpan(((y * factor) + dy) * Width, width * factor);
                for (int x = 0, i = 0; x < width; x++)
                {
                    var sum = 0;
                    for (var k = 0; k < factor; k++, i++)
                    {
                        sum += row[i];
                    }

                    sums[x] += sum;
                }
            }

            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = (byte)((sums[x] + (area / 2)) / area);
            }
        }

        return new GrayImage(width, height, pixels);
    }

    public GrayImage Clone() => new(Width, Height, (byte[])Pixels.Clone());

    private int Offset(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Pixel ({x},{y}) is outside the {Width}x{Height} image.");
        }

        return (y * Width) + x;
    }
}
