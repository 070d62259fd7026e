using System.Globalization;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Spoils page images with ImageMagick the way a cheap office scan does: the seal is stamped on
/// the paper first, then the sheet is fed (upside down, or skewed), blurred, grainy, and saved as
/// JPEG. The noise is seeded, so the same page and parameters give the same bytes.
/// </summary>
public static class ScanDegrader
{
    // /usr/local/bin/convert may be a stand-in on build machines; the real one is in /usr/bin.
    private const string Convert = "/usr/bin/convert";
    private const string SealColour = "rgba(215,25,30,0.7)";
    private const string SealText = "政务公开专用章";
    private const string Font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// <summary>The degraded page images (JPEG, density set to the dpi), one per input page, in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Degrade(IReadOnlyList<string> pages, ScanDegradation degradation, int seed, string folder)
    {
        var results = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = i + 1;
            var output = Path.Combine(folder, $"degraded-{page:D3}.jpg");
            var arguments = new List<string> { pages[i] };
            if (degradation.Seal is { } seal && seal.Page == page)
            {
                arguments.AddRange(Seal(seal));
            }

            if (degradation.UpsideDownPages.Contains(page))
            {
                arguments.AddRange(["-rotate", "180"]);
            }

            // Turn about the centre and crop back to the sheet, so that the dpi still means the paper's size.
            arguments.AddRange(
            [
                "-background", "white", "-rotate", Text(degradation.RotationDegrees),
                "-gravity", "center", "-extent", Size(pages[i]), "+gravity",
                "-blur", "0x" + Text(degradation.Blur),
                "-seed", Text(seed + page), "-attenuate", Text(degradation.Noise), "+noise", "Gaussian",
                "-strip", "-units", "PixelsPerInch", "-density", Text(degradation.Dpi),
                "-quality", Text(degradation.JpegQuality), output,
            ]);
            ExternalTool.Run(Convert, arguments);
            results.Add(output);
        }

        return results;
    }

    /// <summary>A ring, an inner ring, a star and the seal's name, in translucent red so the number beneath still shows a little.</summary>
    private static IEnumerable<string> Seal(TruthSeal seal)
    {
        var stroke = Math.Max(3, seal.Radius / 18);
        var inner = seal.Radius - (3 * stroke);
        var pointSize = seal.Radius / 4.2;
        return
        [
            "-fill", "none", "-stroke", SealColour, "-strokewidth", Text(stroke),
            "-draw", $"circle {seal.X},{seal.Y} {seal.X},{seal.Y - seal.Radius}",
            "-strokewidth", Text(Math.Max(1, stroke / 3)),
            "-draw", $"circle {seal.X},{seal.Y} {seal.X},{seal.Y - inner}",
            "-stroke", "none", "-fill", SealColour, "-font", Font,
            "-pointsize", Text(pointSize * 1.6), "-gravity", "NorthWest",
            "-draw", $"text {Text(seal.X - (pointSize * 0.8))},{Text(seal.Y - (seal.Radius * 0.72))} '★'",
            "-pointsize", Text(pointSize),
            "-draw", $"text {Text(seal.X - (pointSize * 3.5))},{Text(seal.Y + (seal.Radius * 0.1))} '{SealText}'",
        ];
    }

    private static string Size(string png)
    {
        var size = ExternalTool.Run("/usr/bin/identify", ["-format", "%wx%h", png]).Trim();
        return size.Length > 0 ? size : throw new InvalidOperationException("identify gave no size for " + png);
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
