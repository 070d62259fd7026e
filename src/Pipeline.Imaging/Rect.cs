namespace Pipeline.Imaging;

/// <summary>An axis-aligned pixel rectangle: <see cref="X"/>, <see cref="Y"/> are the top-left pixel, <see cref="Right"/> and <see cref="Bottom"/> are exclusive.</summary>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    public long Area => IsEmpty ? 0 : (long)Width * Height;

    public static Rect FromEdges(int left, int top, int right, int bottom) => new(left, top, right - left, bottom - top);

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>True when <paramref name="other"/> lies wholly inside this rectangle.</summary>
    public bool Contains(Rect other) => other.X >= X && other.Y >= Y && other.Right <= Right && other.Bottom <= Bottom;

    /// <summary>The common part, or an empty rectangle (zero width or height) when there is none.</summary>
    public Rect Intersect(Rect other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        return right <= left || bottom <= top ? new Rect(left, top, 0, 0) : FromEdges(left, top, right, bottom);
    }

    /// <summary>Grown by <paramref name="margin"/> on every side (shrunk when negative, never below zero size).</summary>
    public Rect Inflate(int margin)
    {
        var width = Math.Max(0, Width + (2 * margin));
        var height = Math.Max(0, Height + (2 * margin));
        return new Rect(X - margin, Y - margin, width, height);
    }

    public override string ToString() => $"({X},{Y} {Width}x{Height})";
}
