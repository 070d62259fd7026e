using Pipeline.Model.Reports;

namespace Pipeline.Mapping;

/// <summary>What a table mapper returns: the table, the rows it could not fill, format evidence, and rows that do not fit their columns.</summary>
public sealed record MappedTable(ReportTable? Table, IReadOnlyList<TableGap> Gaps, IReadOnlyList<VintageLabel> VintageLabels)
{
    public IReadOnlyList<LayoutDoubt> Doubts { get; init; } = [];
}
