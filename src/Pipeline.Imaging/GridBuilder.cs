namespace Pipeline.Imaging;

/// <summary>
/// Turns rulings into tables. Pieces of one broken line are joined; lines that do not meet at
/// least two rulings of the other direction are dropped (text strokes, underlines), repeatedly,
/// since one drop can strand another. The rest fall into tables by which rulings meet; each
/// table's boundaries are its rulings' positions, and two neighbouring grid places whose shared
/// boundary is not ruled form one merged cell. Places outside a ragged outline are no cells.
/// </summary>
/// <param name="Tolerance">
/// How far, in pixels, a line may stop short of the line it meets, and how close two rulings must
/// be to count as one boundary.
/// </param>
/// <param name="MinTableWidth">Narrower ruled structures are not tables (the frames of characters such as 申 or 田).</param>
/// <param name="MinRowHeight">A table's tallest row is at least this high; a character's frame cut by its bars is not a table.</param>
/// <param name="CellMargin">Pixels left off each side of a cell's box beyond the ruling's ink, against antialiased edges and slight skew.</param>
public sealed record GridBuilder(int Tolerance, int MinTableWidth = 0, int MinRowHeight = 0, int CellMargin = 1)
{
    /// <summary>A segment of a boundary is ruled when rulings cover at least this share of it.</summary>
    private const double RuledShare = 0.5;

    /// <summary>
    /// Settings scaled to the page's shorter side (2480 pixels for A4 at 300 dpi): tolerance
    /// 1/250 of it (at least 3), tables at least 1/12 of it wide with a row at least 1/60 of it
    /// high (41 pixels, 3.5 mm).
    /// </summary>
    public static GridBuilder ForPage(int width, int height)
    {
        var side = Math.Min(width, height);
        return new GridBuilder(Math.Max(3, side / 250), side / 12, side / 60);
    }

    /// <summary>Pixel share of a boundary segment's band that must hold ink for the segment to count as ruled on the page itself.</summary>
    private const double InkedShare = 0.8;

    /// <summary>
    /// The tables on the page, top to bottom. With the page's <paramref name="ink"/>, a boundary
    /// segment also counts as ruled when the page shows it, even where the line is too broken
    /// for its pieces to pass as rulings (a narrow cell of a worn scan).
    /// </summary>
    public IReadOnlyList<TableGrid> Build(PageRulings rulings, BinaryImage? ink = null)
    {
        ArgumentNullException.ThrowIfNull(rulings);
        var joinedHorizontal = Joined(rulings.Horizontal);
        var (horizontal, vertical) = Connected(joinedHorizontal, Attached(Joined(rulings.Vertical), joinedHorizontal, ink));

        var tables = new List<TableGrid>();
        foreach (var (h, v) in Components(horizontal, vertical))
        {
            if (h.Count >= 2 && v.Count >= 2 && Table(Closed(h, v), Sided(h, v), ink) is { } table &&
                table.Bounds.Width >= MinTableWidth && TallestRow(table) >= MinRowHeight)
            {
                tables.Add(table);
            }
        }

        // Ruled shapes inside a table's cells are characters or drawings, not tables of their own.
        tables.RemoveAll(inner => tables.Any(outer => !ReferenceEquals(outer, inner) && outer.Bounds.Inflate(Tolerance).Contains(inner.Bounds)));

        tables.Sort((a, b) => a.Bounds.Y != b.Bounds.Y ? a.Bounds.Y.CompareTo(b.Bounds.Y) : a.Bounds.X.CompareTo(b.Bounds.X));
        return tables;
    }

