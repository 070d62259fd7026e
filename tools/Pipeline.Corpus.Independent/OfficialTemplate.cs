namespace Pipeline.Corpus.Independent;

/// <summary>
/// The State Council's templates for the annual report, typed by hand from the official forms (国办公开办函
/// 〔2021〕30号 and 〔2019〕60号), not taken from the product's schema: a label the product gets wrong then
/// shows as a wrong cell. Keys are the spec's contract (table.row.column).
/// </summary>
public static class OfficialTemplate
{
    public static readonly string[] Sections =
    [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];

    /// <summary>One block of table 二: the item of 条例第二十条 it reports, its column headers and rows.</summary>
    public sealed record DisclosureItem(string Heading, (string Key, string Label)[] Columns, (string Key, string Label)[] Rows);

    public static readonly DisclosureItem[] Disclosure2021 =
    [
        new("第二十条第（一）项", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("inForce", "现行有效件数")], [("regulations", "规章"), ("normativeDocuments", "行政规范性文件")]),
        new("第二十条第（五）项", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
        new("第二十条第（六）项", [("decisions", "本年处理决定数量")], [("punishment", "行政处罚"), ("enforcement", "行政强制")]),
        new("第二十条第（八）项", [("amount", "本年收费金额（单位：万元）")], [("fees", "行政事业性收费")]),
    ];

    public static readonly DisclosureItem[] Disclosure2019 =
    [
        new("第二十条第（一）项", [("newlyMade", "本年新制作数量"), ("newlyPublished", "本年新公开数量"), ("totalPublished", "对外公开总数量")], [("regulations", "规章"), ("normativeDocuments", "规范性文件")]),
        new("第二十条第（五）项", [("previousCount", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")], [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
        new("第二十条第（六）项", [("previousCount", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")], [("punishment", "行政处罚"), ("enforcement", "行政强制")]),
        new("第二十条第（八）项", [("previousCount", "上一年项目数量"), ("change", "本年增/减")], [("fees", "行政事业性收费")]),
        new("第二十条第（九）项", [("projects", "采购项目数量"), ("amount", "采购总金额")], [("procurement", "政府集中采购")]),
    ];

    /// <summary>Table 三's value columns, left to right; the five organisations stand under 法人或其他组织.</summary>
    public static readonly (string Key, string Label)[] ApplicantColumns =
    [
        ("naturalPerson", "自然人"),
        ("commercial", "商业企业"),
        ("research", "科研机构"),
        ("publicInterest", "社会公益组织"),
        ("legalService", "法律服务机构"),
        ("otherOrg", "其他"),
        ("total", "总计"),
    ];

    /// <summary>A row of table 三: key, the group label printed to its left (if any), its own label.</summary>
    public sealed record ApplicationRow(string Key, string? Group, string Label);

    private const string Results = "三、本年度办理结果";

    public static readonly ApplicationRow[] Applications2021 =
    [
        new("newReceived", null, "一、本年新收政府信息公开申请数量"),
        new("carriedOver", null, "二、上年结转政府信息公开申请数量"),
        new("granted", Results, "（一）予以公开"),
        new("partiallyGranted", Results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        new("withheld.stateSecret", "（三）不予公开", "1.属于国家秘密"),
        new("withheld.prohibitedByLaw", "（三）不予公开", "2.其他法律行政法规禁止公开"),
        new("withheld.securityStability", "（三）不予公开", "3.危及“三安全一稳定”"),
        new("withheld.thirdPartyRights", "（三）不予公开", "4.保护第三方合法权益"),
        new("withheld.internalAffairs", "（三）不予公开", "5.属于三类内部事务信息"),
        new("withheld.processInformation", "（三）不予公开", "6.属于四类过程性信息"),
        new("withheld.enforcementFile", "（三）不予公开", "7.属于行政执法案卷"),
        new("withheld.administrativeQuery", "（三）不予公开", "8.属于行政查询事项"),
        new("unableToProvide.notHeld", "（四）无法提供", "1.本机关不掌握相关政府信息"),
        new("unableToProvide.needsCreation", "（四）无法提供", "2.没有现成信息需要另行制作"),
        new("unableToProvide.stillUnclear", "（四）无法提供", "3.补正后申请内容仍不明确"),
        new("notProcessed.petition", "（五）不予处理", "1.信访举报投诉类申请"),
        new("notProcessed.duplicate", "（五）不予处理", "2.重复申请"),
        new("notProcessed.publication", "（五）不予处理", "3.要求提供公开出版物"),
        new("notProcessed.excessive", "（五）不予处理", "4.无正当理由大量反复申请"),
        new("notProcessed.confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
        new("otherHandling.noCorrection", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        new("otherHandling.feeUnpaid", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        new("otherHandling.other", "（六）其他处理", "3.其他"),
        new("resultTotal", Results, "（七）总计"),
        new("carriedForward", null, "四、结转下年度继续办理"),
    ];

    /// <summary>The 2019 form: as 2021, but （六）其他处理 is one row.</summary>
    public static readonly ApplicationRow[] Applications2019 =
    [
        .. Applications2021.Where(r => !r.Key.StartsWith("otherHandling.", StringComparison.Ordinal) && r.Key is not ("resultTotal" or "carriedForward")),
        new("otherHandling", Results, "（六）其他处理"),
        new("resultTotal", Results, "（七）总计"),
        new("carriedForward", null, "四、结转下年度继续办理"),
    ];

    /// <summary>Rows whose sum is the results' total (everything under 三、本年度办理结果 but the total).</summary>
    public static IEnumerable<string> ResultRows(ApplicationRow[] rows) =>
        rows.Where(r => r.Group is not null && r.Key != "resultTotal").Select(r => r.Key);

    public static readonly (string Key, string Parent, string Label)[] CaseGroups =
    [
        ("review", "行政复议", "行政复议"),
        ("litigationDirect", "行政诉讼", "未经复议直接起诉"),
        ("litigationAfterReview", "行政诉讼", "复议后起诉"),
    ];

    public static readonly (string Key, string Label)[] CaseColumns =
    [
        ("upheld", "结果维持"),
        ("corrected", "结果纠正"),
        ("other", "其他结果"),
        ("pending", "尚未审结"),
        ("total", "总计"),
    ];

    public const string IdentityNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
}
