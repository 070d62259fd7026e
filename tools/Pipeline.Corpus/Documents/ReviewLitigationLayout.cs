using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Documents;

/// <summary>
/// Table 四: 行政复议 over five columns and 行政诉讼 over ten, the two litigation groups under it,
/// the result labels (merged down for 行政复议), and one row of fifteen numbers.
/// </summary>
public static class ReviewLitigationLayout
{
    public static GridTable Build(TruthTable table)
    {
        var groups = ReviewLitigationSchema.Groups;
        var columns = ReviewLitigationSchema.Columns;
        var width = columns.Count;
        var grid = new GridBuilder(TableKeys.ReviewLitigation, groups.Count * width);

        grid.Row(null, groups
            .GroupBy(g => g.Parent ?? g.Label)
            .Select(top => GridSlot.Label(top.Key, top.Count() * width))
            .ToArray());
        grid.Row(null, groups
            .SelectMany(g => g.Parent is null ? columns.Select(c => GridSlot.Merged(c.Label)) : [GridSlot.Label(g.Label, width)])
            .ToArray());
        grid.Row(null, groups
            .SelectMany(g => columns.Select(c => g.Parent is null ? GridSlot.Merged(c.Label) : GridSlot.Label(c.Label)))
            .ToArray());
        grid.Row(null, groups
            .SelectMany(g => columns.Select(c => GridSlot.Value(
                table.Get(g.Key, c.Key)?.Printed ?? string.Empty,
                ReportTable.Address(TableKeys.ReviewLitigation, g.Key, c.Key))))
            .ToArray());

        return grid.Build();
    }
}
