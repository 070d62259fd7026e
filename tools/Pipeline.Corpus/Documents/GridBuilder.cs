namespace Pipeline.Corpus.Documents;

/// <summary>
/// Turns rows of slots into a grid with row spans: a merge-down slot that repeats the slot
/// above it (same column, text and width) becomes a continuation, and the cell it continues
/// grows by one row.
/// </summary>
public sealed class GridBuilder(string key, int columnCount)
{
    private readonly List<(string? RowKey, List<Draft> Cells)> _rows = [];

    public GridBuilder Row(string? rowKey, params GridSlot[] slots)
    {
        var above = _rows.Count > 0 ? _rows[^1].Cells : [];
        var cells = new List<Draft>();
        var column = 0;
        foreach (var slot in slots)
        {
            var over = above.FirstOrDefault(d => d.Column == column);
            if (slot.MergeDown && over is { Slot.MergeDown: true } && over.Slot.Text == slot.Text && over.Slot.ColSpan == slot.ColSpan)
            {
                var origin = over.Origin ?? over;
                origin.RowSpan++;
                cells.Add(new Draft(slot, column) { Origin = origin });
            }
            else
            {
                cells.Add(new Draft(slot, column));
            }

            column += slot.ColSpan;
        }

        if (column != columnCount)
        {
            throw new InvalidOperationException($"A row of {key} covers {column} columns instead of {columnCount}.");
        }

        _rows.Add((rowKey, cells));
        return this;
    }

    public GridTable Build() => new(
        key,
        columnCount,
        _rows.Select(r => new GridRow(r.RowKey, r.Cells.Select(Freeze).ToList())).ToList());

    private static GridCell Freeze(Draft draft) => draft.Origin is null
        ? new GridCell(draft.Slot.Text, draft.Column, draft.Slot.ColSpan, draft.RowSpan, Address: draft.Slot.Address)
        : new GridCell(string.Empty, draft.Column, draft.Slot.ColSpan, Continuation: true);

    private sealed class Draft(GridSlot slot, int column)
    {
        public GridSlot Slot { get; } = slot;

        public int Column { get; } = column;

        public int RowSpan { get; set; } = 1;

        public Draft? Origin { get; init; }
    }
}
