namespace Pipeline.Model.Layout;

/// <summary>
/// What every reader produces: the document's blocks in reading order. The mapper
/// works only on this, so a new reader needs no change elsewhere.
/// </summary>
public sealed record LayoutDocument(string SourceKind, IReadOnlyList<LayoutBlock> Blocks)
{
    public IEnumerable<LayoutParagraph> Paragraphs => Blocks.OfType<LayoutParagraph>();

    public IEnumerable<LayoutTable> Tables => Blocks.OfType<LayoutTable>();

    public bool IsEmpty => Blocks.Count == 0;

    /// <summary>Numbers read by one model alone that a second can read again; null when every number was read in full.</summary>
    public ISecondReading? SecondReading { get; init; }

    /// <summary>The document with each table cell passed through <paramref name="change"/>.</summary>
    public LayoutDocument WithCells(Func<LayoutCell, LayoutCell> change) => this with
    {
        Blocks = [.. Blocks.Select(b => b is LayoutTable table
            ? table with { Rows = [.. table.Rows.Select(r => new LayoutRow([.. r.Cells.Select(change)]))] }
            : b)],
    };
}

public abstract record LayoutBlock(LayoutOrigin Origin);

/// <summary>A line or paragraph of running text outside any table.</summary>
public sealed record LayoutParagraph(string Text, LayoutOrigin Origin) : LayoutBlock(Origin);

/// <summary>
/// A table as rows of cells, HTML-style: a cell covered by another cell's span is not
/// repeated. Text files give tables whose rows may hold a single cell each.
/// </summary>
public sealed record LayoutTable(IReadOnlyList<LayoutRow> Rows, LayoutOrigin Origin) : LayoutBlock(Origin)
{
    /// <summary>All cells in reading order: row by row, left to right.</summary>
    public IEnumerable<LayoutCell> Cells => Rows.SelectMany(r => r.Cells);
}

public sealed record LayoutRow(IReadOnlyList<LayoutCell> Cells);

public sealed record LayoutCell(string Text, LayoutOrigin Origin, int RowSpan = 1, int ColumnSpan = 1);
