using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// An 8-bit RGB image, row-major, three bytes per pixel in R, G, B order (as PPM stores them).
/// A class for the same reason as <see cref="GrayImage"/>.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((long)width * height * 3 != pixels.Length)
        {
            throw new ArgumentException($"A {width}x{height} RGB image needs {(long)width * height * 3} bytes, not {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public Rect Bounds => new(0, 0, Width, Height);

    /// <summary>A new image of one colour, white unless told.</summary>
    public static RgbImage Blank(int width, int height, byte red = 255, byte green = 255, byte blue = 255)
    {
        PixelLimits.Default.Check(width, height);
        var image = new RgbImage(width, height, GC.AllocateUninitializedArray<byte>(width * height * 3));
        image.Fill(image.Bounds, red, green, blue);
        return image;
    }

    public (byte Red, byte Green, byte Blue) GetPixel(int x, int y)
    {
        var i = Offset(x, y);
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }

    public void SetPixel(int x, int y, byte red, byte green, byte blue)
    {
        var i = Offset(x, y);
        Pixels[i] = red;
        Pixels[i + 1] = green;
        Pixels[i + 2] = blue;
    }

    public Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Pixels.AsSpan(y * Width * 3, Width * 3);
    }

    /// <summary>A copy of the part under <paramref name="area"/>, which must lie inside the image.</summary>
    public RgbImage Crop(Rect area)
    {
        if (area.IsEmpty || !Bounds.Contains(area))
        {
            throw new ArgumentOutOfRangeException(nameof(area), $"Crop {area} is empty or not inside the {Width}x{Height} image.");
        }

        var pixels = GC.AllocateUninitializedArray<byte>(area.Width * area.Height * 3);
        for (var y = 0; y < area.Height; y++)
        {
            Pixels.AsSpan((((area.Y + y) * Width) + area.X) * 3, area.Width * 3).CopyTo(pixels.AsSpan(y * area.Width * 3, area.Width * 3));
        }

        return new RgbImage(area.Width, area.Height, pixels);
    }

    /// <summary>Paints <paramref name="area"/> with one colour; whatever falls outside the image is ignored.</summary>
    public void Fill(Rect area, byte red, byte green, byte blue)
    {
        var clipped = Bounds.Intersect(area);
        if (clipped.IsEmpty)
        {
            return;
        }

        var first = Pixels.AsSpan(((clipped.Y * Width) + clipped.X) * 3, clipped.Width * 3);
        for (var i = 0; i < first.Length; i += 3)
        {
            first[i] = red;
            first[i + 1] = green;
            first[i + 2] = blue;
        }

        for (var y = clipped.Y + 1; y < clipped.Bottom; y++)
        {
            first.CopyTo(Pixels.AsSpan(((y * Width) + clipped.X) * 3, clipped.Width * 3));
        }
    }

    /// <summary>Plain luminance (ITU-R BT.601 weights), with no special treatment of coloured ink.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public GrayImage ToGray()
    {
        var gray = GC.AllocateUninitializedArray<byte>(Width * Height);
        var rgb = Pixels.AsSpan();
        for (var i = 0; i < gray.Length; i++)
        {
            var j = i * 3;
            gray[i] = Luma(rgb[j], rgb[j + 1], rgb[j + 2]);
        }

        return new GrayImage(Width, Height, gray);
    }

    public RgbImage Clone() => new(Width, Height, (byte[])Pixels.Clone());

    /// <summary>BT.601 luma in fixed point; the weights sum to 256 so white stays 255.</summary>
    internal static byte Luma(byte red, byte green, byte blue) => (byte)(((77 * red) + (150 * green) + (29 * blue)) >> 8);

    private int Offset(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Pixel ({x},{y}) is outside the {Width}x{Height} image.");
        }

        return ((y * Width) + x) * 3;
    }
}
