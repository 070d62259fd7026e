using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// A frame of the crop's own paper around it: Tesseract finds text lines poorly when glyphs touch the image edge,
/// as they do in tightly cut table cells. The frame is the paper's grey, not white: on a scan lit unevenly the
/// paper of a cell can be mid-grey (150 of 255), and against a white frame Otsu's threshold falls between paper and
/// frame, so the whole crop turns to ink and a clear "2" is read as 加. On white paper the frame is white, as before.
/// </summary>
internal static class PaperFrame
{
    public static GrayImage Add(GrayImage image, int border)
    {
        var framed = GrayImage.Blank(image.Width + (2 * border), image.Height + (2 * border), (byte)PaperLevel.Of(image));
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(framed.Row(y + border)[border..]);
        }

        return framed;
    }
}
