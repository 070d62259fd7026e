namespace Pipeline.Model.Schema;

public static class TableKeys
{
    public const string ActiveDisclosure = "activeDisclosure";
    public const string Applications = "applications";
    public const string ReviewLitigation = "reviewLitigation";

    public static readonly IReadOnlyList<string> All = [ActiveDisclosure, Applications, ReviewLitigation];

    /// <summary>The table's name as a clerk knows it: 表二, 表三, 表四.</summary>
    public static string DisplayName(string table) => table switch
    {
        ActiveDisclosure => "表二（主动公开）",
        Applications => "表三（依申请公开）",
        ReviewLitigation => "表四（行政复议、行政诉讼）",
        _ => table,
    };
}
