namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Wraps page images in a PDF with img2pdf, which embeds PNG and JPEG without re-encoding them.
/// No dates are written (--nodate), so the same images give the same bytes.
/// </summary>
public static class ImagePdf
{
    public static byte[] Wrap(IReadOnlyList<string> images, string folder)
    {
        var output = Path.Combine(folder, "wrapped.pdf");
        ExternalTool.Run("img2pdf", ["--nodate", .. images, "-o", output]);
        return File.ReadAllBytes(output);
    }
}
