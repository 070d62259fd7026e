using System.Globalization;
using System.Text;

namespace Pipeline.Imaging;

/// <summary>
/// Binary PGM (P5) and PPM (P6) with maxval 255: what poppler's <c>pdftoppm -gray</c> and
/// <c>pdftoppm</c> write when not asked for PNG. The declared size is checked against
/// <see cref="PixelLimits"/> before any pixel buffer is allocated.
/// </summary>
public static class Pnm
{
    /// <summary>Header text (magic, comments, numbers) beyond this is not a PNM header.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Reads a P5 image; a P6 image is turned into plain luminance.</summary>
    public static GrayImage ReadGray(Stream stream, PixelLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = ReadHeader(stream, limits ?? PixelLimits.Default);
        var pixels = ReadPixels(stream, header);
        return header.Channels == 1
            ? new GrayImage(header.Width, header.Height, pixels)
            : new RgbImage(header.Width, header.Height, pixels).ToGray();
    }

    /// <summary>Reads a P6 image; a P5 image is spread over the three channels.</summary>
    public static RgbImage ReadRgb(Stream stream, PixelLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = ReadHeader(stream, limits ?? PixelLimits.Default);
        var pixels = ReadPixels(stream, header);
        if (header.Channels == 3)
        {
            return new RgbImage(header.Width, header.Height, pixels);
        }

        var rgb = GC.AllocateUninitializedArray<byte>(pixels.Length * 3);
        for (var i = 0; i < pixels.Length; i++)
        {
            rgb[3 * i] = rgb[(3 * i) + 1] = rgb[(3 * i) + 2] = pixels[i];
        }

        return new RgbImage(header.Width, header.Height, rgb);
    }

    public static GrayImage ReadGray(string path, PixelLimits? limits = null)
    {
        using var stream = OpenRead(path);
        return ReadGray(stream, limits);
    }

    public static RgbImage ReadRgb(string path, PixelLimits? limits = null)
    {
        using var stream = OpenRead(path);
        return ReadRgb(stream, limits);
    }

    public static void Write(Stream stream, GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(image);
        WriteHeader(stream, "P5", image.Width, image.Height);
        stream.Write(image.Pixels);
    }

    public static void Write(Stream stream, RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(image);
        WriteHeader(stream, "P6", image.Width, image.Height);
        stream.Write(image.Pixels);
    }

    /// <summary>Writes ink as black, the rest as white, in a P5 file.</summary>
    public static void Write(Stream stream, BinaryImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Write(stream, image.ToGray());
    }

    public static void Write(string path, GrayImage image)
    {
        using var stream = File.Create(path);
        Write(stream, image);
    }

    public static void Write(string path, RgbImage image)
    {
        using var stream = File.Create(path);
        Write(stream, image);
    }

    public static void Write(string path, BinaryImage image)
    {
        using var stream = File.Create(path);
        Write(stream, image);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);

    private static void WriteHeader(Stream stream, string magic, int width, int height) =>
        stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{magic}\n{width} {height}\n255\n")));

    private static byte[] ReadPixels(Stream stream, PnmHeader header)
    {
        var pixels = GC.AllocateUninitializedArray<byte>(checked(header.Width * header.Height * header.Channels));
        try
        {
            stream.ReadExactly(pixels);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"PNM data is truncated: a {header.Width}x{header.Height} image needs {pixels.Length} bytes of pixels.", e);
        }

        return pixels;
    }

    private static PnmHeader ReadHeader(Stream stream, PixelLimits limits)
    {
        var reader = new HeaderReader(stream);
        var first = reader.Next();
        var second = reader.Next();
        if (first != 'P' || second is < '1' or > '7')
        {
            throw new InvalidDataException("Not a PNM image: it does not start with P5 or P6.");
        }

        var channels = second switch
        {
            '5' => 1,
            '6' => 3,
            '1' or '2' or '3' => throw new InvalidDataException($"PNM P{(char)second} (ASCII) is not supported; use the binary P5 or P6."),
            '4' => throw new InvalidDataException("PNM P4 (bitmap) is not supported; use the binary P5 or P6."),
            _ => throw new InvalidDataException("PAM (P7) is not supported; use the binary P5 or P6."),
        };

        var width = reader.Number("width");
        var height = reader.Number("height");
        var maxValue = reader.Number("maxval");
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"PNM header declares an empty image ({width}x{height}).");
        }

        if (maxValue != 255)
        {
            throw new InvalidDataException($"PNM maxval {maxValue} is not supported; only 8-bit images (maxval 255) are read.");
        }

        limits.Check(width, height);

        // Exactly one whitespace byte separates the header from the pixels, which may start with a
        // byte that looks like whitespace; Number() has already consumed it.
        return new PnmHeader((int)width, (int)height, channels);
    }

    private sealed record PnmHeader(int Width, int Height, int Channels);

    /// <summary>Byte-wise header tokens; never reads past the single whitespace byte after maxval.</summary>
    private sealed class HeaderReader(Stream stream)
    {
        private int _consumed;

        public int Next()
        {
            if (++_consumed > MaxHeaderBytes)
            {
                throw new InvalidDataException($"PNM header is longer than {MaxHeaderBytes} bytes.");
            }

            var value = stream.ReadByte();
            return value >= 0 ? value : throw new InvalidDataException("PNM header ends before width, height and maxval.");
        }

        public long Number(string name)
        {
            var c = Next();
            while (IsWhitespace(c) || c == '#')
            {
                if (c == '#')
                {
                    while (c is not '\n' and not '\r')
                    {
                        c = Next();
                    }
                }

                c = Next();
            }

            if (c is < '0' or > '9')
            {
                throw new InvalidDataException($"PNM header: {name} is not a number (found byte 0x{c:X2}).");
            }

            long value = 0;
            var digits = 0;
            while (c is >= '0' and <= '9')
            {
                // Ten digits already exceed every limit; more would only overflow.
                if (++digits > 10)
                {
                    throw new InvalidDataException($"PNM header: {name} has too many digits.");
                }

                value = (value * 10) + (c - '0');
                c = Next();
            }

            if (!IsWhitespace(c))
            {
                throw new InvalidDataException($"PNM header: {name} is followed by byte 0x{c:X2}, not whitespace.");
            }

            return value;
        }

        private static bool IsWhitespace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
    }
}
