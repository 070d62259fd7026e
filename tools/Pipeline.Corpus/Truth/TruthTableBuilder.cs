namespace Pipeline.Corpus.Truth;

/// <summary>Collects cells row by row, keeping the order they are set in.</summary>
public sealed class TruthTableBuilder
{
    private readonly List<(string Row, List<TruthCell> Cells)> _rows = [];

    public TruthTableBuilder Set(string row, string column, decimal value)
    {
        var index = _rows.FindIndex(r => r.Row == row);
        if (index < 0)
        {
            _rows.Add((row, []));
            index = _rows.Count - 1;
        }

        _rows[index].Cells.Add(new TruthCell(column, TruthValue.Of(value)));
        return this;
    }

    public TruthTable Build() => new(_rows.Select(r => new TruthRow(r.Row, r.Cells.ToList())).ToList());
}
