using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Mapping;

/// <summary>
/// Table 二: a block per item of 第二十条, each with its own column headers. The headers as
/// printed decide the columns, so a table mixing the two formats is read as printed.
/// </summary>
public static class ActiveDisclosureMapper
{
    private const double Accept = 0.7;

    private static readonly (ColumnDefinition Column, Vintage Vintage)[] ColumnCandidates = [.. ActiveDisclosureSchema.AllColumns];

    private static readonly RowDefinition[] RowCandidates =
        [.. ActiveDisclosureSchema.Items2019.SelectMany(i => i.Rows).Concat(ActiveDisclosureSchema.Items2021.SelectMany(i => i.Rows)).DistinctBy(r => r.Key)];

    public static MappedTable Map(IReadOnlyList<StreamCell> stream, Vintage fallback)
    {
        const string key = TableKeys.ActiveDisclosure;
        var table = new ReportTable(key);
        var gaps = new List<TableGap>();
        var labels = new List<VintageLabel>();
        var doubts = new List<LayoutDoubt>();
        var headers = new List<ColumnDefinition>();
        var headerCells = new List<StreamCell>();
        var headerOpen = false;
        for (var i = 0; i < stream.Count; i++)
        {
            var cell = stream[i];
            if (!cell.IsLabel)
            {
                continue;
            }

            if (cell.Folded.Contains("第二十条", StringComparison.Ordinal) || cell.Folded == "信息内容")
            {
                // A new item of 第二十条 starts its own header, even when the item before it printed
                // no row: otherwise the two items' columns would run together.
                if (!headerOpen || cell.Folded.Contains("第二十条", StringComparison.Ordinal))
                {
                    headers.Clear();
                    headerCells.Clear();
                }

                headerOpen = true;
                continue;
            }

            var column = MatchColumn(cell.Folded);
            if (column is not null)
            {
                if (!headerOpen)
                {
                    headers.Clear();
                    headerCells.Clear();
                    headerOpen = true;
                }

                headers.Add(column.Value.Column);
                headerCells.Add(cell);
                labels.Add(new VintageLabel(key, cell.Text, column.Value.Vintage));
                continue;
            }

            var row = MatchRow(cell.Folded);
            if (row is null || table.HasRow(row.Key))
            {
                continue;
            }

            headerOpen = false;
            if (row.Key is "otherServices" or "procurement")
            {
                labels.Add(new VintageLabel(key, cell.Text, Vintage.Format2019));
            }

            var columns = headers.Count > 0 ? headers.ToList() : DefaultColumns(row.Key, fallback);
            // The header cells this item printed place its values, in the frame they stand in.
            var guides = headers.Count > 0 && ColumnGuide.Of(headerCells) is { } guide
                ? new Dictionary<string, ColumnGuide> { [headerCells[0].Frame!] = guide }
                : new Dictionary<string, ColumnGuide>();
            var taken = RowValues.Take(stream, i + 1, columns.Count, padFirst: false, guides, [.. columns.Select(c => c.Label)], out var next);
            var values = taken.Slots;
            if (values.All(v => v is null || v.IsEmpty) && values.Count(v => v is not null) < columns.Count)
            {
                values = [];
            }

            var missing = new List<string>();
            for (var c = 0; c < columns.Count; c++)
            {
                var address = ReportTable.Address(key, row.Key, columns[c].Key);
                if (c < values.Count && values[c] is { } value)
                {
                    table.Set(row.Key, columns[c].Key, CellParser.Parse(address, value.Text, value.Origin, columns[c].Kind));
                }
                else
                {
                    missing.Add(address);
                }
            }

            if (missing.Count > 0)
            {
                gaps.Add(new TableGap(key, row.Key, missing, missing.Count == columns.Count));
            }

            if (taken.Doubt is { } doubt)
            {
                doubts.Add(new LayoutDoubt(key, row.Key, [.. columns.Select(c => ReportTable.Address(key, row.Key, c.Key))], doubt));
            }

            i = next - 1;
        }

        if (table.RowKeys.Count == 0 && gaps.Count == 0)
        {
            return new MappedTable(null, [], labels);
        }

        var vintage = labels.Count == 0 ? fallback
            : labels.Count(l => l.Vintage == Vintage.Format2019) > labels.Count / 2 ? Vintage.Format2019 : Vintage.Format2021;
        foreach (var item in ActiveDisclosureSchema.Items(vintage))
        {
            foreach (var expected in item.Rows.Where(r => !table.HasRow(r.Key) && gaps.All(g => g.Row != r.Key)))
            {
                gaps.Add(new TableGap(key, expected.Key, item.Columns.Select(c => ReportTable.Address(key, expected.Key, c.Key)).ToList(), true));
            }
        }

        return new MappedTable(table, gaps, labels) { Doubts = doubts };
    }

    private static List<ColumnDefinition> DefaultColumns(string row, Vintage vintage) =>
        ActiveDisclosureSchema.Items(vintage).FirstOrDefault(i => i.Rows.Any(r => r.Key == row))?.Columns.ToList()
        ?? ActiveDisclosureSchema.Items(vintage == Vintage.Format2019 ? Vintage.Format2021 : Vintage.Format2019)
            .First(i => i.Rows.Any(r => r.Key == row)).Columns.ToList();

    private static (ColumnDefinition Column, Vintage Vintage)? MatchColumn(string folded)
    {
        var best = ColumnCandidates.MaxBy(c => LabelMatcher.Score(folded, c.Column.Labels));
        return LabelMatcher.Score(folded, best.Column.Labels) >= Accept ? best : null;
    }

    private static RowDefinition? MatchRow(string folded)
    {
        var best = RowCandidates.MaxBy(r => LabelMatcher.Score(folded, r.Labels))!;
        return LabelMatcher.Score(folded, best.Labels) >= Accept ? best : null;
    }
}
