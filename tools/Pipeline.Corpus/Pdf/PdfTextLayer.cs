using System.Globalization;
using System.Xml.Linq;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// The words of a text-layer PDF with their boxes (pdftotext -bbox-layout), and the page size:
/// where the seal goes and which pages table 三 lands on are found from these.
/// </summary>
public sealed record PdfTextLayer(IReadOnlyList<PdfWord> Words, double PageWidth, double PageHeight, int PageCount)
{
    public static PdfTextLayer Read(string pdf)
    {
        var xhtml = ExternalTool.Run("pdftotext", ["-bbox-layout", pdf, "-"]);
        var document = XDocument.Parse(xhtml);
        XNamespace ns = "http://www.w3.org/1999/xhtml";
        var words = new List<PdfWord>();
        var pages = document.Descendants(ns + "page").ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            words.AddRange(pages[i].Descendants(ns + "word").Select(w => new PdfWord(
                i + 1,
                w.Value,
                Number(w, "xMin"),
                Number(w, "yMin"),
                Number(w, "xMax"),
                Number(w, "yMax"))));
        }

        return pages.Count == 0
            ? throw new InvalidOperationException("pdftotext found no pages in " + pdf)
            : new PdfTextLayer(words, Number(pages[0], "width"), Number(pages[0], "height"), pages.Count);
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)?.Value ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);
}
