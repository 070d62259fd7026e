using Pipeline.Model.Reports;

namespace Pipeline.Mapping;

/// <summary>What a table mapper returns: the table, the rows it could not fill, and format evidence.</summary>
public sealed record MappedTable(ReportTable? Table, IReadOnlyList<TableGap> Gaps, IReadOnlyList<VintageLabel> VintageLabels);
