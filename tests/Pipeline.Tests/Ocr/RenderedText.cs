using System.Diagnostics;
using Pipeline.Imaging;

namespace Pipeline.Tests.Ocr;

/// <summary>
/// Test images drawn at test time by ImageMagick with a Chinese font, read back through the PNM codec.
/// Always /usr/bin/convert: the convert first on PATH here is a stand-in without fonts.
/// </summary>
internal static class RenderedText
{
    public const string Font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    private const string SerifFont = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    private const string Convert = "/usr/bin/convert";

    /// <summary>Black text on white, centred vertically 10 pixels from the left, then the given ImageMagick effects.</summary>
    public static GrayImage Cell(string text, int width, int height, int pointSize = 32, params string[] effects) =>
        Run(["-size", $"{width}x{height}", "xc:white", "-font", Font, "-pointsize", pointSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-fill", "black", "-gravity", "west", "-annotate", "+10+0", text, .. effects]);

    /// <summary>
    /// Digits in the serif face, set tighter by <paramref name="kerning"/> pixels so that their feet touch, as
    /// tightly printed tables set them.
    /// </summary>
    public static GrayImage SerifCell(string text, int width, int height, int pointSize, int kerning) =>
        Run(["-size", $"{width}x{height}", "xc:white", "-font", SerifFont, "-pointsize", pointSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-kerning", kerning.ToString(System.Globalization.CultureInfo.InvariantCulture), "-fill", "black", "-gravity", "west", "-annotate", "+10+0", text]);

    /// <summary>A page of text lines from the top left, turned clockwise by <paramref name="rotation"/> degrees.</summary>
    public static GrayImage Page(string text, int width, int height, int pointSize, int rotation) =>
        Run(["-size", $"{width}x{height}", "xc:white", "-font", Font, "-pointsize", pointSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-fill", "black", "-gravity", "northwest", "-annotate", "+60+60", text, "-rotate", rotation.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    private static GrayImage Run(string[] arguments)
    {
        Assert.True(File.Exists(Convert), "ImageMagick is not installed at " + Convert);
        Assert.True(File.Exists(Font), "fonts-noto-cjk is not installed: " + Font);
        var start = new ProcessStartInfo(Convert)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The seed makes +noise the same on every run.
        start.ArgumentList.Insert(0, "-seed");
        start.ArgumentList.Insert(1, "7");
        start.ArgumentList.Add("-depth");
        start.ArgumentList.Add("8");
        start.ArgumentList.Add("pgm:-");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("convert did not start");
        var errors = process.StandardError.ReadToEndAsync();
        using var image = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(image);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "convert failed: " + errors.Result);
        image.Position = 0;
        return Pnm.ReadGray(image);
    }
}