    /// <summary>
    /// A table cut by a page break is often open there: its columns' rulings run on past the last horizontal
    /// one, a row high, with no line to end them (Word and Chromium leave the border to the other page). When
    /// most of the columns' rulings do so, a line is supposed where they stop, so that the row is not lost.
    /// </summary>
    private List<Ruling> Closed(List<Ruling> horizontal, List<Ruling> vertical)
    {
        var closed = new List<Ruling>(horizontal);
        var top = horizontal.Min(r => r.Position);
        var bottom = horizontal.Max(r => r.Position);
        var left = vertical.Min(r => r.Near);
        var right = vertical.Max(r => r.Far);
        var reach = Math.Max(MinRowHeight, 4 * Tolerance);
        var above = vertical.Where(r => r.Start < top - reach).Select(r => r.Start).Order().ToList();
        if (above.Count >= 2 && 2 * above.Count >= vertical.Count)
        {
            closed.Add(new Ruling(Orientation.Horizontal, above[above.Count / 2], left, right, 1));
        }

        var below = vertical.Where(r => r.End > bottom + reach).Select(r => r.End - 1).Order().ToList();
        if (below.Count >= 2 && 2 * below.Count >= vertical.Count)
        {
            closed.Add(new Ruling(Orientation.Horizontal, below[below.Count / 2], left, right, 1));
        }

        return closed;
    }

    /// <summary>
    /// A table's outer side can be too faint to find whole (a thin light border on a worn scan) or not printed at
    /// all, while its rows' lines run on to it. Where most of the horizontal rulings stop at one place and no
    /// vertical there spans the table, a side is supposed there, so that the outer column is not lost.
    /// </summary>
    private List<Ruling> Sided(List<Ruling> horizontal, List<Ruling> vertical)
    {
        var sided = new List<Ruling>(vertical);
        var top = horizontal.Min(r => r.Near);
        var bottom = horizontal.Max(r => r.Far);
        var near = 2 * Tolerance;
        foreach (var (ends, outer) in (IEnumerable<(IEnumerable<int>, Func<int, bool>)>)[
            (horizontal.Select(r => r.Start), side => side <= vertical.Min(v => v.Position) + near),
            (horizontal.Select(r => r.End - 1), side => side >= vertical.Max(v => v.Position) - near)])
        {
            // Only a side outside every column: an inner line where most rows happen to start is no side.
            var sorted = ends.Order().ToList();
            var side = sorted[sorted.Count / 2];
            var ruled = vertical.Where(v => Math.Abs(v.Position - side) <= near).Sum(v => v.Length);
            if (outer(side) && sorted.Count(e => Math.Abs(e - side) <= near) * 2 >= sorted.Count && ruled < 0.9 * (bottom - top))
            {
                sided.Add(new Ruling(Orientation.Vertical, side, top, bottom, 1));
            }
        }

        return sided;
    }

    /// <summary>
    /// Drops short verticals that are character strokes: those crossed by the character's bars (<see cref="Stroked"/>),
    /// and those that stop short of a line. The stroke of 十 or 性 in a tightly set row can be as
    /// long as the row is high, and the detector's bridging of small breaks can join it to one of the row's
    /// lines; but on the page its ink stops short of a line by a clear gap, while a ruling runs unbroken from the
    /// line above to the line below.
    /// </summary>
    private List<Ruling> Attached(List<Ruling> vertical, List<Ruling> horizontal, BinaryImage? ink)
    {
        if (ink is null)
        {
            return vertical;
        }

        return vertical.Where(v =>
        {
            if (v.Length >= 4 * MinRowHeight)
            {
                return true;
            }

            var crossing = horizontal.Where(h => v.Position >= h.Start - Tolerance && v.Position < h.End + Tolerance).ToList();
            if (Stroked(ink, v, crossing))
            {
                return false;
            }

            if (v.Length >= 2 * MinRowHeight)
            {
                return true;
            }

            var above = crossing.Where(h => h.Position <= v.Start + Tolerance).MaxBy(h => h.Position);
            var below = crossing.Where(h => h.Position >= v.End - Tolerance).MinBy(h => h.Position);
            return above is null || below is null || Unbroken(ink, v, above.Far, below.Near);
        }).ToList();
    }

