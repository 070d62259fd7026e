namespace Pipeline.Imaging;

/// <summary>
/// One cell of a <see cref="TableGrid"/>, as in HTML: it starts at grid row <see cref="Row"/> and
/// column <see cref="Column"/> and covers <see cref="RowSpan"/> × <see cref="ColumnSpan"/> grid
/// places. <see cref="Box"/> is its inside in page pixels, rulings excluded, ready to crop for OCR.
/// </summary>
public sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, Rect Box)
{
    public int LastRow => Row + RowSpan - 1;

    public int LastColumn => Column + ColumnSpan - 1;

    public bool Covers(int row, int column) => row >= Row && row <= LastRow && column >= Column && column <= LastColumn;
}
