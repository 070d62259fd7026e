using Pipeline.Model.Layout;
using Pipeline.Model.Text;

namespace Pipeline.Model.Reports;

/// <summary>
/// One table cell as read: the raw text is kept exactly; <see cref="Number"/> is null when the
/// text is blank or not a number of the cell's kind. Nothing here is ever corrected.
/// </summary>
public sealed record CellValue(string Address, string RawText, decimal? Number, LayoutOrigin Origin, string? Unit = null)
{
    /// <summary>Folded forms (full-width "／" and "－" fold to "/" and "-").</summary>
    private static readonly string[] BlankMarks = ["", "/", "-", "—", "--", "——", "无", "\\"];

    /// <summary>Blank, "/", "-" or "无": not an honest zero.</summary>
    public bool IsBlank => IsBlankMark(RawText);

    public static bool IsBlankMark(string text) => BlankMarks.Contains(ChineseText.Fold(text));

    public double Confidence => Origin.Confidence;
}
