using Pipeline.Model.Reports;

namespace Pipeline.Model.Schema;

/// <summary>Table 三: seven applicant columns, and the rows of the official identity.</summary>
public static class ApplicationsSchema
{
    public static readonly IReadOnlyList<ColumnDefinition> Columns =
    [
        new("naturalPerson", "自然人"),
        new("commercial", "商业企业"),
        new("research", "科研机构"),
        new("publicInterest", "社会公益组织"),
        new("legalService", "法律服务机构"),
        new("otherOrg", "其他"),
        new("total", "总计"),
    ];

    public const string Total = "total";

    private const string Results = "三、本年度办理结果";
    private const string Withheld = "（三）不予公开";
    private const string Unable = "（四）无法提供";
    private const string NotProcessed = "（五）不予处理";
    private const string OtherHandling = "（六）其他处理";

    private static readonly RowDefinition[] Head =
    [
        new("newReceived", "一、本年新收政府信息公开申请数量"),
        new("carriedOver", "二、上年结转政府信息公开申请数量"),
        new("granted", "（一）予以公开", Results),
        new("partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Results, "（二）部分公开"),
        new("withheld.stateSecret", "1.属于国家秘密", Withheld),
        new("withheld.prohibitedByLaw", "2.其他法律行政法规禁止公开", Withheld),
        new("withheld.securityStability", "3.危及“三安全一稳定”", Withheld),
        new("withheld.thirdPartyRights", "4.保护第三方合法权益", Withheld),
        new("withheld.internalAffairs", "5.属于三类内部事务信息", Withheld),
        new("withheld.processInformation", "6.属于四类过程性信息", Withheld),
        new("withheld.enforcementFile", "7.属于行政执法案卷", Withheld),
        new("withheld.administrativeQuery", "8.属于行政查询事项", Withheld),
        new("unableToProvide.notHeld", "1.本机关不掌握相关政府信息", Unable),
        new("unableToProvide.needsCreation", "2.没有现成信息需要另行制作", Unable),
        new("unableToProvide.stillUnclear", "3.补正后申请内容仍不明确", Unable),
        new("notProcessed.petition", "1.信访举报投诉类申请", NotProcessed),
        new("notProcessed.duplicate", "2.重复申请", NotProcessed),
        new("notProcessed.publication", "3.要求提供公开出版物", NotProcessed),
        new("notProcessed.excessive", "4.无正当理由大量反复申请", NotProcessed),
        new("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息", NotProcessed),
    ];

    private static readonly RowDefinition[] Tail =
    [
        new("resultTotal", "（七）总计", Results),
        new("carriedForward", "四、结转下年度继续办理"),
    ];

    public static readonly IReadOnlyList<RowDefinition> Rows2021 =
    [
        .. Head,
        new("otherHandling.noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", OtherHandling),
        new("otherHandling.feeUnpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", OtherHandling),
        new("otherHandling.other", "3.其他", OtherHandling),
        .. Tail,
    ];

    public static readonly IReadOnlyList<RowDefinition> Rows2019 =
    [
        .. Head,
        new("otherHandling", "（六）其他处理", Results),
        .. Tail,
    ];

    public static IReadOnlyList<RowDefinition> Rows(Vintage vintage) => vintage == Vintage.Format2021 ? Rows2021 : Rows2019;

    /// <summary>The rows whose sum is resultTotal (rule T3-RESULT-SUM).</summary>
    public static IEnumerable<string> ResultRows(Vintage vintage) =>
        Rows(vintage).Select(r => r.Key).Where(k => k is not ("newReceived" or "carriedOver" or "resultTotal" or "carriedForward"));

    public static ColumnDefinition Column(string key) => Columns.First(c => c.Key == key);

    public static RowDefinition? Row(string key) => Rows2021.Concat(Rows2019).FirstOrDefault(r => r.Key == key);
}
