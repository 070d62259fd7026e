using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// The marks an office writes in a number cell for nothing: "-", "/" and 无 (CELL-BLANK judges them). The
/// digits reading has none of them, and the Chinese reading takes a lone dash for 一, so a dash is told by its
/// shape: one piece of ink, a flat bar. A slash read as "/" is taken when its ink is one piece leaning as a slash
/// does. Two pieces are never a mark: the sign of a "-1" whose 1 the models dropped is not taken for a dash.
/// </summary>
public static class BlankMark
{
    /// <summary>How much darker than the paper a pixel must be to count as ink.</summary>
    private const int InkContrast = 64;

    /// <summary>Pieces of ink this small are specks of noise.</summary>
    private const int Speck = 4;

    /// <summary>A dash is at least this many times as wide as it is thick.</summary>
    private const double DashAspect = 2.5;

    /// <summary>A slash is at least this share as tall as it is wide (a dash is far less).</summary>
    private const double SlashAspect = 1.2;

    /// <summary>How sure a dash told by its shape is: one flat bar of ink is nothing else.</summary>
    private const double DashConfidence = 0.95;

    /// <summary>The cell's blank mark, or null: <paramref name="label"/> is the cell read as Chinese.</summary>
    public static OcrText? Read(GrayImage cell, OcrText label)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(label);
        if (label.Text == "无")
        {
            return label;
        }

        if (InkBounds.Find(cell) is not { } ink || Pieces(cell, ink.Inflate(2).Intersect(cell.Bounds)) is not [var piece])
        {
            return null;
        }

        if (piece.Width >= DashAspect * piece.Height)
        {
            return new OcrText("-", DashConfidence);
        }

        return label.Text == "/" && piece.Height >= SlashAspect * piece.Width && Leans(cell, piece) ? label : null;
    }

    /// <summary>
    /// Whether the ink in <paramref name="piece"/> leans as a slash does, its top quarter right of its bottom
    /// quarter by a fifth of its height: an upright "1" or "0" that a model read as "/" does not.
    /// </summary>
    private static bool Leans(GrayImage cell, Rect piece)
    {
        var threshold = PaperLevel.Of(cell) - InkContrast;
        var quarter = Math.Max(1, piece.Height / 4);
        return MeanX(piece.Y, piece.Y + quarter) - MeanX(piece.Bottom - quarter, piece.Bottom) >= piece.Height / 5.0;

        double MeanX(int top, int bottom)
        {
            double sum = 0;
            var count = 0;
            for (var y = top; y < bottom; y++)
            {
                for (var x = piece.X; x < piece.Right; x++)
                {
                    if (cell[x, y] < threshold)
                    {
                        sum += x;
                        count++;
                    }
                }
            }

            return count == 0 ? 0 : sum / count;
        }
    }

    /// <summary>
    /// Whether a flat bar of ink stands before the digits <paramref name="ink"/> bounds, at their middle height,
    /// as a minus sign does. The cell's edges are left out, where slivers of its rulings lie.
    /// </summary>
    internal static bool BarBefore(GrayImage cell, Rect ink)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (InkBounds.Inside(cell) is not { } inside)
        {
            return false;
        }

        var pieces = Pieces(cell, inside);
        var digits = pieces.Where(p => p.Height >= ink.Height / 2).ToList();
        if (digits.Count == 0)
        {
            return false;
        }

        var first = digits.Min(p => p.X);
        return pieces.Any(p => p.Right <= first && p.Width >= DashAspect * p.Height && p.Height <= ink.Height / 4
            && p.Y + (p.Height / 2.0) > ink.Y + (ink.Height / 4.0) && p.Y + (p.Height / 2.0) < ink.Bottom - (ink.Height / 4.0));
    }

    /// <summary>The boxes of the 8-connected pieces of ink in <paramref name="area"/>, specks left out.</summary>
    internal static List<Rect> Pieces(GrayImage image, Rect area)
    {
        var threshold = PaperLevel.Of(image) - InkContrast;
        var seen = new bool[area.Width * area.Height];
        var pieces = new List<Rect>();
        var stack = new Stack<(int X, int Y)>();
        for (var y0 = 0; y0 < area.Height; y0++)
        {
            for (var x0 = 0; x0 < area.Width; x0++)
            {
                if (seen[(y0 * area.Width) + x0] || image[area.X + x0, area.Y + y0] >= threshold)
                {
                    continue;
                }

                int left = x0, right = x0, top = y0, bottom = y0, count = 0;
                seen[(y0 * area.Width) + x0] = true;
                stack.Push((x0, y0));
                while (stack.TryPop(out var p))
                {
                    count++;
                    (left, right, top, bottom) = (Math.Min(left, p.X), Math.Max(right, p.X), Math.Min(top, p.Y), Math.Max(bottom, p.Y));
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            int x = p.X + dx, y = p.Y + dy;
                            if ((uint)x < (uint)area.Width && (uint)y < (uint)area.Height && !seen[(y * area.Width) + x]
                                && image[area.X + x, area.Y + y] < threshold)
                            {
                                seen[(y * area.Width) + x] = true;
                                stack.Push((x, y));
                            }
                        }
                    }
                }

                if (count >= Speck)
                {
                    pieces.Add(Rect.FromEdges(area.X + left, area.Y + top, area.X + right + 1, area.Y + bottom + 1));
                }
            }
        }

        return pieces;
    }
}
