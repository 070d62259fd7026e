namespace Pipeline.Model.Layout;

/// <summary>
/// Where a piece of layout came from. Text sources fill <see cref="Line"/>; structured
/// sources fill <see cref="Location"/> (e.g. "table 2, row 5, column 3"); page sources fill
/// <see cref="Page"/> and <see cref="Box"/>. Confidence is 1 for text that was not recognised.
/// A structured source's table cell also states <see cref="Column"/>, the grid column it starts in, so the
/// mapper can place it under its header as a page source's cell is placed by its box.
/// </summary>
public sealed record LayoutOrigin(
    int? Line = null,
    int? Page = null,
    Box? Box = null,
    string? Location = null,
    double Confidence = 1.0,
    int? Column = null)
{
    public static LayoutOrigin AtLine(int line) => new(Line: line);
}

/// <summary>A rectangle on a page, in points from the top-left corner.</summary>
public sealed record Box(double X, double Y, double Width, double Height);
