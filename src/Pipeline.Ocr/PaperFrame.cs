using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// A white frame around a crop: Tesseract finds text lines poorly when glyphs touch the image edge,
/// as they do in tightly cut table cells.
/// </summary>
internal static class WhiteBorder
{
    public static GrayImage Add(GrayImage image, int border)
    {
        var framed = GrayImage.Blank(image.Width + (2 * border), image.Height + (2 * border));
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(framed.Row(y + border)[border..]);
        }

        return framed;
    }
}
