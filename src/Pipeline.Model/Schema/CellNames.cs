namespace Pipeline.Model.Schema;

/// <summary>Chinese names of rows, columns and cells, as a clerk reads them in the printed table.</summary>
public static class CellNames
{
    public static string Row(string table, string row) => table switch
    {
        TableKeys.Applications => ApplicationsRow(row),
        TableKeys.ReviewLitigation => ReviewLitigationSchema.GroupLabel(row),
        _ => ActiveDisclosureSchema.Items2021.Concat(ActiveDisclosureSchema.Items2019)
            .SelectMany(i => i.Rows).FirstOrDefault(r => r.Key == row)?.Label ?? row,
    };

    /// <summary>A column's printed name; in table 二 the same key (amount) is named per item, so the row decides.</summary>
    public static string Column(string table, string column, string? row = null) => table switch
    {
        TableKeys.Applications => ApplicationsSchema.Columns.FirstOrDefault(c => c.Key == column)?.Label ?? column,
        TableKeys.ReviewLitigation => ReviewLitigationSchema.Columns.FirstOrDefault(c => c.Key == column)?.Label ?? column,
        _ => ActiveDisclosureSchema.Items2021.Concat(ActiveDisclosureSchema.Items2019)
                .Where(i => row is null || i.Rows.Any(r => r.Key == row))
                .SelectMany(i => i.Columns)
                .FirstOrDefault(c => c.Key == column)?.Label ?? column,
    };

    /// <summary>E.g. 表三“本年新收政府信息公开申请数量”行“自然人”列.</summary>
    public static string Cell(string address)
    {
        var (table, row, column) = Split(address);
        return $"{Short(table)}“{Row(table, row)}”行“{Column(table, column, row)}”列";
    }

    public static string Short(string table) => table switch
    {
        TableKeys.ActiveDisclosure => "表二",
        TableKeys.Applications => "表三",
        TableKeys.ReviewLitigation => "表四",
        _ => table,
    };

    /// <summary>Splits table.row.column where the row key may itself hold a dot (withheld.stateSecret).</summary>
    public static (string Table, string Row, string Column) Split(string address)
    {
        var first = address.IndexOf('.', StringComparison.Ordinal);
        var last = address.LastIndexOf('.');
        return (address[..first], address[(first + 1)..last], address[(last + 1)..]);
    }

    private static string ApplicationsRow(string row)
    {
        var definition = ApplicationsSchema.Row(row);
        if (definition is null)
        {
            return row;
        }

        var label = definition.Key == "partiallyGranted" ? "（二）部分公开" : definition.Label;
        return definition.Parent is { } parent && row.Contains('.', StringComparison.Ordinal) ? $"{parent} {label}" : label;
    }
}
