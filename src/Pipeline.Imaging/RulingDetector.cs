using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// Finds ruled lines by run-length morphology on a binary page: in every row, runs of ink with
/// gaps of at most <see cref="MaxGap"/> closed (broken scan lines, a seal or text touching the
/// line) that are at least the minimum length and mostly ink; then runs in neighbouring rows that
/// overlap are merged into one line with its centre, extent and thickness. Verticals are found
/// the same way on the transposed page.
/// </summary>
/// <remarks>
/// Expects a deskewed page: a line that drifts by a row more often than every minimum length
/// falls apart. Text strokes may pass as short verticals, and strokes of neighbouring characters
/// as short horizontals; <see cref="GridBuilder"/> keeps only lines that meet two of the other
/// direction.
/// </remarks>
/// <param name="MinHorizontalLength">Shortest horizontal ruling, in pixels.</param>
/// <param name="MinVerticalLength">Shortest vertical ruling, in pixels; a table row can be short.</param>
/// <param name="MaxGap">Longest break in a line that is bridged, in pixels.</param>
/// <param name="MaxThickness">Thicker bands of ink are filled areas, not rulings.</param>
/// <param name="MinFill">Share of a run, gaps included, that must be ink; high, since a row through a line of text can chain strokes of neighbouring characters.</param>
public sealed record RulingDetector(int MinHorizontalLength, int MinVerticalLength, int MaxGap, int MaxThickness, double MinFill = 0.85)
{
    /// <summary>
    /// Settings scaled to the page, taking its shorter side as the measure of resolution (an A4
    /// page at 300 dpi is 2480 pixels across): horizontals from 1/30 of it, verticals from 1/60,
    /// gaps up to 1/250, thickness up to 1/100.
    /// </summary>
    public static RulingDetector ForPage(int width, int height)
    {
        var side = Math.Min(width, height);
        return new RulingDetector(Math.Max(10, side / 30), Math.Max(8, side / 60), Math.Max(2, side / 250), Math.Max(3, side / 100));
    }

    public static RulingDetector ForPage(BinaryImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return ForPage(image.Width, image.Height);
    }

    public PageRulings Detect(BinaryImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var horizontal = Scan(image, MinHorizontalLength, Orientation.Horizontal);
        var vertical = Scan(image.Transpose(), MinVerticalLength, Orientation.Vertical);
        return new PageRulings(horizontal, vertical);
    }

    /// <summary>Lines along the rows of <paramref name="image"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<Ruling> Scan(BinaryImage image, int minLength, Orientation orientation)
    {
        var lines = new List<Ruling>();
        var open = new List<Band>();
        var next = new List<Band>();
        var runs = new List<(int Start, int End, int Ink)>();
        minLength = Math.Max(1, minLength);

        for (var y = 0; y < image.Height; y++)
        {
            FindRuns(image.Ink.AsSpan(y * image.Width, image.Width), minLength, runs);
            foreach (var (start, end, ink) in runs)
            {
                Band? band = null;
                for (var i = 0; i < open.Count; i++)
                {
                    var candidate = open[i];
                    if (start > candidate.End + MaxGap || end < candidate.Start - MaxGap)
                    {
                        continue;
                    }

                    // A run touching two bands joins them (the two halves of a line that drifts a row).
                    if (band is null)
                    {
                        band = candidate;
                    }
                    else
                    {
                        band.Absorb(candidate);
                        open.RemoveAt(i--);
                        next.Remove(candidate);
                    }
                }

                if (band is null)
                {
                    band = new Band(y);
                    open.Add(band);
                }

                band.Add(y, start, end, ink);
                if (!next.Contains(band))
                {
                    next.Add(band);
                }
            }

            // Bands that got nothing in this row are complete.
            foreach (var band in open)
            {
                if (band.LastRow < y)
                {
                    Finish(band, orientation, lines);
                }
            }

            (open, next) = (next, open);
            next.Clear();
        }

        foreach (var band in open)
        {
            Finish(band, orientation, lines);
        }

        lines.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Start.CompareTo(b.Start));
        return lines;
    }

    private void Finish(Band band, Orientation orientation, List<Ruling> lines)
    {
        // Filled areas are told from lines by the ink per unit of length, the stroke's own
        // thickness; the ruling reports the rows its ink spans, a slight slant included, since
        // that is what a cell's box must stay clear of.
        var stroke = (double)band.Ink / (band.End - band.Start);
        if (stroke <= MaxThickness + 0.5)
        {
            // Halves round down, so that a band of even height has Near (centre − (thickness − 1) / 2) at its first row.
            var position = (int)Math.Ceiling((band.WeightedRows / band.Ink) - 0.5);
            var thickness = band.LastRow - band.FirstRow + 1;
            var near = position - ((thickness - 1) / 2);

            // Ink leaning to one side (text touching the line) widens the band about the centre,
            // so that Near and Far still cover it.
            if (near > band.FirstRow || near + thickness <= band.LastRow)
            {
                thickness = (2 * Math.Max(position - band.FirstRow, band.LastRow - position)) + 1;
            }

            lines.Add(new Ruling(orientation, position, band.Start, band.End, thickness));
        }
    }

    /// <summary>Runs of ink in one row, with short gaps bridged, long enough and dense enough.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindRuns(ReadOnlySpan<bool> row, int minLength, List<(int Start, int End, int Ink)> runs)
    {
        runs.Clear();
        var x = 0;
        while (x < row.Length)
        {
            var found = row[x..].IndexOf(true);
            if (found < 0)
            {
                return;
            }

            var start = x + found;
            var end = EndOfInk(row, start);
            var ink = end - start;
            while (end < row.Length)
            {
                var gap = row[end..].IndexOf(true);
                if (gap < 0 || gap > MaxGap)
                {
                    break;
                }

                var resume = end + gap;
                end = EndOfInk(row, resume);
                ink += end - resume;
            }

            if (end - start >= minLength && ink >= MinFill * (end - start))
            {
                runs.Add((start, end, ink));
            }

            x = end;
        }
    }

    private static int EndOfInk(ReadOnlySpan<bool> row, int start)
    {
        var length = row[start..].IndexOf(false);
        return length < 0 ? row.Length : start + length;
    }

    /// <summary>Runs of neighbouring rows that make up one line.</summary>
    private sealed class Band(int firstRow)
    {
        public int FirstRow { get; private set; } = firstRow;

        public int LastRow { get; private set; } = firstRow;

        public int Start { get; private set; } = int.MaxValue;

        public int End { get; private set; } = int.MinValue;

        public long Ink { get; private set; }

        public double WeightedRows { get; private set; }

        public void Add(int row, int start, int end, int ink)
        {
            LastRow = Math.Max(LastRow, row);
            Start = Math.Min(Start, start);
            End = Math.Max(End, end);
            Ink += ink;
            WeightedRows += (double)row * ink;
        }

        public void Absorb(Band other)
        {
            FirstRow = Math.Min(FirstRow, other.FirstRow);
            LastRow = Math.Max(LastRow, other.LastRow);
            Start = Math.Min(Start, other.Start);
            End = Math.Max(End, other.End);
            Ink += other.Ink;
            WeightedRows += other.WeightedRows;
        }
    }
}