    /// <summary>
    /// Whether strokes cross the line, as the bars of 开 and the box of 申 cross their vertical strokes; a
    /// ruling has clear paper beside it but where other rulings meet it, since cells keep their text off their
    /// borders. In a tightly set table the same characters stand in the same place in two rows ("…公开申请数量"
    /// twice), and their strokes line up into a vertical two rows long, touching the rulings at both ends.
    /// The rows of the rulings that meet the line (<paramref name="crossing"/>) are not looked at: on a worn scan
    /// a ruling's edge rows break up beside the line and would pass for short bars.
    /// </summary>
    private bool Stroked(BinaryImage ink, Ruling vertical, List<Ruling> crossing)
    {
        // A bar through the line, short on both sides; a ruling meeting it runs on beyond a row's height.
        var longest = Math.Max(4, 2 * vertical.Thickness);
        int strokes = 0, run = 0;
        for (var y = Math.Max(0, vertical.Start); y <= Math.Min(ink.Height, vertical.End); y++)
        {
            var across = y < Math.Min(ink.Height, vertical.End) && !crossing.Any(h => y >= h.Near - 1 && y <= h.Far) && Bar(ink, y, vertical);
            if (across)
            {
                run++;
                continue;
            }

            if (run > 0 && run <= longest)
            {
                strokes++;
            }

            run = 0;
        }

        return strokes >= 2;
    }

    /// <summary>
    /// Whether the ink through the line at row <paramref name="y"/> is a bar across it: it reaches past the
    /// line by more than blur widens a line on both sides, and stops within a row's height on both.
    /// </summary>
    private bool Bar(BinaryImage ink, int y, Ruling vertical)
    {
        const int beyond = 3;
        if (!ink[Math.Clamp(vertical.Position, 0, ink.Width - 1), y])
        {
            return false;
        }

        var left = vertical.Position;
        while (left > 0 && ink[left - 1, y] && vertical.Position - left < MinRowHeight)
        {
            left--;
        }

        var right = vertical.Position;
        while (right < ink.Width - 1 && ink[right + 1, y] && right - vertical.Position < MinRowHeight)
        {
            right++;
        }

        return left < vertical.Near - beyond && right >= vertical.Far + beyond
            && vertical.Position - left < MinRowHeight && right - vertical.Position < MinRowHeight;
    }

