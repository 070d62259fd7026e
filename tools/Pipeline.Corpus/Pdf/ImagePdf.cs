namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Wraps page images in a PDF with img2pdf, which embeds PNG and JPEG without re-encoding them.
/// No dates and no random /ID are written, so the same images give the same bytes.
/// </summary>
public static class ImagePdf
{
    public static byte[] Wrap(IReadOnlyList<string> images, string folder)
    {
        var output = Path.Combine(folder, "wrapped.pdf");

        // The internal engine, not pikepdf: pikepdf writes a random document /ID.
        ExternalTool.Run("img2pdf", ["--engine", "internal", "--nodate", .. images, "-o", output]);
        return File.ReadAllBytes(output);
    }
}
