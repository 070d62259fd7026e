using Pipeline.Model.Layout;
using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// A table cell in reading order, with the row it sat in: every table, whatever its reader,
/// is read as such a stream, so the mapper never depends on fixed positions.
/// </summary>
public sealed record StreamCell(string Text, LayoutOrigin Origin, int RowId, int IndexInRow)
{
    public string Folded { get; } = ChineseText.Fold(Text);

    public bool IsEmpty => Folded.Length == 0;

    /// <summary>Text that names something (a label), as opposed to a value, a blank mark or nothing.</summary>
    public bool IsLabel => !IsEmpty && !CellParser.LooksLikeValue(Folded) && ChineseText.HasHan(Folded);
}
