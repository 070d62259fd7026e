namespace Pipeline.Model.Schema;

/// <summary>Table 四: three groups of five columns, one data row of 15 numbers.</summary>
public static class ReviewLitigationSchema
{
    public static readonly IReadOnlyList<RowDefinition> Groups =
    [
        new("review", "行政复议"),
        new("litigationDirect", "未经复议直接起诉", "行政诉讼"),
        new("litigationAfterReview", "复议后起诉", "行政诉讼"),
    ];

    public static readonly IReadOnlyList<ColumnDefinition> Columns =
    [
        new("upheld", "结果维持"),
        new("corrected", "结果纠正"),
        new("other", "其他结果"),
        new("pending", "尚未审结"),
        new("total", "总计"),
    ];

    public const int ValueCount = 15;

    /// <summary>Labels of the header, used to recognise the table.</summary>
    public static readonly IReadOnlyList<string> HeaderLabels =
        ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public static string GroupLabel(string key) => key switch
    {
        "review" => "行政复议",
        "litigationDirect" => "行政诉讼（未经复议直接起诉）",
        "litigationAfterReview" => "行政诉讼（复议后起诉）",
        _ => key,
    };
}