    /// <summary>Whether the ruling's columns hold ink on every row from <paramref name="top"/> to <paramref name="bottom"/> but for specks of wear.</summary>
    private bool Unbroken(BinaryImage ink, Ruling vertical, int top, int bottom)
    {
        var gap = 0;
        var allowed = Math.Max(2, Tolerance / 4);
        var left = Math.Max(0, vertical.Near - 1);
        var right = Math.Min(ink.Width, vertical.Far + 1);
        for (var y = Math.Max(0, top); y < Math.Min(ink.Height, bottom); y++)
        {
            var inked = false;
            for (var x = left; x < right && !inked; x++)
            {
                inked = ink[x, y];
            }

            gap = inked ? 0 : gap + 1;
            if (gap > allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static int TallestRow(TableGrid table) =>
        table.RowBoundaries.Zip(table.RowBoundaries.Skip(1), (top, bottom) => bottom - top).Max();

    private bool Meet(Ruling horizontal, Ruling vertical) =>
        vertical.Position >= horizontal.Start - Tolerance && vertical.Position < horizontal.End + Tolerance &&
        horizontal.Position >= vertical.Start - Tolerance && horizontal.Position < vertical.End + Tolerance;

    /// <summary>
    /// Pieces of one line, broken by more than the detector bridges (a worn scan, a seal's edge),
    /// joined again: collinear within the tolerance and apart by at most four times it (3–4 mm).
    /// A merged cell's missing segment is a whole cell long, far more.
    /// </summary>
    private List<Ruling> Joined(IEnumerable<Ruling> rulings)
    {
        var joined = new List<Ruling>();
        foreach (var ruling in rulings.OrderBy(r => r.Start))
        {
            var i = joined.FindIndex(j => Math.Abs(j.Position - ruling.Position) <= Tolerance && ruling.Start <= j.End + (4 * Tolerance));
            if (i < 0)
            {
                joined.Add(ruling);
                continue;
            }

            var other = joined[i];
            double a = other.Length, b = ruling.Length;
            var position = (int)Math.Ceiling((((other.Position * a) + (ruling.Position * b)) / (a + b)) - 0.5);
            var spread = Math.Max(position - Math.Min(other.Near, ruling.Near), Math.Max(other.Far, ruling.Far) - 1 - position);
            joined[i] = other with
            {
                Position = position,
                Start = Math.Min(other.Start, ruling.Start),
                End = Math.Max(other.End, ruling.End),
                Thickness = (2 * spread) + 1,
            };
        }

        return joined;
    }

    /// <summary>
    /// Keeps only rulings whose line meets two or more rulings of the other direction. A line is
    /// all the collinear pieces at one position, however far apart: the pieces of a badly broken
    /// ruling vouch for one another, while a text stroke touching a ruling meets only that one.
    /// </summary>
    private (List<Ruling> Horizontal, List<Ruling> Vertical) Connected(List<Ruling> horizontal, List<Ruling> vertical)
    {
        while (true)
        {
            var keptHorizontal = Supported(horizontal, vertical, (h, v) => Meet(h, v));
            var keptVertical = Supported(vertical, keptHorizontal, (v, h) => Meet(h, v));
            if (keptHorizontal.Count == horizontal.Count && keptVertical.Count == vertical.Count)
            {
                return (horizontal, vertical);
            }

            (horizontal, vertical) = (keptHorizontal, keptVertical);
        }
    }

    private List<Ruling> Supported(List<Ruling> rulings, List<Ruling> across, Func<Ruling, Ruling, bool> meet)
    {
        var lines = new DisjointSets(rulings.Count);
        var order = Enumerable.Range(0, rulings.Count).OrderBy(i => rulings[i].Position).ToList();
        for (var k = 1; k < order.Count; k++)
        {
            if (rulings[order[k]].Position - rulings[order[k - 1]].Position <= Tolerance)
            {
                lines.Union(order[k], order[k - 1]);
            }
        }

        var met = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < rulings.Count; i++)
        {
            var line = lines.Find(i);
            if (!met.TryGetValue(line, out var crossings))
            {
                met[line] = crossings = [];
            }

            for (var j = 0; j < across.Count; j++)
            {
                if (meet(rulings[i], across[j]))
                {
                    crossings.Add(j);
                }
            }
        }

        return [.. rulings.Where((_, i) => met[lines.Find(i)].Count >= 2)];
    }

    /// <summary>Groups of rulings that meet one another, directly or through others.</summary>
    private List<(List<Ruling> Horizontal, List<Ruling> Vertical)> Components(List<Ruling> horizontal, List<Ruling> vertical)
    {
        var sets = new DisjointSets(horizontal.Count + vertical.Count);
        for (var i = 0; i < horizontal.Count; i++)
        {
            for (var j = 0; j < vertical.Count; j++)
            {
                if (Meet(horizontal[i], vertical[j]))
                {
                    sets.Union(i, horizontal.Count + j);
                }
            }
        }

        var groups = new Dictionary<int, (List<Ruling> Horizontal, List<Ruling> Vertical)>();
        for (var i = 0; i < horizontal.Count + vertical.Count; i++)
        {
            var root = sets.Find(i);
            if (!groups.TryGetValue(root, out var group))
            {
                group = ([], []);
                groups[root] = group;
            }

            if (i < horizontal.Count)
            {
                group.Horizontal.Add(horizontal[i]);
            }
            else
            {
                group.Vertical.Add(vertical[i - horizontal.Count]);
            }
        }

        return [.. groups.Values];
    }

    private TableGrid? Table(List<Ruling> horizontal, List<Ruling> vertical, BinaryImage? ink)
    {
        var rows = Boundaries(horizontal);
        var columns = Boundaries(vertical);
        int rowCount = rows.Count - 1, columnCount = columns.Count - 1;
        if (rowCount < 1 || columnCount < 1)
        {
            return null;
        }

        // Grid places are joined through every boundary segment that is not ruled; the extra set
        // stands for the outside, so places beyond a ragged edge of the table drop out.
        var outside = rowCount * columnCount;
        var reach = 2 * Tolerance;
        var sets = new DisjointSets(outside + 1);
        int Place(int row, int column) => (row * columnCount) + column;
        bool RuledAcross(int row, int column) =>
            rows[row].Ruled(columns[column].Position, columns[column + 1].Position, reach) ||
            (ink is not null && Inked(ink, Orientation.Horizontal, rows[row], columns[column], columns[column + 1]));
        bool RuledDown(int column, int row) =>
            columns[column].Ruled(rows[row].Position, rows[row + 1].Position, reach) ||
            (ink is not null && Inked(ink, Orientation.Vertical, columns[column], rows[row], rows[row + 1]));

        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                if (!RuledAcross(r + 1, c))
                {
                    sets.Union(Place(r, c), r + 1 < rowCount ? Place(r + 1, c) : outside);
                }

                if (!RuledDown(c + 1, r))
                {
                    sets.Union(Place(r, c), c + 1 < columnCount ? Place(r, c + 1) : outside);
                }

                if ((r == 0 && !RuledAcross(0, c)) || (c == 0 && !RuledDown(0, r)))
                {
                    sets.Union(Place(r, c), outside);
                }
            }
        }

        MakeRectangular(sets, rowCount, columnCount, outside);

        var cells = new List<GridCell>();
        var seen = new HashSet<int>();
        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                var root = sets.Find(Place(r, c));
                if (root == sets.Find(outside) || !seen.Add(root))
                {
                    continue;
                }

                // Scanning in reading order meets each merged cell first at its top-left place.
                var (lastRow, lastColumn) = (r, c);
                while (lastColumn + 1 < columnCount && sets.Find(Place(r, lastColumn + 1)) == root)
                {
                    lastColumn++;
                }

                while (lastRow + 1 < rowCount && sets.Find(Place(lastRow + 1, c)) == root)
                {
                    lastRow++;
                }

                cells.Add(new GridCell(r, c, lastRow - r + 1, lastColumn - c + 1, Inside(columns[c], columns[lastColumn + 1], rows[r], rows[lastRow + 1])));
            }
        }

        return cells.Count == 0 ? null : new TableGrid(columns.ConvertAll(b => b.Position), rows.ConvertAll(b => b.Position), cells);
    }

    /// <summary>
    /// Whether the page shows a line along <paramref name="boundary"/> between two crossing
    /// boundaries: ink in its band (a pixel wider each side) at most places along it, with no
    /// gap longer than twice the tolerance. Text in a merged cell, crossing where a boundary
    /// would be, leaves wider gaps between and inside its characters.
    /// </summary>
    private bool Inked(BinaryImage ink, Orientation orientation, Boundary boundary, Boundary from, Boundary to)
    {
        int start = from.Far, end = to.Near;
        int near = Math.Max(0, boundary.Near - 1), far = Math.Min(orientation == Orientation.Horizontal ? ink.Height : ink.Width, boundary.Far + 1);
        end = Math.Min(end, orientation == Orientation.Horizontal ? ink.Width : ink.Height);
        start = Math.Max(0, start);
        if (end - start < 2 || far <= near)
        {
            return false;
        }

        int inked = 0, gap = 0, widest = 0;
        for (var along = start; along < end; along++)
        {
            var any = false;
            for (var across = near; across < far && !any; across++)
            {
                any = orientation == Orientation.Horizontal ? ink.Ink[(across * ink.Width) + along] : ink.Ink[(along * ink.Width) + across];
            }

            if (any)
            {
                inked++;
                gap = 0;
            }
            else
            {
                widest = Math.Max(widest, ++gap);
            }
        }

        return inked >= InkedShare * (end - start) && widest <= 2 * Tolerance;
    }

    /// <summary>
    /// HTML cells are rectangles; a merge shaped like an L (a ruling lost to noise) takes in the
    /// rest of its bounding box.
    /// </summary>
    private static void MakeRectangular(DisjointSets sets, int rowCount, int columnCount, int outside)
    {
        bool changed;
        do
        {
            changed = false;
            var boxes = new Dictionary<int, (int Top, int Left, int Bottom, int Right)>();
            for (var r = 0; r < rowCount; r++)
            {
                for (var c = 0; c < columnCount; c++)
                {
                    var root = sets.Find((r * columnCount) + c);
                    boxes[root] = boxes.TryGetValue(root, out var b)
                        ? (Math.Min(b.Top, r), Math.Min(b.Left, c), Math.Max(b.Bottom, r), Math.Max(b.Right, c))
                        : (r, c, r, c);
                }
            }

            var outsideRoot = sets.Find(outside);
            foreach (var (root, box) in boxes)
            {
                if (root == outsideRoot)
                {
                    continue;
                }

                for (var r = box.Top; r <= box.Bottom; r++)
                {
                    for (var c = box.Left; c <= box.Right; c++)
                    {
                        var place = (r * columnCount) + c;
                        if (sets.Find(place) != sets.Find(root))
                        {
                            sets.Union(place, root);
                            changed = true;
                        }
                    }
                }
            }
        }
        while (changed);
    }

    private Rect Inside(Boundary left, Boundary right, Boundary top, Boundary bottom)
    {
        var x0 = left.Far + CellMargin;
        var y0 = top.Far + CellMargin;
        var x1 = Math.Max(x0 + 1, right.Near - CellMargin);
        var y1 = Math.Max(y0 + 1, bottom.Near - CellMargin);
        return Rect.FromEdges(x0, y0, x1, y1);
    }

    /// <summary>Rulings whose positions lie within the tolerance of the previous one form one boundary.</summary>
    private List<Boundary> Boundaries(List<Ruling> rulings)
    {
        var sorted = rulings.OrderBy(r => r.Position).ToList();
        var boundaries = new List<Boundary>();
        var group = new List<Ruling>();
        foreach (var ruling in sorted)
        {
            if (group.Count > 0 && ruling.Position - group[^1].Position > Tolerance)
            {
                boundaries.Add(new Boundary(group));
                group = [];
            }

            group.Add(ruling);
        }

        if (group.Count > 0)
        {
            boundaries.Add(new Boundary(group));
        }

        return boundaries;
    }

    /// <summary>One row or column boundary: the rulings along it, their length-weighted centre and thickness.</summary>
    private sealed class Boundary
    {
        private readonly List<Ruling> _rulings;

        public Boundary(List<Ruling> rulings)
        {
            _rulings = rulings;
            double length = rulings.Sum(r => (double)r.Length);
            Position = (int)Math.Ceiling((rulings.Sum(r => (double)r.Position * r.Length) / length) - 0.5);
            Near = rulings.Min(r => r.Near);
            Far = rulings.Max(r => r.Far);
        }

        public int Position { get; }

        /// <summary>First row (or column) of ink of any of the boundary's rulings.</summary>
        public int Near { get; }

        /// <summary>One past the last row (or column) of ink of any of the boundary's rulings.</summary>
        public int Far { get; }

        /// <summary>
        /// Whether rulings cover enough of the stretch between two crossing boundaries, and reach
        /// to within <paramref name="reach"/> of both of its ends. A stroke of text in a merged
        /// cell, lined up with a boundary elsewhere in the table, does not run from one ruling to
        /// the next.
        /// </summary>
        public bool Ruled(int from, int to, int reach)
        {
            var spans = _rulings
                .Select(r => (Start: Math.Max(from, r.Start), End: Math.Min(to, r.End)))
                .Where(s => s.End > s.Start)
                .OrderBy(s => s.Start);
            int covered = 0, first = int.MaxValue, last = from;
            foreach (var (start, end) in spans)
            {
                first = Math.Min(first, start);
                if (end > last)
                {
                    covered += end - Math.Max(start, last);
                    last = end;
                }
            }

            return covered >= RuledShare * (to - from) && first <= from + reach && last >= to - reach;
        }
    }
}
