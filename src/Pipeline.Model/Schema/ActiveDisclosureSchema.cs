using Pipeline.Model.Reports;

namespace Pipeline.Model.Schema;

/// <summary>Table 二: one block per item of 条例 第二十条, each with its own columns.</summary>
public static class ActiveDisclosureSchema
{
    private static readonly ColumnDefinition[] Columns2021Documents =
    [
        new("issued", "本年制发件数"),
        new("repealed", "本年废止件数"),
        new("inForce", "现行有效件数"),
    ];

    private static readonly ColumnDefinition[] Columns2021Decisions = [new("decisions", "本年处理决定数量")];

    private static readonly ColumnDefinition[] Columns2019Documents =
    [
        new("newlyMade", "本年新制作数量"),
        new("newlyPublished", "本年新公开数量"),
        new("totalPublished", "对外公开总数量"),
    ];

    private static readonly ColumnDefinition[] Columns2019Services =
    [
        new("previousCount", "上一年项目数量"),
        new("change", "本年增/减", ValueKind.SignedCount, "本年增减"),
        new("decisions", "处理决定数量"),
    ];

    public static readonly IReadOnlyList<DisclosureItem> Items2021 =
    [
        new("（一）", Columns2021Documents, [new("regulations", "规章"), new("normativeDocuments", "行政规范性文件", null, "规范性文件")]),
        new("（五）", Columns2021Decisions, [new("licensing", "行政许可")]),
        new("（六）", Columns2021Decisions, [new("punishment", "行政处罚"), new("enforcement", "行政强制")]),
        new("（八）", [new("amount", "本年收费金额（单位：万元）", ValueKind.Money, "本年收费金额")], [new("fees", "行政事业性收费")]),
    ];

    public static readonly IReadOnlyList<DisclosureItem> Items2019 =
    [
        new("（一）", Columns2019Documents, [new("regulations", "规章"), new("normativeDocuments", "规范性文件", null, "行政规范性文件")]),
        new("（五）", Columns2019Services, [new("licensing", "行政许可"), new("otherServices", "其他对外管理服务事项")]),
        new("（六）", Columns2019Services, [new("punishment", "行政处罚"), new("enforcement", "行政强制")]),
        new("（八）", Columns2019Services[..2], [new("fees", "行政事业性收费")]),
        new("（九）", [new("projects", "采购项目数量"), new("amount", "采购总金额", ValueKind.Money)], [new("procurement", "政府集中采购")]),
    ];

    public static IReadOnlyList<DisclosureItem> Items(Vintage vintage) =>
        vintage == Vintage.Format2021 ? Items2021 : Items2019;

    /// <summary>Every column label of either format, with the format it belongs to.</summary>
    public static IEnumerable<(ColumnDefinition Column, Vintage Vintage)> AllColumns =>
        Items2021.SelectMany(i => i.Columns).Select(c => (c, Vintage.Format2021))
            .Concat(Items2019.SelectMany(i => i.Columns).Select(c => (c, Vintage.Format2019)));

    public static ValueKind KindOf(string column) => column switch
    {
        "amount" => ValueKind.Money,
        "change" => ValueKind.SignedCount,
        _ => ValueKind.Count,
    };
}

/// <summary>One item of 第二十条: its number, its columns and its rows.</summary>
public sealed record DisclosureItem(string Item, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<RowDefinition> Rows);
