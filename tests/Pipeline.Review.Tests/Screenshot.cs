using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Imaging;

namespace Pipeline.Review.Tests;

/// <summary>A browser screenshot's pixels (PNG turned into PPM by ImageMagick, read by the imaging library's PNM reader).</summary>
public static class Screenshot
{
    public static async Task<RgbImage> ReadAsync(string png, string folder)
    {
        var ppm = Path.Combine(folder, Path.GetFileNameWithoutExtension(png) + "-" + Guid.NewGuid().ToString("n") + ".ppm");
        await ReviewSite.RunAsync("convert", png, "-alpha", "off", "-depth", "8", ppm);
        return Pnm.ReadRgb(ppm);
    }

    /// <summary>The selected finding's outline colour (#e6007e), antialiased edges included; grey paper and black ink never match.</summary>
    public static bool IsHit((byte R, byte G, byte B) p) => p.R > 150 && p.G < 110 && p.B > 50 && p.R - p.G > 90 && p.B - p.G > 20;

    public static IEnumerable<(int X, int Y)> Pixels(RgbImage image, Func<(byte, byte, byte), bool> test)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (test(image.GetPixel(x, y)))
                {
                    yield return (x, y);
                }
            }
        }
    }

    /// <summary>Whether walking from (x, y) in one direction meets the outline within <paramref name="steps"/> pixels.</summary>
    public static bool Hit(RgbImage image, int x, int y, int dx, int dy, int steps)
    {
        for (var i = 0; i <= steps; i++)
        {
            var (px, py) = (x + i * dx, y + i * dy);
            if (px >= 0 && py >= 0 && px < image.Width && py < image.Height && IsHit(image.GetPixel(px, py)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Words of a text PDF with their boxes in points, as pdftotext -bbox gives them.</summary>
public sealed partial record Words(string Text, double XMin, double YMin, double XMax, double YMax)
{
    public double CentreX => (XMin + XMax) / 2;

    public double CentreY => (YMin + YMax) / 2;

    public static async Task<IReadOnlyList<Words>> OnPageAsync(string pdf, int page)
    {
        var output = Path.Combine(Path.GetTempPath(), "words-" + Guid.NewGuid().ToString("n") + ".html");
        try
        {
            await ReviewSite.RunAsync("pdftotext", "-f", $"{page}", "-l", $"{page}", "-bbox", pdf, output);
            return [.. WordPattern().Matches(await File.ReadAllTextAsync(output)).Select(m => new Words(
                System.Net.WebUtility.HtmlDecode(m.Groups[5].Value),
                double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)))];
        }
        finally
        {
            File.Delete(output);
        }
    }

    [GeneratedRegex("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>")]
    private static partial Regex WordPattern();
}
