using System.Text.RegularExpressions;
using Pipeline.Model.Layout;
using Pipeline.Model.Schema;

namespace Pipeline.Reading;

/// <summary>
/// Builds layout from lines of text whose tables were flattened, as reports copied out of web
/// pages and Word files are: one cell per tab-led line, cells split by tabs, or cells split by
/// '|'. Shared by every reader that meets such text (plain text, flattened HTML, DOCX paragraphs).
/// </summary>
public static partial class TextLayoutBuilder
{
    /// <summary>Longest line that may continue a cell whose text wrapped onto the next line.</summary>
    private const int MaxContinuation = 80;

    public static IReadOnlyList<LayoutBlock> Build(IReadOnlyList<TextLine> lines)
    {
        var blocks = new List<LayoutBlock>();
        var kinds = lines.Select(l => Classify(Clean(l.Text))).ToArray();

        // Header lines of a table flattened with spaces (信息内容 本年制发件数 …) hold no values;
        // they belong to the table when a row follows them. Resolved bottom-up, for stacked headers.
        for (var i = kinds.Length - 1; i >= 0; i--)
        {
            if (kinds[i] == LineKind.Plain && SpacedLabels().IsMatch(Clean(lines[i].Text)) && NextKind(kinds, i) == LineKind.Row)
            {
                kinds[i] = LineKind.Row;
            }
        }
        List<LayoutRow>? rows = null;
        LayoutOrigin? tableOrigin = null;

        // Only Word-style text, one cell per tab-led line, wraps a cell's text onto plain lines.
        var lastRowTabbed = false;

        void Flush()
        {
            if (rows is { Count: > 0 })
            {
                blocks.Add(new LayoutTable(rows, tableOrigin!));
            }

            rows = null;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var text = Clean(lines[i].Text);
            var origin = lines[i].Origin;
            switch (kinds[i])
            {
                case LineKind.Blank:
                    break;
                case LineKind.Row:
                    if (rows is null)
                    {
                        rows = [];
                        tableOrigin = origin;
                    }

                    rows.Add(new LayoutRow(SplitCells(text).Select(c => new LayoutCell(c, origin)).ToList()));
                    lastRowTabbed = text.Contains('\t');
                    break;
                case LineKind.Plain when rows is { Count: > 0 } && lastRowTabbed && ContinuesCell(kinds, lines, i):
                    var last = rows[^1];
                    var cell = last.Cells[^1];
                    var joined = cell with { Text = (cell.Text + text.Trim()).Trim() };
                    rows[^1] = new LayoutRow([.. last.Cells.SkipLast(1), joined]);
                    break;
                default:
                    Flush();
                    blocks.Add(new LayoutParagraph(text.Trim(), origin));
                    break;
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>Word's export leaves bookmark markers such as [bookmark: _GoBack] in the text.</summary>
    private static string Clean(string text) => Bookmark().Replace(text, string.Empty).TrimEnd('\r');

    private static LineKind Classify(string text)
    {
        // A tab-only line is an empty cell, not a blank line.
        if (text.Contains('\t') && text.Trim().Length == 0)
        {
            return LineKind.Row;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return LineKind.Blank;
        }

        if (SectionHeadings.Match(text) is not null)
        {
            return LineKind.Heading;
        }

        return text.Contains('\t') || text.Contains('|') || SpacedRow().IsMatch(text) || ShortLabelAndValue().IsMatch(text)
            ? LineKind.Row
            : LineKind.Plain;
    }

    /// <summary>
    /// A short plain line inside a table continues the cell above when the table goes on after
    /// it (only short lines and blanks between), e.g. 商业 / 企业 or 三 / 、本年度办理结果.
    /// </summary>
    private static bool ContinuesCell(LineKind[] kinds, IReadOnlyList<TextLine> lines, int index)
    {
        for (var j = index; j < kinds.Length; j++)
        {
            switch (kinds[j])
            {
                case LineKind.Row:
                    return true;
                case LineKind.Blank:
                    continue;
                case LineKind.Plain when lines[j].Text.Trim().Length <= MaxContinuation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "label 0 0 3" (cells split by spaces, as text copied out of a PDF or a web page gives
    /// them) is a label and its values; "\tX" is one cell X (one cell per line); "A\tB\tC" and "\tA\tB" are rows whose empty first
    /// cell is kept; "A | B |" is two cells, its last '|' closing the row.
    /// </summary>
    internal static IReadOnlyList<string> SplitCells(string line)
    {
        if (line.Contains('|'))
        {
            var parts = line.Split('|');
            var count = string.IsNullOrWhiteSpace(parts[^1]) ? parts.Length - 1 : parts.Length;
            return parts.Take(count).Select(p => p.Trim()).ToList();
        }

        var spaced = SpacedRow().Match(line);
        if (!spaced.Success)
        {
            spaced = ShortLabelAndValue().Match(line);
        }

        if (!line.Contains('\t') && !line.Contains('|') && spaced.Success)
        {
            var label = spaced.Groups["label"].Value.Trim();
            var values = spaced.Groups["values"].Value.Split((char[])[' ', '\u3000', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
            return label.Length > 0 ? [label, .. values] : values;
        }

        if (!line.Contains('\t') && !line.Contains('|'))
        {
            return line.Split((char[])[' ', '\u3000', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        }

        var trimmed = line.TrimEnd(' ', '\u3000');
        if (trimmed.Count(c => c == '\t') == 1 && trimmed.TrimStart(' ', '\u3000').StartsWith('\t'))
        {
            return [trimmed.Trim()];
        }

        return trimmed.Split('\t').Select(p => p.Trim()).ToList();
    }

    private static LineKind? NextKind(LineKind[] kinds, int index)
    {
        for (var j = index + 1; j < kinds.Length; j++)
        {
            if (kinds[j] != LineKind.Blank)
            {
                return kinds[j];
            }
        }

        return null;
    }

    private enum LineKind
    {
        Blank,
        Heading,
        Row,
        Plain,
    }

    /// <summary>A line ending in two or more values (numbers or blank marks) split by spaces.</summary>
    [GeneratedRegex(@"^\s*(?<label>.*?[^\s\d.,+\-])??\s*(?<values>(?:(?:[+\-]?\d[\d,]*(?:\.\d+)?|[/／\-—无])[ \u3000\u00a0]+)+(?:[+\-]?\d[\d,]*(?:\.\d+)?|[/／\-—无]))\s*$")]
    private static partial Regex SpacedRow();

    /// <summary>A short label (no sentence punctuation) and one value: 行政许可 79.</summary>
    [GeneratedRegex(@"^\s*(?<label>[^，。；：:,;\s][^，。；：:,;]{0,15}?[^\s\d.,+\-，。；：:,;])[ \u3000\u00a0]+(?<values>[+\-]?\d[\d,]*(?:\.\d+)?|[/／\-—无])\s*$")]
    private static partial Regex ShortLabelAndValue();

    /// <summary>Two or more short labels split by spaces, with no sentence punctuation.</summary>
    [GeneratedRegex(@"^\s*[^，。；,;\s]{1,16}([ \u3000\u00a0]+[^，。；,;\s]{1,16})+\s*$")]
    private static partial Regex SpacedLabels();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
}
