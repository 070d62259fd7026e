using System.Globalization;

namespace Pipeline.Corpus.Independent;

/// <summary>
/// A scan as offices make them: the printed pages rendered at a resolution, then spoilt by ImageMagick. Faults:
/// 1-bit, grey JPEG, skew up to 3°, one page fed sideways or upside down, uneven light, punch holes, a staple's
/// shadow, a seal over table 三's numbers, blur, noise. "clean" is a plain 300 dpi colour scan. Faults join with
/// '+' (unevenlight+punchholes), applied in the order named, as a real scan carries several at once.
/// </summary>
public sealed record ScanFault(string Name, int Dpi)
{
    public static readonly string[] All =
        ["clean", "dpi150", "dpi200", "bilevel", "greyjpeg", "skew", "sideways", "upsidedown", "unevenlight", "punchholes", "staple", "seal", "blur", "noise"];

    private IReadOnlyList<string> Parts => Name.Split('+');

    /// <summary>Whether every part of <paramref name="name"/> is a known fault.</summary>
    public static bool IsKnown(string name) => name.Split('+').All(All.Contains);

    public static ScanFault Of(string name) => new(name, name.Split('+').Select(p => p switch { "dpi150" => 150, "dpi200" or "bilevel" => 200, _ => 300 }).Min());

    private static string T(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Scans <paramref name="pdf"/> into <paramref name="output"/> (a PDF of page images at the fault's dpi).</summary>
    public void Scan(string pdf, string output, string scratch, int seed)
    {
        Tools.Run("pdftoppm", ["-r", T(Dpi), "-png", pdf, Path.Combine(scratch, "page")]);
        var pages = Directory.GetFiles(scratch, "page-*.png").Order(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var images = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var bilevel = Parts.Contains("bilevel");
            var jpeg = !bilevel && Parts.Any(p => p is "greyjpeg" or "noise" or "blur" or "unevenlight" or "seal");
            var image = Path.Combine(scratch, $"scan-{i:D3}.{(jpeg ? "jpg" : "png")}");
            var args = new List<string> { pages[i] };
            foreach (var part in Parts)
            {
                args.AddRange(Spoil(part, i, pages.Count, random));
            }

            args.AddRange(["-strip", "-units", "PixelsPerInch", "-density", T(Dpi)]);
            if (jpeg)
            {
                args.AddRange(["-quality", "75"]);
            }

            args.Add(image);
            Tools.Run(Tools.Convert, args);
            images.Add(image);
        }

        // The image's own density is not to be trusted (-strip drops a PNG's pHYs, and img2pdf then takes 96 dpi):
        // the scan is declared at the dpi it was made at, as a scanner's driver does.
        Tools.Run("img2pdf", [.. images, "--imgsize", $"{Dpi}dpix{Dpi}dpi", "-o", output]);
    }

    private IEnumerable<string> Spoil(string part, int page, int count, Random random)
    {
        var width = 8.27 * Dpi;
        var height = 11.69 * Dpi;
        switch (part)
        {
            case "bilevel":
                return ["-colorspace", "Gray", "-threshold", "60%", "-type", "Bilevel"];
            case "greyjpeg":
                return ["-colorspace", "Gray"];
            case "skew":
                var angle = (random.NextDouble() * 6) - 3;
                return ["-background", "white", "-rotate", T(angle), "-gravity", "center", "-extent", $"{(int)width}x{(int)height}", "+gravity"];
            case "sideways" when page == Math.Min(1, count - 1):
                return ["-rotate", "90"];
            case "upsidedown" when page == Math.Min(1, count - 1):
                return ["-rotate", "180"];
            case "unevenlight":
                // Darker towards the right: the page multiplied by a grey ramp.
                return ["(", "-size", $"{(int)height}x{(int)width}", "gradient:white-gray55", "-rotate", "90", ")", "-compose", "Multiply", "-composite"];
            case "punchholes":
                var x = (int)(0.35 * Dpi);
                return ["-fill", "black", "-draw", $"circle {x},{(int)(height * 0.35)} {x + (Dpi / 8)},{(int)(height * 0.35)}", "-draw", $"circle {x},{(int)(height * 0.65)} {x + (Dpi / 8)},{(int)(height * 0.65)}"];
            case "staple":
                return ["-stroke", "gray40", "-strokewidth", T(Dpi / 60.0), "-draw", $"line {Dpi / 3},{Dpi / 4} {Dpi},{Dpi / 2}", "-stroke", "gray80", "-strokewidth", T(Dpi / 20.0), "-draw", $"line {Dpi / 3},{(Dpi / 4) + (Dpi / 15)} {Dpi},{(Dpi / 2) + (Dpi / 15)}"];
            case "seal":
                // A red ring over the middle of the page, where the tables' numbers stand.
                var cx = (int)(width * (0.55 + (random.NextDouble() * 0.2)));
                var cy = (int)(height * (0.4 + (random.NextDouble() * 0.2)));
                var r = (int)(0.8 * Dpi);
                return ["-fill", "none", "-stroke", "rgba(220,30,30,0.65)", "-strokewidth", T(Dpi / 30.0), "-draw", $"circle {cx},{cy} {cx + r},{cy}"];
            case "blur":
                return ["-blur", "0x1.2"];
            case "noise":
                return ["-seed", (1000 + page).ToString(CultureInfo.InvariantCulture), "-attenuate", "0.6", "+noise", "Gaussian"];
            default:
                return [];
        }
    }
}
