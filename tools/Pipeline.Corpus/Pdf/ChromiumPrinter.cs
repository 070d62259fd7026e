using Pipeline.Reading.Pdf;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Prints a web page to a text-layer PDF with headless Chromium, in a throw-away profile so that
/// no state carries from one print to the next. Chromium stamps the PDF with the time it was
/// made, so two prints of one page differ in their dates (and only there).
/// </summary>
public static class ChromiumPrinter
{
    public static byte[] Print(string html)
    {
        using var scratch = new TempWorkspace();
        var page = scratch.File("report.html");
        var pdf = scratch.File("report.pdf");
        File.WriteAllText(page, html);
        ExternalTool.Run("chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + scratch.File("profile"),
            "--no-pdf-header-footer", "--print-to-pdf=" + pdf, page,
        ]);
        return File.Exists(pdf) ? File.ReadAllBytes(pdf) : throw new InvalidOperationException("chromium wrote no PDF");
    }
}
