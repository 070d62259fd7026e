using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// A two-level image, row-major, <c>true</c> = ink. One bool (one byte) per pixel, so rows can be
/// searched with vectorised <c>IndexOf</c>.
/// </summary>
public sealed class BinaryImage
{
    public BinaryImage(int width, int height, bool[] ink)
    {
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((long)width * height != ink.Length)
        {
            throw new ArgumentException($"A {width}x{height} binary image needs {(long)width * height} values, not {ink.Length}.", nameof(ink));
        }

        Width = width;
        Height = height;
        Ink = ink;
    }

    public int Width { get; }

    public int Height { get; }

    public bool[] Ink { get; }

    public Rect Bounds => new(0, 0, Width, Height);

    public bool this[int x, int y]
    {
        get => Ink[Offset(x, y)];
        set => Ink[Offset(x, y)] = value;
    }

    public static BinaryImage Blank(int width, int height)
    {
        PixelLimits.Default.Check(width, height);
        return new BinaryImage(width, height, new bool[width * height]);
    }

    public Span<bool> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Ink.AsSpan(y * Width, Width);
    }

    public long CountInk(Rect area)
    {
        var clipped = Bounds.Intersect(area);
        long count = 0;
        for (var y = clipped.Y; y < clipped.Bottom; y++)
        {
            count += Ink.AsSpan((y * Width) + clipped.X, clipped.Width).Count(true);
        }

        return count;
    }

    public long CountInk() => CountInk(Bounds);

    /// <summary>Ink black on white, for looking at with an image viewer.</summary>
    public GrayImage ToGray()
    {
        var pixels = GC.AllocateUninitializedArray<byte>(Ink.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Ink[i] ? (byte)0 : (byte)255;
        }

        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>Rows become columns, so that vertical rulings can be found with the horizontal scan.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BinaryImage Transpose()
    {
        // Tiles keep both the reads and the writes within cache lines.
        const int Tile = 32;
        var result = new bool[Ink.Length];
        for (var y0 = 0; y0 < Height; y0 += Tile)
        {
            var y1 = Math.Min(Height, y0 + Tile);
            for (var x0 = 0; x0 < Width; x0 += Tile)
            {
                var x1 = Math.Min(Width, x0 + Tile);
                for (var y = y0; y < y1; y++)
                {
                    var source = y * Width;
                    for (var x = x0; x < x1; x++)
                    {
                        result[(x * Height) + y] = Ink[source + x];
                    }
                }
            }
        }

        return new BinaryImage(Height, Width, result);
    }

    private int Offset(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Pixel ({x},{y}) is outside the {Width}x{Height} image.");
        }

        return (y * Width) + x;
    }
}
