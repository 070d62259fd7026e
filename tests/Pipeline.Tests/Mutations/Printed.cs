namespace Pipeline.Tests.Mutations;

/// <summary>
/// Labels and headings as the seeds print them (folded comparison makes full- and half-width
/// brackets and stray spaces alike), used to find the place a mutation changes.
/// </summary>
public static class Printed
{
    public const string NewReceived = "一、本年新收政府信息公开申请数量";
    public const string CarriedOver = "二、上年结转政府信息公开申请数量";
    public const string Granted = "（一）予以公开";
    public const string StateSecret = "1.属于国家秘密";
    public const string NotHeld = "1.本机关不掌握相关政府信息";
    public const string Duplicate = "2.重复申请";
    public const string FeeUnpaid = "申请人逾期未按收费通知要求缴纳费用";
    public const string ResultTotal = "（七）总计";
    public const string CarriedForward = "四、结转下年度继续办理";

    /// <summary>Table 四's 15 values follow its section heading, after the header labels.</summary>
    public const string TableFour = "四、政府信息公开行政复议、行政诉讼情况";

    public const string Regulations = "规章";
    public const string Enforcement = "行政强制";
    public const string Fees = "行政事业性收费";
    public const string Procurement = "政府集中";

    public const string Overview = "总体情况";
    public const string Problems = "五、存在的主要问题及改进情况";
    public const string Other = "其他需要报告的事项";

    /// <summary>Column positions of table 三's values.</summary>
    public static int Column(string key) => Array.IndexOf(Seeds.SeedTruth.ApplicationsColumns, key);

    /// <summary>Position of a table 四 value among its 15.</summary>
    public static int ReviewValue(string group, string column) =>
        (Array.IndexOf(Seeds.SeedTruth.ReviewGroups, group) * Seeds.SeedTruth.ReviewColumns.Length) + Array.IndexOf(Seeds.SeedTruth.ReviewColumns, column);
}
