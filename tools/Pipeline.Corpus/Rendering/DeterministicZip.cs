using System.IO.Compression;

namespace Pipeline.Corpus.Rendering;

/// <summary>
/// Rewrites a zip package with fixed entry order and timestamps: the packaging library stamps
/// entries with the current time, which would make every .docx differ from the last.
/// </summary>
public static class DeterministicZip
{
    private static readonly DateTimeOffset Stamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, as Office writes it; the rest by name.
            foreach (var entry in input.Entries.OrderBy(e => e.FullName != "[Content_Types].xml").ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
