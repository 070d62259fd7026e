namespace Pipeline.Reading;

/// <summary>
/// A pass over a web page's markup before it is parsed: nesting depth, elements and table cells are counted as
/// a simple tree builder would see them, in linear time and without building anything, so a page meant to
/// exhaust the parser (200,000 nested &lt;div&gt;s) is refused in milliseconds.
/// </summary>
internal static class HtmlStructure
{
    /// <summary>Elements that hold no content.</summary>
    private static readonly HashSet<string> Void =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound"];

    /// <summary>Elements a parser closes by itself when the next one starts: left open, they do not nest.</summary>
    private static readonly HashSet<string> ImpliedEnd =
        ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "html", "head", "body"];

    /// <summary>Elements whose content is text up to their end tag.</summary>
    private static readonly HashSet<string> RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

    /// <summary>Throws <see cref="UnreadableException"/> when the page passes a <see cref="StructureLimits"/> limit.</summary>
    public static void Ensure(string html, CancellationToken cancellationToken)
    {
        var open = new List<string>();
        var elements = 0;
        var cells = 0;
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0)
        {
            if ((++elements & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (at + 1 >= html.Length)
            {
                break;
            }

            var next = html[at + 1];
            if (next == '!')
            {
                at = string.CompareOrdinal(html, at, "<!--", 0, 4) == 0 ? End(html, "-->", at + 4) : End(html, ">", at + 2);
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? at + 2 : at + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                at++;
                continue;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = TagEnd(html, nameEnd);
            at = tagEnd;
            if (closing)
            {
                var found = open.LastIndexOf(name);
                if (found >= 0)
                {
                    open.RemoveRange(found, open.Count - found);
                }

                continue;
            }

            if (elements > StructureLimits.MaxElements)
            {
                throw StructureLimits.TooManyElements("网页");
            }

            if (name is "td" or "th" && ++cells > StructureLimits.MaxCells)
            {
                throw StructureLimits.TooManyCells("网页");
            }

            if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                at = close < 0 ? html.Length : close;
                continue;
            }

            var selfClosing = tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (Void.Contains(name) || ImpliedEnd.Contains(name) || selfClosing)
            {
                continue;
            }

            open.Add(name);
            if (open.Count > StructureLimits.MaxDepth)
            {
                throw StructureLimits.TooDeep("网页");
            }
        }
    }

    /// <summary>Just past the '&gt;' that ends a tag, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        char? quote = null;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    private static int End(string html, string marker, int from)
    {
        var end = html.IndexOf(marker, from, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + marker.Length;
    }
}
