using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Text;

namespace Pipeline.Reading;

/// <summary>
/// Web pages, including Word's "save as web page" and single-file archives (.mht). Real tables
/// keep their spans; running text goes through <see cref="TextLayoutBuilder"/>, so tables that a
/// page prints as flattened text become tables exactly as they would from a .txt file.
/// </summary>
public sealed partial class HtmlReader : IReportReader
{
    /// <summary>Enough of the file to find its opening tags or MIME headers and its meta charset.</summary>
    private const int HeadLength = 4096;

    /// <summary>A data cell of these reports is a short label or a number; longer text is a page frame.</summary>
    private const int MaxDataCellLength = 400;

    private static readonly HashSet<string> HtmlExtensions = [".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"];

    /// <summary>Content a reader of the page never sees as text.</summary>
    private static readonly HashSet<string> Ignored =
    [
        "head", "script", "style", "noscript", "template", "nav", "iframe", "frame", "object", "embed",
        "svg", "math", "canvas", "audio", "video", "map", "select", "button", "input", "textarea", "xml",
    ];

    /// <summary>Elements that start and end a line of text.</summary>
    private static readonly HashSet<string> BlockElements =
    [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "listing", "main", "menu", "ol", "p", "plaintext", "pre", "section", "summary", "ul", "xmp",
        "caption", "legend", "table", "tr", "td", "th", "thead", "tbody", "tfoot",
    ];

    private static readonly HashSet<string> Preformatted = ["pre", "listing", "xmp", "plaintext"];

    public string Kind => SourceKinds.Html;

    public bool CanRead(InputFile file)
    {
        var bytes = file.Content.Span;
        if (bytes.IsEmpty || IsOtherFormat(bytes))
        {
            return false;
        }

        var head = Head(bytes);
        return StartsLikeHtml().IsMatch(head) || HasPageTag().IsMatch(head) || MimeHeaders(head) is not null
            || HtmlExtensions.Contains(file.Extension);
    }

    public LayoutDocument Read(InputFile file, CancellationToken cancellationToken = default)
    {
        if (file.Content.IsEmpty)
        {
            throw new UnreadableException("文件是空的（0 字节），请重新上传。");
        }

        TextLimits.EnsureReportSized(file);

        var blocks = ReadBlocks(file, cancellationToken);
        if (blocks.Count == 0)
        {
            throw new UnreadableException("网页中没有找到正文文字。如果正文要在浏览器里才显示，请在浏览器中打开后“另存为”完整网页，或把正文复制到 Word 后提交。");
        }

        return new LayoutDocument(Kind, blocks);
    }

    /// <summary>The page's blocks, possibly none: a Word file's embedded HTML chunk may be empty.</summary>
    internal static IReadOnlyList<LayoutBlock> ReadBlocks(InputFile file, CancellationToken cancellationToken)
    {
        var bytes = file.Content.Span;
        if (bytes.IsEmpty)
        {
            return [];
        }

        if (IsOtherFormat(bytes))
        {
            throw new UnreadableException("文件不是网页（HTML），而是其他格式的文件，请检查文件后重新提交。");
        }

        string text;
        if (MimeHeaders(Head(bytes)) is not null)
        {
            var (html, charset) = MhtmlPage(Latin1(bytes));
            text = TextDecoder.Decode(html, charset ?? MetaCharset(Latin1(html.AsSpan(0, Math.Min(html.Length, HeadLength)))));
        }
        else
        {
            text = TextDecoder.Decode(bytes, MetaCharset(Head(bytes)));
        }

        HtmlStructure.Ensure(text, cancellationToken);
        var document = new HtmlParser().ParseDocument(text);
        var walker = new PageWalker(cancellationToken);
        walker.Walk(document.Body ?? document.DocumentElement);
        return walker.Finish();
    }

