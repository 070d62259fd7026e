using System.Globalization;
using System.Text;
using Pipeline.Corpus.Documents;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Rendering;

/// <summary>
/// Prints a report as a web page: tables as real &lt;table&gt;s with the template's spans, or,
/// flattened, as one &lt;p&gt; per row the way some portals publish them. The styles suit
/// printing to PDF with Chromium; the font list ends in a CJK font every Linux box has.
/// </summary>
public static class HtmlRenderer
{
    /// <summary>The page style of the committed .html samples; PDF renderings may choose another (Pdf/PrintStyle).</summary>
    public const string DefaultStyle = """
        @page { size: A4; margin: 2cm; }
        body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC"; font-size: 16px; line-height: 1.8; max-width: 48em; margin: 2em auto; }
        h1 { font-size: 22px; text-align: center; }
        h2 { font-size: 18px; margin: 1em 0 0.4em; }
        p { text-indent: 2em; margin: 0.3em 0; }
        p.row { text-indent: 0; }
        p.signature, p.date { text-align: right; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 13px; line-height: 1.4; }
        td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
        tr { break-inside: avoid; }
        """;

    public static string Render(ReportTruth truth, bool flattened = false) => Render(truth, DefaultStyle, flattened);

    public static string Render(ReportTruth truth, string style, bool flattened = false)
    {
        var html = new StringBuilder();
        Line(html, "<!DOCTYPE html>");
        Line(html, "<html lang=\"zh-CN\">");
        Line(html, "<head>");
        Line(html, "<meta charset=\"utf-8\">");
        Line(html, $"<title>{Escape(truth.Title)}</title>");
        Line(html, "<style>");
        Line(html, style.Replace("\r\n", "\n", StringComparison.Ordinal));
        Line(html, "</style>");
        Line(html, "</head>");
        Line(html, "<body>");
        foreach (var block in DocumentLayout.Build(truth))
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    Line(html, $"<h1>{Escape(block.Text)}</h1>");
                    break;
                case BlockKind.Heading:
                    Line(html, $"<h2>{Escape(block.Text)}</h2>");
                    break;
                case BlockKind.Table when flattened:
                    WriteRows(html, block.Table!);
                    break;
                case BlockKind.Table:
                    WriteTable(html, block.Table!);
                    break;
                case BlockKind.Signature:
                    Line(html, $"<p class=\"signature\">{Escape(block.Text)}</p>");
                    break;
                case BlockKind.Date:
                    Line(html, $"<p class=\"date\">{Escape(block.Text)}</p>");
                    break;
                default:
                    Line(html, $"<p>{Escape(block.Text)}</p>");
                    break;
            }
        }

        Line(html, "</body>");
        Line(html, "</html>");
        return html.ToString();
    }

    private static void WriteTable(StringBuilder html, GridTable table)
    {
        Line(html, "<table>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row.Cells.Where(c => !c.Continuation))
            {
                html.Append("<td");
                if (cell.RowSpan > 1)
                {
                    html.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                }

                if (cell.ColSpan > 1)
                {
                    html.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"");
                }

                html.Append('>').Append(Escape(cell.Text)).Append("</td>");
            }

            Line(html, "</tr>");
        }

        Line(html, "</table>");
    }

    /// <summary>A row's printed cells, space-separated; merged-down and spanned cells print nothing.</summary>
    private static void WriteRows(StringBuilder html, GridTable table)
    {
        foreach (var row in table.Rows)
        {
            var texts = row.Cells.Where(c => c.Text.Length > 0).Select(c => Escape(c.Text));
            Line(html, $"<p class=\"row\">{string.Join(' ', texts)}</p>");
        }
    }

    private static void Line(StringBuilder html, string line) => html.Append(line).Append('\n');

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
