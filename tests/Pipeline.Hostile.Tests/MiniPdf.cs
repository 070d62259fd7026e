using System.IO.Compression;
using System.Text;

namespace Pipeline.Hostile.Tests;

/// <summary>
/// Writes small PDFs by hand, object by object, so that a test can build exactly the damage it needs (a lying
/// page count, a broken cross-reference table, millions of path segments) without any PDF library.
/// </summary>
internal static class MiniPdf
{
    /// <summary>A one-page PDF: the page's box, its content stream (deflated) and extra objects after the fixed four.</summary>
    public static byte[] Page(double width, double height, byte[] content, string pageExtra = "", string catalogExtra = "", string pagesExtra = "/Count 1", IReadOnlyList<string>? extraObjects = null, bool brokenXref = false)
    {
        var objects = new List<byte[]>
        {
            Ascii($"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>"),
            Ascii($"<< /Type /Pages /Kids [3 0 R] {pagesExtra} >>"),
            Ascii(FormattableString.Invariant($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R {pageExtra} >>")),
            Stream(content),
        };
        objects.AddRange((extraObjects ?? []).Select(Ascii));
        return Write(objects, brokenXref);
    }

    public static byte[] Stream(byte[] content, string dictionary = "")
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(content);
        }

        return [.. Ascii($"<< /Length {packed.Length} /Filter /FlateDecode {dictionary} >>\nstream\n"), .. packed.ToArray(), .. Ascii("\nendstream")];
    }

    public static byte[] Write(IReadOnlyList<byte[]> objects, bool brokenXref = false)
    {
        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.7\n%\u00e2\u00e3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            // A broken table points every object at the wrong place.
            table.Append(FormattableString.Invariant($"{(brokenXref ? 7 : offset):D10} 00000 n \n"));
        }

        output.Write(Ascii(table.ToString()));
        output.Write(Ascii($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{(brokenXref ? xref + 12345 : xref)}\n%%EOF\n"));
        return output.ToArray();
    }

    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
