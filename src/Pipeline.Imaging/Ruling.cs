namespace Pipeline.Imaging;

/// <summary>
/// A ruled line of a table. For a horizontal ruling <see cref="Position"/> is the row of its
/// centre and <see cref="Start"/>..<see cref="End"/> the columns it covers; for a vertical one,
/// the column of its centre and the rows it covers. <see cref="End"/> is exclusive.
/// </summary>
/// <param name="Thickness">Rows (for a vertical: columns) the line's ink spans, at least 1; centred on <see cref="Position"/>, so a slight slant or text touching the line widens it.</param>
public sealed record Ruling(Orientation Orientation, int Position, int Start, int End, int Thickness)
{
    public int Length => End - Start;

    /// <summary>First row (or column) of the line's ink band.</summary>
    public int Near => Position - ((Thickness - 1) / 2);

    /// <summary>One past the last row (or column) of the line's ink band.</summary>
    public int Far => Near + Thickness;

    /// <summary>The pixels the line covers.</summary>
    public Rect Box => Orientation == Orientation.Horizontal
        ? new Rect(Start, Near, Length, Thickness)
        : new Rect(Near, Start, Thickness, Length);
}
