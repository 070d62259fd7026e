using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Documents;

/// <summary>
/// Table 三: three label columns and seven value columns under a three-row header; result
/// rows sit under 三、本年度办理结果 and their group label, both merged down.
/// </summary>
public static class ApplicationsLayout
{
    public const int LabelColumns = 3;

    public const string IdentityNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public const string ApplicantHeader = "申请人情况";

    public const string OrganisationHeader = "法人或其他组织";

    public static GridTable Build(TruthTable table, Vintage vintage)
    {
        var columns = ApplicationsSchema.Columns;
        var organisations = columns.Where(c => c.Key is not ("naturalPerson" or ApplicationsSchema.Total)).ToList();
        var person = ApplicationsSchema.Column("naturalPerson").Label;
        var total = ApplicationsSchema.Column(ApplicationsSchema.Total).Label;

        var grid = new GridBuilder(TableKeys.Applications, LabelColumns + columns.Count);
        grid.Row(null, GridSlot.Merged(IdentityNote, LabelColumns), GridSlot.Label(ApplicantHeader, columns.Count));
        grid.Row(null, GridSlot.Merged(IdentityNote, LabelColumns), GridSlot.Merged(person), GridSlot.Label(OrganisationHeader, organisations.Count), GridSlot.Merged(total));
        grid.Row(null, [GridSlot.Merged(IdentityNote, LabelColumns), GridSlot.Merged(person), .. organisations.Select(c => GridSlot.Label(c.Label)), GridSlot.Merged(total)]);

        var results = ApplicationsSchema.Row("granted")!.Parent!;
        foreach (var row in ApplicationsSchema.Rows(vintage).Where(r => table.HasRow(r.Key)))
        {
            GridSlot[] labels = row.Parent is null ? [GridSlot.Label(row.Label, LabelColumns)]
                : row.Parent == results ? [GridSlot.Merged(results), GridSlot.Label(row.Label, LabelColumns - 1)]
                : [GridSlot.Merged(results), GridSlot.Merged(row.Parent), GridSlot.Label(row.Label)];
            grid.Row(row.Key, [
                .. labels,
                .. columns.Select(c => GridSlot.Value(table.Get(row.Key, c.Key)?.Printed ?? string.Empty, ReportTable.Address(TableKeys.Applications, row.Key, c.Key))),
            ]);
        }

        return grid.Build();
    }
}
