using System.Globalization;

namespace Pipeline.Reading.Pdf;

/// <summary>One image drawn on a page, as poppler's <c>pdfimages -list</c> gives it: its own pixels, colour, stream object and declared density.</summary>
public sealed record PageImage(string Type, int Width, int Height, string Color, int Components, int Bits, int ObjectId, int Generation, double XPpi, double YPpi)
{
    /// <summary>The rows of a listing, its two header lines skipped; a row that does not parse is left out.</summary>
    public static IReadOnlyList<PageImage> ParseList(string listing) =>
        [.. listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(Parse)
            .OfType<PageImage>()];

    private static PageImage? Parse(string[] f) =>
        f is [_, _, var type, var w, var h, var color, var comp, var bpc, _, _, var id, var gen, var xppi, var yppi, ..] &&
        int.TryParse(w, CultureInfo.InvariantCulture, out var width) && int.TryParse(h, CultureInfo.InvariantCulture, out var height) &&
        int.TryParse(comp, CultureInfo.InvariantCulture, out var components) && int.TryParse(bpc, CultureInfo.InvariantCulture, out var bits) &&
        int.TryParse(id, CultureInfo.InvariantCulture, out var objectId) && int.TryParse(gen, CultureInfo.InvariantCulture, out var generation) &&
        double.TryParse(xppi, CultureInfo.InvariantCulture, out var horizontal) && double.TryParse(yppi, CultureInfo.InvariantCulture, out var vertical)
            ? new PageImage(type, width, height, color, components, bits, objectId, generation, horizontal, vertical)
            : null;

    /// <summary>Whether the image, at its declared density, covers a page of this size (within 2%): the page is this one scan.</summary>
    public bool Covers((double Width, double Height) page) =>
        XPpi > 0 && YPpi > 0 &&
        Math.Abs((Width * 72.0 / XPpi) - page.Width) <= page.Width / 50 && Math.Abs((Height * 72.0 / YPpi) - page.Height) <= page.Height / 50;
}
