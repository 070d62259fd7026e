using System.IO.Compression;
using System.Xml;

namespace Pipeline.Reading;

/// <summary>
/// A pass over a Word file's zip before the Open XML SDK opens it. Each entry's declared size and compression
/// ratio are checked, then its bytes are inflated as they stream past, counted against one budget for the
/// document (a zip may lie about its sizes), and its XML is read by a streaming reader that refuses DTDs
/// (external entities, billion laughs) and counts depth, elements and table cells. Nothing is held, so a
/// 1 GB bomb is refused after at most <see cref="StructureLimits.MaxDecompressedBytes"/> of inflating,
/// and the SDK, whose recursion a deep part overflows, only ever sees parts within the limits.
/// </summary>
internal static class ZipStructure
{
    private static readonly HashSet<string> Images = [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg", ".webp"];

    public static void Ensure(Stream zipBytes, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read, leaveOpen: true);
        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (declared > StructureLimits.MaxDecompressedBytes)
            {
                throw TooLarge();
            }

            if (entry.Length > StructureLimits.RatioFloorBytes && entry.Length > entry.CompressedLength * (long)StructureLimits.MaxCompressionRatio)
            {
                throw new UnreadableException(
                    $"Word 文档中的“{entry.FullName}”压缩比异常（{entry.CompressedLength / 1024d:0.#} KB 解压后为 {entry.Length / 1024d / 1024d:0.#} MB），是“压缩炸弹”一类的恶意文件，已拒绝处理。");
            }
        }

        var budget = new InflatedBudget();
        var cells = 0;
        foreach (var entry in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Images.Contains(Path.GetExtension(entry.FullName).ToLowerInvariant()))
            {
                continue;
            }

            using var inflated = new CountingStream(entry.Open(), budget);
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                cells += ScanXml(entry.FullName, inflated, cancellationToken);
                if (cells > StructureLimits.MaxCells)
                {
                    throw StructureLimits.TooManyCells("Word 文档");
                }
            }
            else
            {
                inflated.CopyTo(Stream.Null);
            }
        }
    }

    /// <summary>Table cells of one part; throws for DTDs and for depth or element counts past the limits.</summary>
    private static int ScanXml(string name, Stream xml, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        var elements = 0;
        var cells = 0;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Depth > StructureLimits.MaxDepth)
                {
                    throw StructureLimits.TooDeep("Word 文档");
                }

                if (++elements > StructureLimits.MaxElements)
                {
                    throw StructureLimits.TooManyElements("Word 文档");
                }

                if ((elements & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (reader.LocalName == "tc")
                {
                    cells++;
                }
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableException(
                $"Word 文档中的“{name}”含有 DTD 实体声明。Word 从不写入这种内容，它可用于读取服务器文件（XXE）或制造“十亿笑声”内存炸弹，已拒绝处理。", e);
        }

        return cells;
    }

    private static UnreadableException TooLarge() =>
        new($"Word 文档解压后超过 {StructureLimits.MaxDecompressedBytes / 1024 / 1024} MB，远超一份年度报告的篇幅，可能是“压缩炸弹”，已拒绝处理。");

    /// <summary>The bytes inflated so far for one document.</summary>
    private sealed class InflatedBudget
    {
        public long Used { get; set; }
    }

    private sealed class CountingStream(Stream inner, InflatedBudget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Used += read;
            return budget.Used > StructureLimits.MaxDecompressedBytes ? throw TooLarge() : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
