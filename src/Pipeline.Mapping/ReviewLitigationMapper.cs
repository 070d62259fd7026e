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

        var values = ValueRun.Take(stream, lastLabel + 1, ReviewLitigationSchema.ValueCount, padFirst: true, out _);
        if (values.All(v => v.IsEmpty) && values.Count < ReviewLitigationSchema.ValueCount)
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
                if (n < values.Count)
                {
                    table.Set(group.Key, column.Key, CellParser.Parse(address, values[n].Text, values[n].Origin, ValueKind.Count));
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
        return new MappedTable(table, gaps, []);
    }
}
