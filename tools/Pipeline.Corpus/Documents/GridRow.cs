namespace Pipeline.Corpus.Documents;

/// <summary>A table row: its cells left to right, and the spec row key when it prints one row of data.</summary>
public sealed record GridRow(string? RowKey, IReadOnlyList<GridCell> Cells);
