using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Text;

namespace Pipeline.Reading;

/// <summary>
/// Word documents (.docx). The body is read in order: tables keep their merged cells, and runs of
/// paragraphs go through <see cref="TextLayoutBuilder"/>, since some offices type tables as
/// tab-separated paragraphs. Old .doc files, encrypted files and broken files are refused with a
/// reason a clerk can act on.
/// </summary>
public sealed class DocxReader : IReportReader
{
    /// <summary>Guards against zip bombs: far more text than any annual report holds.</summary>
    private const long MaxCharactersInPart = StructureLimits.MaxDecompressedBytes;

    /// <summary>Word's own limit on columns; a larger gridSpan or gridBefore is damage.</summary>
    private const int MaxGridColumns = 63;

    private static readonly HashSet<string> WordExtensions = [".docx", ".docm", ".dotx", ".dotm"];

    /// <summary>Names under which old Word and WPS files, or a renamed file, reach us.</summary>
    private static readonly HashSet<string> LegacyExtensions = [".doc", ".dot", ".wps", ".rtf", .. WordExtensions];

    public string Kind => SourceKinds.Docx;

    public bool CanRead(InputFile file)
    {
        var bytes = file.Content.Span;
        if (bytes.StartsWith(Signatures.Zip))
        {
            return HasWordBody(file.Content) || WordExtensions.Contains(file.Extension) || bytes[..Math.Min(bytes.Length, 65536)].IndexOf("word/"u8) >= 0;
        }

        // Claimed only to tell the clerk what to do: nothing else reads these.
        if (bytes.StartsWith(Signatures.Ole))
        {
            return IsWordOle(bytes) || IsEncryptedOle(bytes) || LegacyExtensions.Contains(file.Extension);
        }

        return bytes.StartsWith(Signatures.Rtf) && LegacyExtensions.Contains(file.Extension);
    }

