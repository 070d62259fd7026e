using Pipeline.Model.Layout;
using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// A table cell in reading order, with the row it sat in: every table, whatever its reader,
/// is read as such a stream, so the mapper never depends on fixed positions. Where the reader
/// says where the cell stands across the table (a page's box, a grid's column), <see cref="Extent"/>
/// gives it in <see cref="Frame"/>, so values can be placed under their header's columns.
/// </summary>
public sealed record StreamCell(string Text, LayoutOrigin Origin, int RowId, int IndexInRow)
{
    public string Folded { get; } = ChineseText.Fold(Text);

    public bool IsEmpty => Folded.Length == 0;

    /// <summary>Text that names something (a label), as opposed to a value, a blank mark or nothing.</summary>
    public bool IsLabel => !IsEmpty && !CellParser.LooksLikeValue(Folded) && ChineseText.HasHan(Folded);

    /// <summary>Ink that is neither a digit, a Chinese character nor a blank mark: a speck read as "." or "'".</summary>
    public bool IsNoise => !IsEmpty && !Folded.Any(char.IsAsciiDigit) && !ChineseText.HasHan(Folded) && !Model.Reports.CellValue.IsBlankMark(Folded);

    /// <summary>What <see cref="Extent"/> is measured in: one page's points, or one table's grid columns; null when unknown.</summary>
    public string? Frame { get; init; } = Origin.Box is null ? null : $"页{Origin.Page}";

    /// <summary>Where the cell starts and ends across its frame.</summary>
    public (double Start, double End)? Extent { get; init; } = Origin.Box is { } box ? (box.X, box.X + box.Width) : null;
}
