using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Mapping;

/// <summary>
/// Table 四: a header of labels (often cut short or split), then one row of 15 numbers, read
/// in the template's order of groups and columns.
/// </summary>
public static class ReviewLitigationMapper
{
    public static MappedTable Map(IReadOnlyList<StreamCell> stream)
    {
        const string key = TableKeys.ReviewLitigation;
        var lastLabel = -1;
        for (var i = 0; i < stream.Count; i++)
        {
            if (stream[i].IsLabel)
            {
                lastLabel = i;
            }
        }

        // A header printed as text above the grid leaves only the row of values.
        if (lastLabel < 0 && stream.All(c => c.IsEmpty))
        {
            return new MappedTable(null, [], []);
        }

        // The header's leaf columns, left to right: 结果维持 … 总计 under each of the three groups.
        var headers = ReviewLitigationSchema.Groups.SelectMany(_ => ReviewLitigationSchema.Columns.Select(c => c.Label)).ToList();
        var row = RowValues.Take(stream, lastLabel + 1, ReviewLitigationSchema.ValueCount, padFirst: true, ColumnGuide.Find(stream, headers), headers, out _);
        var values = row.Slots;
        if (values.All(v => v is null || v.IsEmpty) && values.Count(v => v is not null) < ReviewLitigationSchema.ValueCount)
        {
            values = [];
        }

        var table = new ReportTable(key);
        var missing = new List<string>();
        var n = 0;
        foreach (var group in ReviewLitigationSchema.Groups)
        {
            foreach (var column in ReviewLitigationSchema.Columns)
            {
                var address = ReportTable.Address(key, group.Key, column.Key);
                if (n < values.Count && values[n] is { } value)
                {
                    table.Set(group.Key, column.Key, CellParser.Parse(address, value.Text, value.Origin, ValueKind.Count));
                }
                else
                {
                    missing.Add(address);
                }

                n++;
            }
        }

        var gaps = missing
            .GroupBy(a => a.Split('.')[1])
            .Select(g => new TableGap(key, g.Key, g.ToList(), g.Count() == ReviewLitigationSchema.Columns.Count))
            .ToList();
        // The one row holds every group: a doubt about it is a doubt about each.
        var doubts = row.Doubt is { } doubt
            ? ReviewLitigationSchema.Groups.Select(g => new LayoutDoubt(key, g.Key, ReviewLitigationSchema.Columns.Select(c => ReportTable.Address(key, g.Key, c.Key)).ToList(), doubt)).ToList()
            : [];
        return new MappedTable(table, gaps, []) { Doubts = doubts };
    }
}