    public LayoutDocument Read(InputFile file, CancellationToken cancellationToken = default)
    {
        Refuse(file.Content.Span);
        try
        {
            using var stream = Stream(file.Content);
            ZipStructure.Ensure(stream, cancellationToken);
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                throw HasWordBody(file.Content)
                    ? Corrupt(null)
                    : new UnreadableException("文件是压缩包，但里面没有 Word 正文（可能是 Excel、PowerPoint 文件或普通压缩包），请提交 Word 文档（.docx）。");
            }

            var walker = new BodyWalker(document.MainDocumentPart, cancellationToken);
            walker.Blocks(body);
            var blocks = walker.Finish();
            if (blocks.Count == 0)
            {
                throw new UnreadableException("Word 文档中没有找到正文文字（可能全是图片或扫描件），请提交含文字的文档。");
            }

            return new LayoutDocument(Kind, blocks);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            throw Corrupt(e);
        }
    }

    private static UnreadableException Corrupt(Exception? inner) =>
        new("Word 文档已损坏，无法读取。请用 Word 或 WPS 打开确认内容完整后，重新另存为 .docx 再提交。", inner);

    /// <summary>Inputs that are certainly not a readable .docx, each with its own reason.</summary>
    private static void Refuse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new UnreadableException("文件是空的（0 字节），请重新上传。");
        }

        if (bytes.StartsWith(Signatures.Ole))
        {
            throw new UnreadableException(
                IsEncryptedOle(bytes) ? "文件设置了打开密码（已加密），无法读取。请取消密码后另存为 .docx 再重新提交。"
                : IsWordOle(bytes) ? "文件是旧版 Word 文档（.doc），请用 Word 或 WPS 打开后另存为 .docx 再重新提交。"
                : "文件是旧版 Word（.doc）或已加密，请另存为 .docx 后重新提交。");
        }

        if (bytes.StartsWith(Signatures.Rtf))
        {
            throw new UnreadableException("文件是 RTF 格式，不是 .docx。请用 Word 或 WPS 打开后另存为 .docx 再重新提交。");
        }

        if (!bytes.StartsWith(Signatures.Zip))
        {
            throw new UnreadableException("文件不是 Word 文档（.docx），请检查是否选错了文件。");
        }
    }

    /// <summary>
    /// What the zip and package layers throw for damaged bytes. Listed rather than caught wholesale
    /// so that a fault in this reader is not reported to the clerk as a damaged file.
    /// </summary>
    private static bool IsCorruption(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException
            or InvalidOperationException or ArgumentException or NotSupportedException or FormatException;

    private static MemoryStream Stream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static bool HasWordBody(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(Stream(content), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>An OLE compound file holding a WordDocument stream: Word 97–2003 or WPS.</summary>
    private static bool IsWordOle(ReadOnlySpan<byte> bytes) => bytes.IndexOf(Signatures.WordDocumentStream) >= 0;

    /// <summary>Office encrypts a .docx (and any OOXML file) into an OLE file with an EncryptedPackage stream.</summary>
    private static bool IsEncryptedOle(ReadOnlySpan<byte> bytes) => bytes.IndexOf(Signatures.EncryptedPackageStream) >= 0;

    /// <summary>A flag such as w:vanish: present and not switched off. An unreadable value counts as on, as Word reads it.</summary>
    private static bool IsOn(OnOffType? flag) => flag is not null && (flag.Val is not { HasValue: true } value || value.Value);

    /// <summary>An attribute's value, or null when it is missing or not valid: a damaged attribute is treated as absent.</summary>
    private static T? Valid<T>(OpenXmlSimpleValue<T>? value)
        where T : struct => value is { HasValue: true } ? value.Value : null;

    private static class Signatures
    {
        public static ReadOnlySpan<byte> Zip => "PK\x03\x04"u8;

        public static ReadOnlySpan<byte> Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

        public static ReadOnlySpan<byte> Rtf => "{\\rtf"u8;

        /// <summary>Stream names in an OLE directory are UTF-16LE.</summary>
        public static ReadOnlySpan<byte> WordDocumentStream => "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"u8;

        public static ReadOnlySpan<byte> EncryptedPackageStream => "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"u8;
    }

    /// <summary>Walks the body in order, gathering paragraphs into runs of lines between tables.</summary>
    private sealed class BodyWalker(MainDocumentPart part, CancellationToken cancellationToken)
    {
        private readonly List<LayoutBlock> _blocks = [];
        private readonly List<TextLine> _run = [];
        private int _paragraphs;
        private int _tables;

        public void Blocks(OpenXmlElement container)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (var element in container.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (element)
                {
                    case Paragraph paragraph:
                        var origin = new LayoutOrigin(Location: $"段落{++_paragraphs}");
                        _run.AddRange(Lines(paragraph).Select(l => new TextLine(l, origin)));
                        break;
                    case Table table:
                        FlushRun();
                        if (Table(table) is { } built)
                        {
                            _blocks.Add(built);
                        }

                        break;
                    case SdtBlock sdt when !IsPlaceholder(sdt.SdtProperties):
                        Blocks(sdt.SdtContentBlock ?? (OpenXmlElement)sdt);
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom);
                        break;
                    case AltChunk chunk:
                        FlushRun();
                        _blocks.AddRange(AltChunk(chunk));
                        break;
                }
            }
        }

        public IReadOnlyList<LayoutBlock> Finish()
        {
            FlushRun();
            return _blocks;
        }

        /// <summary>A paragraph's text, split where it has line breaks; tabs kept as cell separators.</summary>
        private static List<string> Lines(Paragraph paragraph)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            Inline(paragraph, line, lines);
            lines.Add(line.ToString());
            return lines;
        }

        private static void Inline(OpenXmlElement container, StringBuilder line, List<string> lines)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Run run:
                        RunText(run, line, lines);
                        break;
                    case SdtRun sdt when !IsPlaceholder(sdt.SdtProperties):
                        Inline(sdt.SdtContentRun ?? (OpenXmlElement)sdt, line, lines);
                        break;

                    // Deleted and moved-away text is gone from what the reader sees; drawings,
                    // text boxes and equations are not report text.
                    case ParagraphProperties or DeletedRun or MoveFromRun or SdtRun or AlternateContent
                        or DocumentFormat.OpenXml.Math.OfficeMath or DocumentFormat.OpenXml.Math.Paragraph:
                        break;
                    default:
                        // Hyperlinks, fields, insertions, smart tags and the like hold runs.
                        Inline(element, line, lines);
                        break;
                }
            }
        }

        private static void RunText(Run run, StringBuilder line, List<string> lines)
        {
            if (IsOn(run.RunProperties?.Vanish))
            {
                return;
            }

            foreach (var element in run.ChildElements)
            {
                switch (element)
                {
                    case Text text:
                        line.Append(text.Text);
                        break;
                    case TabChar or PositionalTab:
                        line.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        lines.Add(line.ToString());
                        line.Clear();
                        break;
                    case NoBreakHyphen:
                        line.Append('-');
                        break;
                }
            }
        }

        /// <summary>w:val="restart"; a missing or unreadable value means "continue".</summary>
        private static bool IsRestart(EnumValue<MergedCellValues>? value) => value is { HasValue: true } && value.Value == MergedCellValues.Restart;

        private static bool IsPlaceholder(SdtProperties? properties) => properties?.GetFirstChild<ShowingPlaceholder>() is { } flag && IsOn(flag);

        private void FlushRun()
        {
            if (_run.Count > 0)
            {
                _blocks.AddRange(TextLayoutBuilder.Build(_run));
                _run.Clear();
            }
        }

        /// <summary>
        /// Rows and cells as Word's grid has them: gridSpan widens a cell, a vMerge restart opens a
        /// cell downwards and each vMerge continuation below it (not emitted) adds a row to it.
        /// </summary>
        private LayoutTable? Table(Table table)
        {
            var builder = new LayoutTableBuilder(++_tables);
            var open = new Dictionary<int, LayoutTableBuilder.PendingCell>();
            foreach (var row in Rows(table))
            {
                cancellationToken.ThrowIfCancellationRequested();
                builder.StartRow();
                var stillOpen = new Dictionary<int, LayoutTableBuilder.PendingCell>();
                var column = Math.Clamp(Valid(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val) ?? 0, 0, MaxGridColumns);
                LayoutTableBuilder.PendingCell? previous = null;
                foreach (var cell in Cells(row))
                {
                    var properties = cell.TableCellProperties;
                    var span = Math.Clamp(Valid(properties?.GridSpan?.Val) ?? 1, 1, MaxGridColumns);
                    var verticalMerge = properties?.VerticalMerge;
                    var isContinuation = verticalMerge is not null && !IsRestart(verticalMerge.Val);
                    var horizontalContinuation = properties?.HorizontalMerge is { } horizontal && !IsRestart(horizontal.Val);

                    // Word 97's horizontal merge: the cell widens the one before it.
                    if (horizontalContinuation && previous is not null)
                    {
                        previous.ColumnSpan += span;
                    }
                    else if (isContinuation && open.TryGetValue(column, out var above))
                    {
                        above.RowSpan++;
                        stillOpen[column] = above;
                    }
                    else
                    {
                        previous = builder.AddCell(CellText(cell), span, column: column);
                        if (verticalMerge is not null)
                        {
                            stillOpen[column] = previous;
                        }
                    }

                    column += span;
                }

                open = stillOpen;
            }

            return builder.Build();
        }

        private static IEnumerable<TableRow> Rows(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case TableRow row:
                        yield return row;
                        break;
                    case SdtRow or CustomXmlRow or SdtContentRow:
                        foreach (var row in Rows(element is SdtRow sdt ? sdt.SdtContentRow ?? element : element))
                        {
                            yield return row;
                        }

                        break;
                }
            }
        }

        private static IEnumerable<TableCell> Cells(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case TableCell cell:
                        yield return cell;
                        break;
                    case SdtCell or CustomXmlCell or SdtContentCell:
                        foreach (var cell in Cells(element is SdtCell sdt ? sdt.SdtContentCell ?? element : element))
                        {
                            yield return cell;
                        }

                        break;
                }
            }
        }

        /// <summary>A cell's paragraphs, one per line, then tidied; a table nested in it is read as lines.</summary>
        private static string CellText(OpenXmlElement cell)
        {
            var lines = new List<string>();
            CellLines(cell, lines);
            return ChineseText.Tidy(string.Join('\n', lines));
        }

        private static void CellLines(OpenXmlElement container, List<string> lines)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        lines.AddRange(Lines(paragraph));
                        break;
                    case SdtBlock sdt when IsPlaceholder(sdt.SdtProperties):
                    case TableCellProperties or TableProperties or TableGrid or TableRowProperties:
                        break;
                    default:
                        // Nested tables, their rows and cells, content controls, custom XML.
                        CellLines(element, lines);
                        break;
                }
            }
        }

        /// <summary>
        /// Content imported as it was (w:altChunk): systems that export "Word" by wrapping a web
        /// page in a .docx store the whole report this way.
        /// </summary>
        private IReadOnlyList<LayoutBlock> AltChunk(AltChunk chunk)
        {
            if (chunk.Id?.Value is not { } id || part.GetPartById(id) is not AlternativeFormatImportPart imported)
            {
                return [];
            }

            using var source = imported.GetStream();
            using var copy = new MemoryStream();
            source.CopyTo(copy);
            var name = imported.ContentType switch
            {
                "text/html" or "application/xhtml+xml" => "chunk.html",
                "message/rfc822" or "multipart/related" => "chunk.mht",
                "text/plain" => "chunk.txt",
                _ => null,
            };
            if (name is null)
            {
                return [];
            }

            var file = new InputFile(name, copy.ToArray());
            return name == "chunk.txt"
                ? new PlainTextReader().Read(file, cancellationToken).Blocks
                : HtmlReader.ReadBlocks(file, cancellationToken);
        }
    }
}
