using Pipeline.Tests.Seeds;

namespace Pipeline.Tests.Mutations;

/// <summary>Cell addresses as the spec writes them, and the cells each identity rule names.</summary>
public static class Address
{
    public static string App(string row, string column) => $"applications.{row}.{column}";

    public static string Review(string group, string column) => $"reviewLitigation.{group}.{column}";

    public static string Disclosure(string row, string column) => $"activeDisclosure.{row}.{column}";

    /// <summary>T3-ROW-TOTAL's cells: the row's six applicant columns and its total.</summary>
    public static IReadOnlyList<string> AppRow(string row) => [.. SeedTruth.ApplicationsColumns.Select(c => App(row, c))];

    /// <summary>T3-BALANCE's cells: newReceived + carriedOver = resultTotal + carriedForward in one column.</summary>
    public static IReadOnlyList<string> Balance(string column) =>
        [App("newReceived", column), App("carriedOver", column), App("resultTotal", column), App("carriedForward", column)];

    /// <summary>T3-RESULT-SUM's cells: every result row of the seed's format, and resultTotal.</summary>
    public static IReadOnlyList<string> ResultSum(string column, bool format2019) =>
        [.. ResultRows(format2019).Select(r => App(r, column)), App("resultTotal", column)];

    public static IEnumerable<string> ResultRows(bool format2019) =>
        SeedTruth.ApplicationsRows(format2019).Where(r => r is not ("newReceived" or "carriedOver" or "resultTotal" or "carriedForward"));

    /// <summary>T4-GROUP-TOTAL's cells: one group's five columns.</summary>
    public static IReadOnlyList<string> ReviewGroup(string group) => [.. SeedTruth.ReviewColumns.Select(c => Review(group, c))];
}
