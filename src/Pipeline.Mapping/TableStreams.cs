using Pipeline.Model.Layout;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// Splits the document's table cells into the streams of tables 二, 三 and 四. A cell belongs to
/// the table whose anchor (a label only that table prints) or section heading came last, so
/// tables split across blocks or pages join up, and a missing heading does not lose a table.
/// </summary>
public sealed class TableStreams
{
    private readonly Dictionary<string, List<StreamCell>> _streams = TableKeys.All.ToDictionary(k => k, _ => new List<StreamCell>());

    public IReadOnlyList<StreamCell> this[string table] => _streams[table];

    public static TableStreams From(LayoutDocument document)
    {
        var streams = new TableStreams();
        string? current = null;
        var unassigned = new List<StreamCell>();
        var rowId = 0;
        var tableId = 0;
        foreach (var block in document.Blocks)
        {
            if (block is LayoutParagraph paragraph)
            {
                var heading = SectionHeadings.Match(paragraph.Text);
                if (heading is not null)
                {
                    current = TableKeys.All.Contains(heading.Key) ? heading.Key : null;
                }

                continue;
            }

            tableId++;
            foreach (var row in ((LayoutTable)block).Rows)
            {
                rowId++;
                for (var i = 0; i < row.Cells.Count; i++)
                {
                    var source = row.Cells[i];
                    var cell = source.Origin is { Box: null, Column: int column }
                        ? new StreamCell(source.Text, source.Origin, rowId, i) { Frame = $"表格{tableId}", Extent = (column, column + source.ColumnSpan) }
                        : new StreamCell(source.Text, source.Origin, rowId, i);
                    var anchor = Anchor(cell.Folded, current);
                    if (anchor is not null)
                    {
                        current = anchor;
                        if (unassigned.Count > 0)
                        {
                            streams._streams[anchor].AddRange(unassigned);
                            unassigned.Clear();
                        }
                    }

                    (current is null ? unassigned : streams._streams[current]).Add(cell);
                }
            }
        }

        return streams;
    }

    /// <summary>The table a cell's label belongs to alone, if any.</summary>
    private static string? Anchor(string folded, string? current)
    {
        if (folded.Length == 0)
        {
            return null;
        }

        if (folded.Contains("第二十条", StringComparison.Ordinal) || folded == "信息内容")
        {
            return TableKeys.ActiveDisclosure;
        }

        if (folded.Contains("勾稽关系", StringComparison.Ordinal) || folded == "申请人情况" ||
            (current != TableKeys.Applications && ChineseText.Similarity(folded, "一、本年新收政府信息公开申请数量") >= 0.8))
        {
            return TableKeys.Applications;
        }

        if (folded is "行政复议" or "行政复议行政诉讼" || folded.Contains("未经复议直接起诉", StringComparison.Ordinal))
        {
            return TableKeys.ReviewLitigation;
        }

        return null;
    }
}
