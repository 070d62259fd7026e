using Pipeline.Model.Layout;

namespace Pipeline.Reading;

/// <summary>
/// Assembles a table from structured sources (HTML, Word) whose cells carry spans. Rows left
/// without cells (every cell covered by a span from above) are dropped and the spans over them
/// shortened, so <see cref="LayoutCell.RowSpan"/> always counts rows that exist. Cells are
/// located for a clerk as "表格2 第5行 第3列", the column being the grid column the cell starts in.
/// </summary>
internal sealed class LayoutTableBuilder(int number)
{
    /// <summary>Browsers cap colspan at 1000; a larger value is a typo, not a layout.</summary>
    private const int MaxColumnSpan = 1000;

    private readonly List<List<PendingCell>> _rows = [];

    public int Number => number;

    public void StartRow() => _rows.Add([]);

    /// <summary>
    /// Adds a cell to the current row. <paramref name="column"/> is the grid column when the
    /// source states it (Word); otherwise it is found HTML-style, skipping columns covered by
    /// row spans from above. A row span of <see cref="int.MaxValue"/> means "to the table's end".
    /// </summary>
    public PendingCell AddCell(string text, int columnSpan = 1, int rowSpan = 1, int? column = null)
    {
        if (_rows.Count == 0)
        {
            StartRow();
        }

        var cell = new PendingCell(text, _rows.Count - 1, column)
        {
            ColumnSpan = Math.Clamp(columnSpan, 1, MaxColumnSpan),
            RowSpan = Math.Max(rowSpan, 1),
        };
        _rows[^1].Add(cell);
        return cell;
    }

    /// <summary>The table, or null when it has no cells at all.</summary>
    public LayoutTable? Build()
    {
        var kept = _rows.Select((cells, index) => (cells, index)).Where(r => r.cells.Count > 0).Select(r => r.index).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        EnsureBoundedArea();
        var columns = GridColumns();
        var rows = new List<LayoutRow>(kept.Count);
        for (var k = 0; k < kept.Count; k++)
        {
            var cells = new List<LayoutCell>();
            foreach (var cell in _rows[kept[k]])
            {
                var end = cell.Row + (long)cell.RowSpan;
                var rowSpan = kept.Skip(k).TakeWhile(r => r < end).Count();
                var origin = new LayoutOrigin(Location: $"表格{number} 第{k + 1}行 第{columns[cell] + 1}列", Column: columns[cell]);
                cells.Add(new LayoutCell(cell.Text, origin, rowSpan, cell.ColumnSpan));
            }

            rows.Add(new LayoutRow(cells));
        }

        return new LayoutTable(rows, new LayoutOrigin(Location: $"表格{number}"));
    }

    /// <summary>
    /// The grid slots the cells cover, row spans cut at the table's end, are counted before any is laid out:
    /// 1,000 rows of rowspan=0 colspan=1000 would otherwise cover a billion slots.
    /// </summary>
    private void EnsureBoundedArea()
    {
        long area = 0;
        for (var r = 0; r < _rows.Count; r++)
        {
            foreach (var cell in _rows[r])
            {
                area += Math.Min(cell.RowSpan, _rows.Count - r) * (long)cell.ColumnSpan;
                if (area > StructureLimits.MaxTableArea)
                {
                    throw new UnreadableException(
                        $"表格{number}的合并单元格（行合并 × 列合并）共覆盖超过 {StructureLimits.MaxTableArea:N0} 个格子，年度报告的表格不到 1,000 格，可能是损坏或恶意构造的文件，已拒绝处理。");
                }
            }
        }
    }

    /// <summary>The HTML table model: each cell takes the first grid slot its row has free.</summary>
    private Dictionary<PendingCell, int> GridColumns()
    {
        var columns = new Dictionary<PendingCell, int>(ReferenceEqualityComparer.Instance);
        var covered = new HashSet<(int Row, int Column)>();
        for (var r = 0; r < _rows.Count; r++)
        {
            var next = 0;
            foreach (var cell in _rows[r])
            {
                var column = cell.Column ?? next;
                if (cell.Column is null)
                {
                    while (covered.Contains((r, column)))
                    {
                        column++;
                    }
                }

                columns[cell] = column;
                var lastRow = (int)Math.Min(_rows.Count - 1, r + (long)cell.RowSpan - 1);
                for (var rr = r + 1; rr <= lastRow; rr++)
                {
                    for (var c = column; c < column + cell.ColumnSpan; c++)
                    {
                        covered.Add((rr, c));
                    }
                }

                next = column + cell.ColumnSpan;
            }
        }

        return columns;
    }

    /// <summary>A cell whose spans may still grow while later rows are read (Word's vMerge).</summary>
    internal sealed class PendingCell(string text, int row, int? column)
    {
        public string Text => text;

        public int Row => row;

        public int? Column => column;

        public int RowSpan { get; set; } = 1;

        public int ColumnSpan { get; set; } = 1;
    }
}
