namespace Pipeline.Model.Reports;

/// <summary>
/// A mapped table: row key → column key → cell, keys as in annual-report-format.md.
/// A cell that was expected but not found is simply absent.
/// </summary>
public sealed class ReportTable
{
    private readonly Dictionary<string, Dictionary<string, CellValue>> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _rowOrder = [];

    public ReportTable(string key) => Key = key;

    /// <summary>activeDisclosure, applications or reviewLitigation.</summary>
    public string Key { get; }

    public IReadOnlyList<string> RowKeys => _rowOrder;

    public bool HasRow(string row) => _rows.ContainsKey(row);

    public void Set(string row, string column, CellValue value)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            cells = new Dictionary<string, CellValue>(StringComparer.Ordinal);
            _rows[row] = cells;
            _rowOrder.Add(row);
        }

        cells[column] = value;
    }

    public CellValue? Get(string row, string column) =>
        _rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var value) ? value : null;

    public IReadOnlyDictionary<string, CellValue> Row(string row) =>
        _rows.TryGetValue(row, out var cells) ? cells : new Dictionary<string, CellValue>();

    public IEnumerable<CellValue> AllCells => _rowOrder.SelectMany(r => _rows[r].Values);

    public static string Address(string table, string row, string column) => $"{table}.{row}.{column}";
}
