namespace Pipeline.Mapping;

/// <summary>
/// A row's values, one slot per template column (null: nothing stood under that column), and why the row
/// does not fit its columns one to one, if it does not. A doubtful row is placed as well as it can be but
/// never shifted to make it fit: the rules may not fail a report on it.
/// </summary>
public sealed record RowValues(IReadOnlyList<StreamCell?> Slots, string? Doubt)
{
    /// <summary>
    /// The values after a row's label: under the header's columns where a guide stands in the values' frame,
    /// otherwise in reading order (<see cref="ValueRun.Take"/>). In reading order, more values than columns
    /// make the row doubtful rather than dropping the ones at the end.
    /// </summary>
    public static RowValues Take(
        IReadOnlyList<StreamCell> stream,
        int start,
        int expected,
        bool padFirst,
        IReadOnlyDictionary<string, ColumnGuide> guides,
        IReadOnlyList<string> headers,
        out int next)
    {
        var raw = ValueRun.Cells(stream, start, out next);
        var inked = raw.Where(c => !c.IsEmpty).ToList();
        if (inked.Count > 0 && inked.Select(c => c.Frame).Distinct().Count() == 1 && inked[0].Frame is { } frame
            && guides.TryGetValue(frame, out var guide) && guide.Count == expected && inked.All(c => c.Extent is not null))
        {
            return Place(raw, guide, headers);
        }

        var values = ValueRun.Take(stream, start, expected, padFirst, out next);
        var extra = inked.Count - values.Count(v => !v.IsEmpty);
        return new RowValues(
            values,
            extra > 0 ? $"该行有{inked.Count}个数值，而模板只有{expected}列，无法确定各数值所在的列" : null);
    }

    private static RowValues Place(IReadOnlyList<StreamCell> raw, ColumnGuide guide, IReadOnlyList<string> headers)
    {
        var slots = new StreamCell?[guide.Count];
        string? doubt = null;
        foreach (var cell in raw.Where(c => !c.IsEmpty))
        {
            var column = guide.ColumnOf(cell.Extent!.Value);
            if (column < 0)
            {
                doubt ??= cell.IsNoise ? null : $"数值“{cell.Text}”不在任何表头列之下";
                continue;
            }

            if (slots[column] is not { } held || (held.IsNoise && !cell.IsNoise))
            {
                slots[column] = cell;
            }
            else if (!cell.IsNoise)
            {
                doubt ??= $"表头“{headers[column]}”一列之下有两个数值（“{held.Text}”和“{cell.Text}”）";
            }
        }

        // An empty cell under a column is a blank the report printed, not a column the reader missed.
        foreach (var cell in raw.Where(c => c.IsEmpty && c.Extent is not null))
        {
            var column = guide.ColumnOf(cell.Extent!.Value);
            if (column >= 0 && slots[column] is null)
            {
                slots[column] = cell;
            }
        }

        return new RowValues(slots, doubt);
    }
}
