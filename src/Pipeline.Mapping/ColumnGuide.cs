using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// Where a table's header puts its value columns, in one frame (a page, or a structured table's grid): the
/// header cells naming the template's leaf columns, left to right. A value is placed by where it stands
/// under them, not by how many cells came before it, so a speck read as a cell or a cell the reader missed
/// does not move the rest of the row.
/// </summary>
public sealed class ColumnGuide
{
    /// <summary>Slack for a cell's centre against its header's edges, in the frame's units (points or grid columns), at most a quarter of the column.</summary>
    private const double Slack = 1.0;

    private static double SlackOf((double Start, double End) column) => Math.Min(Slack, (column.End - column.Start) / 4);

    private readonly IReadOnlyList<(double Start, double End)> _columns;

    private ColumnGuide(IReadOnlyList<(double Start, double End)> columns) => _columns = columns;

    public int Count => _columns.Count;

    /// <summary>A guide from header cells in left-to-right order, one per column, all in one frame; null when they do not make one.</summary>
    public static ColumnGuide? Of(IReadOnlyList<StreamCell> headers)
    {
        if (headers.Count == 0 || headers.Any(h => h.Extent is null) || headers.Select(h => h.Frame).Distinct().Count() != 1)
        {
            return null;
        }

        var columns = headers.Select(h => h.Extent!.Value).ToList();
        for (var i = 1; i < columns.Count; i++)
        {
            if (Centre(columns[i]) <= columns[i - 1].End)
            {
                return null;
            }
        }

        return new ColumnGuide(columns);
    }

    /// <summary>
    /// The guides a table's stream holds, by frame: in each frame, the header cells that name the template's
    /// leaf columns (<paramref name="leaves"/>, left to right), when exactly these are found there in this order.
    /// </summary>
    public static IReadOnlyDictionary<string, ColumnGuide> Find(IReadOnlyList<StreamCell> stream, IReadOnlyList<string> leaves)
    {
        var folded = leaves.Select(ChineseText.Fold).ToList();
        var guides = new Dictionary<string, ColumnGuide>();
        foreach (var frame in stream.Where(c => c.Frame is not null && c.IsLabel && folded.Contains(c.Folded)).GroupBy(c => c.Frame!))
        {
            var headers = frame.OrderBy(c => c.Extent!.Value.Start).ToList();
            if (headers.Select(h => h.Folded).SequenceEqual(folded) && Of(headers) is { } guide)
            {
                guides[frame.Key] = guide;
            }
        }

        return guides;
    }

    /// <summary>The column whose header stands over the cell's centre (the nearest, where two reach it), or -1.</summary>
    public int ColumnOf((double Start, double End) extent)
    {
        var centre = Centre(extent);
        var best = -1;
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            if (centre >= column.Start - SlackOf(column) && centre <= column.End + SlackOf(column)
                && (best < 0 || Math.Abs(centre - Centre(column)) < Math.Abs(centre - Centre(_columns[best]))))
            {
                best = i;
            }
        }

        return best;
    }

    private static double Centre((double Start, double End) extent) => (extent.Start + extent.End) / 2;
}
