using System.Globalization;
using System.Text;

namespace Pipeline.Tests.Pdf;

/// <summary>Small PDFs written by hand, with a correct cross-reference table, for the fault cases.</summary>
public static class HandMadePdf
{
    /// <summary>A PDF of the given objects (1 is the catalog); extra trailer entries such as an /Encrypt.</summary>
    public static byte[] Write(IReadOnlyList<string> objects, string trailerExtra = "")
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    public static byte[] Pages(int count, string mediaBox = "[0 0 595 842]")
    {
        var kids = string.Join(' ', Enumerable.Range(0, count).Select(i => $"{i + 3} 0 R"));
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{kids}] /Count {count} >>",
        };
        objects.AddRange(Enumerable.Range(0, count).Select(_ => $"<< /Type /Page /Parent 2 0 R /MediaBox {mediaBox} >>"));
        return Write(objects);
    }
}
