namespace Pipeline.Mapping;

/// <summary>
/// The cells between a row's label and the next label. Flattened tables pad them with empty
/// cells (spans, trailing separators); this keeps the expected number and says which were absent.
/// </summary>
public static class ValueRun
{
    /// <summary>
    /// Takes the cells that follow <paramref name="start"/> up to the next label, and trims empty
    /// padding to <paramref name="expected"/> cells: padding at the front first where the table
    /// puts span placeholders there (table 四, or a row whose label spans two columns), else at the end.
    /// </summary>
    public static IReadOnlyList<StreamCell> Take(IReadOnlyList<StreamCell> stream, int start, int expected, bool padFirst, out int next)
    {
        var run = Cells(stream, start, out next);
        var label = start > 0 ? stream[start - 1] : null;
        var spanPlaceholder = padFirst || (label is not null && run.Count > 0 && run[0].RowId == label.RowId);
        if (spanPlaceholder)
        {
            TrimFront(run, expected);
        }

        while (run.Count > expected && run[^1].IsEmpty)
        {
            run.RemoveAt(run.Count - 1);
        }

        TrimFront(run, expected);
        return run.Count > expected ? run.GetRange(0, expected) : run;
    }

    /// <summary>Every cell from <paramref name="start"/> up to the next label, separator rows left out.</summary>
    public static List<StreamCell> Cells(IReadOnlyList<StreamCell> stream, int start, out int next)
    {
        var run = new List<StreamCell>();
        next = start;
        while (next < stream.Count && !stream[next].IsLabel)
        {
            run.Add(stream[next]);
            next++;
        }

        DropSeparatorRows(run, start > 0 ? stream[start - 1] : null);
        return run;
    }

    /// <summary>
    /// A row of several cells, all empty, beside rows that hold values, is a separator or span
    /// placeholder of a flattened table ("|||||"), not blank values: text prints a blank value as
    /// a row of its own ("\t", " |") or among its row's values. Without this, a row cut short
    /// would take the separator's empty cells as its first values. On a scan the same placeholder
    /// (the lower half of a header cell split by a ruling the grid took for a row) may hold specks
    /// read as "." or "'": a row of nothing but blanks and specks holds no value either.
    /// </summary>
    private static void DropSeparatorRows(List<StreamCell> run, StreamCell? label)
    {
        var separators = run
            .Where(c => c.RowId != label?.RowId)
            .GroupBy(c => c.RowId)
            .Where(row => row.Count() > 1 && row.All(c => c.IsEmpty || c.IsNoise))
            .Select(row => row.Key)
            .ToHashSet();
        if (separators.Count > 0 && run.Any(c => !c.IsEmpty && !c.IsNoise && !separators.Contains(c.RowId)))
        {
            run.RemoveAll(c => separators.Contains(c.RowId));
        }
    }

    private static void TrimFront(List<StreamCell> run, int expected)
    {
        while (run.Count > expected && run[0].IsEmpty)
        {
            run.RemoveAt(0);
        }
    }
}
