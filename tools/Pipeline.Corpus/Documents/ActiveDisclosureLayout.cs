using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Documents;

/// <summary>
/// Table 二: four columns; per item of 第二十条 a title row, a 信息内容 header row and its rows.
/// An item with fewer columns lets its last one span the rest, as the template does.
/// </summary>
public static class ActiveDisclosureLayout
{
    public const int Columns = 4;

    public static GridTable Build(TruthTable table, Vintage vintage)
    {
        var grid = new GridBuilder(TableKeys.ActiveDisclosure, Columns);
        foreach (var item in ActiveDisclosureSchema.Items(vintage))
        {
            grid.Row(null, GridSlot.Label($"第二十条第{item.Item}项", Columns));
            grid.Row(null, [GridSlot.Label("信息内容"), .. item.Columns.Select((c, i) => GridSlot.Label(c.Label, Span(item, i)))]);
            foreach (var row in item.Rows.Where(r => table.HasRow(r.Key)))
            {
                grid.Row(row.Key, [
                    GridSlot.Label(row.Label),
                    .. item.Columns.Select((c, i) => GridSlot.Value(
                        table.Get(row.Key, c.Key)?.Printed ?? string.Empty,
                        ReportTable.Address(TableKeys.ActiveDisclosure, row.Key, c.Key),
                        Span(item, i))),
                ]);
            }
        }

        return grid.Build();
    }

    private static int Span(DisclosureItem item, int index) =>
        index == item.Columns.Count - 1 ? Columns - item.Columns.Count : 1;
}
