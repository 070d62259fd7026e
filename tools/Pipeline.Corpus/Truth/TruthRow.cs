namespace Pipeline.Corpus.Truth;

/// <summary>One row of a truth table: its key and its cells in printed column order.</summary>
public sealed record TruthRow(string Key, IReadOnlyList<TruthCell> Cells)
{
    public TruthValue? Get(string column)
    {
        foreach (var cell in Cells)
        {
            if (cell.Column == column)
            {
                return cell.Value;
            }
        }

        return null;
    }
}

public sealed record TruthCell(string Column, TruthValue Value);