    /// <summary>Files that other readers own or nobody can read; sniffed so that a misnamed .html is not parsed as a page.</summary>
    private static bool IsOtherFormat(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("%PDF"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])
        || (!bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) && TextDecoder.LooksBinary(bytes));

    /// <summary>The first bytes as text: tags and MIME headers are ASCII, so Latin-1 shows them whatever the encoding.</summary>
    private static string Head(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, HeadLength)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(head[2..]);
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode.GetString(head[2..]) : Latin1(head);
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    private static string? MetaCharset(string head)
    {
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The headers of a MIME message (.mht), or null when the text does not start with them.</summary>
    private static Dictionary<string, string>? MimeHeaders(string text)
    {
        var headers = ParseHeaders(text, out _);
        return headers.ContainsKey("mime-version") && headers.ContainsKey("content-type") ? headers : null;
    }

    /// <summary>
    /// The HTML page inside a single-file web archive, as bytes, with its declared charset. Browsers
    /// and Word save the page as the first text/html part, usually quoted-printable.
    /// </summary>
    private static (byte[] Html, string? Charset) MhtmlPage(string archive) =>
        FindHtmlPart(archive, 0) ?? throw new UnreadableException("单个文件网页（.mht）中没有找到网页内容，请在浏览器中打开后另存为 .html 再提交。");

    private static (byte[] Html, string? Charset)? FindHtmlPart(string entity, int depth)
    {
        var headers = ParseHeaders(entity, out var bodyStart);
        var type = headers.GetValueOrDefault("content-type", "text/plain");
        var body = entity[bodyStart..];
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && depth < 4 && Parameter(type, "boundary") is { Length: > 0 } boundary)
        {
            var parts = body.Split("--" + boundary);
            foreach (var part in parts.Skip(1))
            {
                if (part.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                if (FindHtmlPart(part.TrimStart(' ', '\t').TrimStart('\r').TrimStart('\n'), depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (!type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoding = headers.GetValueOrDefault("content-transfer-encoding", "8bit").Trim().ToLowerInvariant();
        var bytes = encoding switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Base64(body),
            _ => Encoding.Latin1.GetBytes(body),
        };
        return (bytes, Parameter(type, "charset"));
    }

    /// <summary>RFC 822 headers up to the first blank line, folded lines joined, names lower-cased.</summary>
    private static Dictionary<string, string> ParseHeaders(string text, out int bodyStart)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            var line = text[position..(end < 0 ? text.Length : end)].TrimEnd('\r');
            position = next;
            if (line.Length == 0)
            {
                break;
            }

            if (line[0] is ' ' or '\t' && name is not null)
            {
                headers[name] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Any(c => c is ' ' or '<' or '>'))
            {
                // Not a header: the text is no MIME message.
                bodyStart = 0;
                return [];
            }

            name = line[..colon].Trim().ToLowerInvariant();
            headers[name] = line[(colon + 1)..].Trim();
        }

        bodyStart = position;
        return headers;
    }

    private static string? Parameter(string header, string name)
    {
        var match = Regex.Match(header, $@";\s*{name}\s*=\s*(?:""([^""]*)""|([^;\s]+))", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : null;
    }

    private static byte[] QuotedPrintable(string body)
    {
        var bytes = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '=')
            {
                var rest = body.AsSpan(i + 1);
                if (rest.StartsWith("\r\n"))
                {
                    i += 2;
                    continue;
                }

                if (rest.StartsWith("\n"))
                {
                    i += 1;
                    continue;
                }

                if (rest.Length >= 2 && byte.TryParse(rest[..2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    bytes.Add(b);
                    i += 2;
                    continue;
                }
            }

            bytes.Add((byte)c);
        }

        return [.. bytes];
    }

    private static byte[] Base64(string body)
    {
        var compact = new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray());
        try
        {
            return Convert.FromBase64String(compact);
        }
        catch (FormatException e)
        {
            throw new UnreadableException("单个文件网页（.mht）已损坏，无法读出网页内容，请重新保存后提交。", e);
        }
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    private static bool IsPreformatted(IElement element) =>
        Preformatted.Contains(element.LocalName) || element.GetAttribute("style") is { } style && PreStyle().IsMatch(style);

    /// <summary>Word saves tabs as a span of spaces styled mso-tab-count:N; they are N tabs again here.</summary>
    private static int? WordTabCount(IElement element)
    {
        var match = element.LocalName == "span" && element.GetAttribute("style") is { } style ? WordTab().Match(style) : Match.Empty;
        return match.Success ? Math.Clamp(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), 1, 64) : null;
    }

    private static IEnumerable<IElement> OwnRows(IElement table)
    {
        foreach (var child in table.Children)
        {
            switch (child.LocalName)
            {
                case "tr":
                    yield return child;
                    break;
                case "thead" or "tbody" or "tfoot":
                    foreach (var row in child.Children.Where(c => c.LocalName == "tr"))
                    {
                        yield return row;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<IElement> OwnCells(IElement row) => row.Children.Where(c => c.LocalName is "td" or "th");

    /// <summary>
    /// A table used to frame the page rather than hold data: it has a single column, holds another
    /// table next to text of its own, or has a cell as long as a few paragraphs. Its cells are read
    /// as running text, so the data tables inside it stay tables.
    /// </summary>
    private static bool IsLayoutTable(IElement table)
    {
        var rows = OwnRows(table).Select(r => OwnCells(r).ToList()).Where(r => r.Count > 0).ToList();
        if (rows.Count > 0 && rows.All(r => r.Count == 1))
        {
            return true;
        }

        foreach (var cell in rows.SelectMany(r => r))
        {
            var ownText = OwnTextLength(cell);
            if (ownText > MaxDataCellLength || (ownText > 0 && cell.QuerySelector("table") is not null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Visible characters of an element outside any table nested in it.</summary>
    private static int OwnTextLength(INode node)
    {
        var length = 0;
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                length += text.Data.Count(c => !char.IsWhiteSpace(c));
            }
            else if (child is IElement element && element.LocalName != "table" && !Ignored.Contains(element.LocalName) && !IsHidden(element))
            {
                length += OwnTextLength(element);
            }
        }

        return length;
    }

    [GeneratedRegex(@"^[\s\ufeff\u00ef\u00bb\u00bf]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|p|div|h[1-6]|span|font|center|style|link|base)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StartsLikeHtml();

    [GeneratedRegex(@"<(?:!doctype\s+html|html|body)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HasPageTag();

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex(@"display\s*:\s*none|mso-hide\s*:\s*all", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"mso-tab-count\s*:\s*(\d{1,4})", RegexOptions.IgnoreCase)]
    private static partial Regex WordTab();

    [GeneratedRegex(@"white-space\s*:\s*pre", RegexOptions.IgnoreCase)]
    private static partial Regex PreStyle();

    /// <summary>
    /// Walks a page in document order. Text is gathered line by line (a block element or a
    /// &lt;br&gt; ends a line); a data table ends the run of lines and becomes a table; when
    /// <c>foldTables</c> is set (inside a table cell) tables are read as lines too.
    /// </summary>
    private sealed class PageWalker(CancellationToken cancellationToken, bool foldTables = false)
    {
        private readonly List<LayoutBlock> _blocks = [];
        private readonly List<TextLine> _run = [];
        private readonly StringBuilder _line = new();
        private int _paragraphs;
        private int _tables;

        /// <summary>The lines read so far, when folding a cell's content.</summary>
        public List<string> Lines { get; } = [];

        public void Walk(INode? node, bool preformatted = false)
        {
            if (node is null)
            {
                return;
            }

            // The pre-scan bounds the depth the parser builds; this guards the walk should the parser nest deeper.
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();

            foreach (var child in node.ChildNodes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (child is IText text)
                {
                    Append(text.Data, preformatted);
                }
                else if (child is IElement element)
                {
                    Element(element, preformatted);
                }
            }
        }

        public IReadOnlyList<LayoutBlock> Finish()
        {
            FlushRun();
            return _blocks;
        }

        private void Element(IElement element, bool preformatted)
        {
            var name = element.LocalName;
            if (Ignored.Contains(name) || IsHidden(element))
            {
                return;
            }

            if (name == "br")
            {
                EndLine();
                return;
            }

            if (WordTabCount(element) is int tabs)
            {
                AppendTabs(tabs);
                return;
            }

            if (name == "table" && !foldTables && !IsLayoutTable(element))
            {
                Table(element);
                return;
            }

            var block = BlockElements.Contains(name);
            if (block)
            {
                EndLine();
            }

            Walk(element, preformatted || IsPreformatted(element));
            if (block)
            {
                EndLine();
            }
        }

        /// <summary>
        /// Adds text to the current line. Preformatted text is kept as written, its line breaks
        /// ending lines. Elsewhere white space collapses as a browser shows it, except that tabs
        /// typed between words stay, as many as there were: they separate a flattened table's cells.
        /// </summary>
        private void Append(string text, bool preformatted)
        {
            if (preformatted)
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        EndLine();
                    }

                    _line.Append(lines[i].TrimEnd('\r'));
                }

                return;
            }

            var at = 0;
            while (at < text.Length)
            {
                if (!IsSpace(text[at]))
                {
                    _line.Append(text[at++]);
                    continue;
                }

                var start = at;
                while (at < text.Length && IsSpace(text[at]))
                {
                    at++;
                }

                var run = text.AsSpan(start, at - start);
                var tabs = run.Count('\t');
                if (run.ContainsAny('\n', '\r') || tabs == 0)
                {
                    AppendSpace();
                }
                else
                {
                    AppendTabs(tabs);
                }
            }
        }

        /// <summary>One space between words: none at a line's start, none after another space or a tab.</summary>
        private void AppendSpace()
        {
            if (_line.Length > 0 && _line[^1] is not (' ' or '\t'))
            {
                _line.Append(' ');
            }
        }

        private void AppendTabs(int count)
        {
            if (_line.Length > 0 && _line[^1] == ' ')
            {
                _line.Length--;
            }

            _line.Append('\t', count);
        }

        /// <summary>Ends the current line; a line holding only tabs is kept, as a row of empty cells.</summary>
        private void EndLine()
        {
            var text = _line.ToString().Trim(' ');
            _line.Clear();
            if (text.Length == 0)
            {
                return;
            }

            if (foldTables)
            {
                Lines.Add(text);
            }
            else
            {
                _run.Add(new TextLine(text, new LayoutOrigin(Location: $"段落{++_paragraphs}")));
            }
        }

        private void FlushRun()
        {
            EndLine();
            if (_run.Count > 0)
            {
                _blocks.AddRange(TextLayoutBuilder.Build(_run));
                _run.Clear();
            }
        }

        private void Table(IElement table)
        {
            // A caption is the table's title, read before it like a paragraph.
            foreach (var caption in table.Children.Where(c => c.LocalName == "caption"))
            {
                Element(caption, false);
            }

            FlushRun();
            var builder = new LayoutTableBuilder(++_tables);
            foreach (var row in OwnRows(table))
            {
                builder.StartRow();
                foreach (var cell in OwnCells(row))
                {
                    builder.AddCell(CellText(cell), Span(cell, "colspan", 1), Span(cell, "rowspan", int.MaxValue));
                }
            }

            if (builder.Build() is { } built)
            {
                _blocks.Add(built);
            }
        }

        private string CellText(IElement cell)
        {
            var walker = new PageWalker(cancellationToken, foldTables: true);
            walker.Walk(cell);
            walker.EndLine();
            return ChineseText.Tidy(string.Join('\n', walker.Lines));
        }

        /// <summary>HTML reads the leading digits of a span; rowspan="0" runs to the table's end.</summary>
        private static int Span(IElement cell, string attribute, int zero)
        {
            var value = cell.GetAttribute(attribute);
            var digits = value is null ? string.Empty : new string(value.Trim().TakeWhile(char.IsAsciiDigit).ToArray());
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var span))
            {
                return digits.Length > 0 ? zero : 1;
            }

            return span == 0 ? zero : span;
        }

        /// <summary>HTML collapses only ASCII white space; a no-break or ideographic space is text.</summary>
        private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
    }
}
