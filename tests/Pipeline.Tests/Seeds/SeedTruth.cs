using Pipeline.Tests.Mutations;

namespace Pipeline.Tests.Seeds;

/// <summary>
/// What each seed says, read off the seed text by hand (line numbers as <c>cat -n</c> shows
/// them), not copied from the pipeline's output: the tests compare the pipeline with this.
/// </summary>
public sealed record SeedTruth
{
    public required string Prefix { get; init; }

    public required string Title { get; init; }

    public required string Agency { get; init; }

    public required int Year { get; init; }

    /// <summary>"2019" or "2021", as in the spec's JSON.</summary>
    public required string Vintage { get; init; }

    public string? Published { get; init; }

    /// <summary>
    /// True where every cell sits on its own line (the first value's line, then one line per
    /// value); false where a table row is one line of tab-separated cells.
    /// </summary>
    public required bool OneCellPerLine { get; init; }

    public required IReadOnlyList<TruthRow> ActiveDisclosure { get; init; }

    public required IReadOnlyList<TruthRow> Applications { get; init; }

    /// <summary>The line of table 四's first value (the 15 values follow in template order).</summary>
    public required int ReviewLitigationLine { get; init; }

    public required IReadOnlyList<decimal> ReviewLitigation { get; init; }

    /// <summary>The checked warnings and errors the unchanged seed must raise, and no others.</summary>
    public required IReadOnlyList<ExpectedFinding> Findings { get; init; }

    public bool IsFormat2019 => Vintage == "2019";

    /// <summary>The number a cell of table 三 holds in this seed.</summary>
    public decimal App(string row, string column) =>
        Applications.Single(r => r.Row == row).Values[Array.IndexOf(ApplicationsColumns, column)];

    public decimal Review(string group, string column) =>
        ReviewLitigation[(Array.IndexOf(ReviewGroups, group) * ReviewColumns.Length) + Array.IndexOf(ReviewColumns, column)];

    public static readonly string[] ApplicationsColumns =
        ["naturalPerson", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];

    public static readonly string[] ReviewGroups = ["review", "litigationDirect", "litigationAfterReview"];

    public static readonly string[] ReviewColumns = ["upheld", "corrected", "other", "pending", "total"];

    public static readonly IReadOnlyList<string> Sections = ["overview", "activeDisclosure", "applications", "reviewLitigation", "problems", "other"];

    // Table 二's columns, from the spec.
    public static readonly string[] Documents2021 = ["issued", "repealed", "inForce"];
    public static readonly string[] Decisions2021 = ["decisions"];
    public static readonly string[] Fees2021 = ["amount"];
    public static readonly string[] Documents2019 = ["newlyMade", "newlyPublished", "totalPublished"];
    public static readonly string[] Services2019 = ["previousCount", "change", "decisions"];
    public static readonly string[] Fees2019 = ["previousCount", "change"];
    public static readonly string[] Procurement2019 = ["projects", "amount"];

    /// <summary>The rows of table 三 in printed order; the 2019 format has one （六）其他处理 row.</summary>
    public static IReadOnlyList<string> ApplicationsRows(bool format2019) =>
    [
        "newReceived", "carriedOver", "granted", "partiallyGranted",
        "withheld.stateSecret", "withheld.prohibitedByLaw", "withheld.securityStability", "withheld.thirdPartyRights",
        "withheld.internalAffairs", "withheld.processInformation", "withheld.enforcementFile", "withheld.administrativeQuery",
        "unableToProvide.notHeld", "unableToProvide.needsCreation", "unableToProvide.stillUnclear",
        "notProcessed.petition", "notProcessed.duplicate", "notProcessed.publication", "notProcessed.excessive", "notProcessed.confirmation",
        .. format2019 ? (string[])["otherHandling"] : ["otherHandling.noCorrection", "otherHandling.feeUnpaid", "otherHandling.other"],
        "resultTotal", "carriedForward",
    ];

    public static SeedTruth Get(string prefix) => All.Single(s => s.Prefix == prefix);

    public static IReadOnlyList<SeedTruth> All =>
    [
        Seed000,
        Seed001,
        Seed002,
        Seed003,
        Seed004,
    ];

    private static TruthRow Zeros(string row, int line) => new(row, ApplicationsColumns, line, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>大洼区大洼街道 2021: one cell per tab-led line; the 2021 format.</summary>
    private static SeedTruth Seed000 => new()
    {
        Prefix = "000",
        Title = "大洼区大洼街道2021年度政府信息公开工作报告", // 000 lines 1 and 3
        Agency = "大洼区大洼街道", // 000 line 1 (the signature on line 436 adds 办事处)
        Year = 2021, // 000 line 3 title, line 5 统计期限为2021年1月1日至12月31日
        Vintage = "2021",
        Published = "2022-01-24", // 000 line 438
        OneCellPerLine = true,
        ActiveDisclosure =
        [
            new("regulations", Documents2021, 26, 0, 0, 0), // 000 line 25-28
            new("normativeDocuments", Documents2021, 31, 205, 0, 205), // 000 line 30-33 (规范性文件)
            new("licensing", Decisions2021, 41, 0), // 000 line 40-41
            new("punishment", Decisions2021, 49, 0), // 000 line 48-49
            new("enforcement", Decisions2021, 52, 0), // 000 line 51-52
            new("fees", Fees2021, 60, 0), // 000 line 59-60
        ],
        Applications =
        [
            Zeros("newReceived", 91), // 000 line 90-97
            Zeros("carriedOver", 100), // 000 line 99-106
            Zeros("granted", 110), // 000 line 108-116
            Zeros("partiallyGranted", 120), // 000 line 119-126
            Zeros("withheld.stateSecret", 131), // 000 line 129-137
            Zeros("withheld.prohibitedByLaw", 142), // 000 line 141-148
            Zeros("withheld.securityStability", 153), // 000 line 152-159
            Zeros("withheld.thirdPartyRights", 164), // 000 line 163-170
            Zeros("withheld.internalAffairs", 175), // 000 line 174-181
            Zeros("withheld.processInformation", 186), // 000 line 185-192
            Zeros("withheld.enforcementFile", 197), // 000 line 196-203
            Zeros("withheld.administrativeQuery", 208), // 000 line 207-214
            Zeros("unableToProvide.notHeld", 219), // 000 line 217-225
            Zeros("unableToProvide.needsCreation", 230), // 000 line 229-236
            Zeros("unableToProvide.stillUnclear", 241), // 000 line 240-247
            Zeros("notProcessed.petition", 252), // 000 line 250-258
            Zeros("notProcessed.duplicate", 263), // 000 line 262-269
            Zeros("notProcessed.publication", 274), // 000 line 273-280
            Zeros("notProcessed.excessive", 285), // 000 line 284-291
            Zeros("notProcessed.confirmation", 296), // 000 line 295-302
            Zeros("otherHandling.noCorrection", 307), // 000 line 305-313
            Zeros("otherHandling.feeUnpaid", 318), // 000 line 317-324
            Zeros("otherHandling.other", 329), // 000 line 328-335
            Zeros("resultTotal", 339), // 000 line 338-345
            Zeros("carriedForward", 348), // 000 line 347-354
        ],
        ReviewLitigationLine = 410, // 000 line 410-424, after the header on lines 359-408
        ReviewLitigation = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        Findings =
        [
            // 000 line 14 在全镇各单位, line 430 我镇: a 街道 speaking as a 镇.
            new ExpectedFinding("TXT-AGENCY", []) { MessageParts = ["大洼区大洼街道", "“全镇”", "“我镇”"] },
        ],
    };

    /// <summary>锦阳路街道办事处 2020: one cell per tab-led line; the 2019 format.</summary>
    private static SeedTruth Seed001 => new()
    {
        Prefix = "001",
        Title = "铜川市耀州区锦阳路街道办事处2020年政府信息公开工作年度报告", // 001 lines 1-2
        Agency = "铜川市耀州区锦阳路街道办事处", // 001 line 1
        Year = 2020, // 001 line 2; no statistics period, no date
        Vintage = "2019",
        Published = null,
        OneCellPerLine = true,
        ActiveDisclosure =
        [
            new("regulations", Documents2019, 28, 0, 0, 0), // 001 line 27-30
            new("normativeDocuments", Documents2019, 33, 0, 0, 0), // 001 line 32-35
            new("licensing", Services2019, 45, 0, 0, 0), // 001 line 44-47
            new("otherServices", Services2019, 50, 0, 0, 0), // 001 line 49-52
            new("punishment", Services2019, 62, 0, 0, 0), // 001 line 61-64
            new("enforcement", Services2019, 67, 0, 0, 0), // 001 line 66-69
            new("fees", Fees2019, 78, 0, 0), // 001 line 77-79
            new("procurement", Procurement2019, 88, 0, 0), // 001 line 87-89 (printed 政府集中釆购)
        ],
        Applications =
        [
            new("newReceived", ApplicationsColumns, 115, 2, 0, 0, 0, 0, 0, 2), // 001 line 114-121
            Zeros("carriedOver", 124), // 001 line 123-130
            new("granted", ApplicationsColumns, 134, 1, 0, 0, 0, 0, 0, 1), // 001 line 132-140
            Zeros("partiallyGranted", 144), // 001 line 143-150
            Zeros("withheld.stateSecret", 155), // 001 line 153-161
            Zeros("withheld.prohibitedByLaw", 166), // 001 line 165-172
            Zeros("withheld.securityStability", 177), // 001 line 176-183
            Zeros("withheld.thirdPartyRights", 188), // 001 line 187-194
            Zeros("withheld.internalAffairs", 199), // 001 line 198-205
            Zeros("withheld.processInformation", 210), // 001 line 209-216
            Zeros("withheld.enforcementFile", 221), // 001 line 220-227
            Zeros("withheld.administrativeQuery", 232), // 001 line 231-238
            Zeros("unableToProvide.notHeld", 243), // 001 line 241-249
            Zeros("unableToProvide.needsCreation", 254), // 001 line 253-260
            Zeros("unableToProvide.stillUnclear", 265), // 001 line 264-271
            Zeros("notProcessed.petition", 276), // 001 line 274-282
            new("notProcessed.duplicate", ApplicationsColumns, 287, 1, 0, 0, 0, 0, 0, 1), // 001 line 286-293
            Zeros("notProcessed.publication", 298), // 001 line 297-304
            Zeros("notProcessed.excessive", 309), // 001 line 308-315
            Zeros("notProcessed.confirmation", 320), // 001 line 319-326
            Zeros("otherHandling", 330), // 001 line 329-336 (one row in the 2019 format)
            new("resultTotal", ApplicationsColumns, 340, 2, 0, 0, 0, 0, 0, 2), // 001 line 339-346
            Zeros("carriedForward", 349), // 001 line 348-355
        ],
        ReviewLitigationLine = 387, // 001 line 387-401, after the header on lines 360-385
        ReviewLitigation = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        Findings =
        [
            // 001 line 10 锦阳路街道办事处未收到信息公开申请, but line 121 newReceived.total is 2.
            new ExpectedFinding("TXT-APPLICATIONS", ["applications.newReceived.total"], 0, 2) { MessageParts = ["未收到信息公开申请"] },
        ],
    };

    /// <summary>白碱滩区政府办公室 2021: cells split by '|', one per line; the 2021 format.</summary>
    private static SeedTruth Seed002 => new()
    {
        Prefix = "002",
        Title = "2021年白碱滩区(克拉玛依高新区)政府办公室政府信息公开工作年度报告", // 002 line 1
        Agency = "白碱滩区(克拉玛依高新区)政府办公室", // 002 line 1
        Year = 2021, // 002 line 1; no statistics period, no date
        Vintage = "2021",
        Published = null,
        OneCellPerLine = true,
        ActiveDisclosure =
        [
            new("regulations", Documents2021, 22, 0, 0, 0), // 002 line 21-24
            new("normativeDocuments", Documents2021, 26, 0, 0, 0), // 002 line 25-28
            new("licensing", Decisions2021, 35, 0), // 002 line 34-35
            new("punishment", Decisions2021, 43, 0), // 002 line 42-43
            new("enforcement", Decisions2021, 46, 0), // 002 line 45-46
            new("fees", Fees2021, 54, 0), // 002 line 53-54
        ],
        Applications =
        [
            Zeros("newReceived", 70), // 002 line 69-76
            Zeros("carriedOver", 79), // 002 line 78-85
            Zeros("granted", 89), // 002 line 87-95
            Zeros("partiallyGranted", 98), // 002 line 97-104
            Zeros("withheld.stateSecret", 108), // 002 line 106-114
            Zeros("withheld.prohibitedByLaw", 117), // 002 line 116-123
            Zeros("withheld.securityStability", 126), // 002 line 125-132
            Zeros("withheld.thirdPartyRights", 135), // 002 line 134-141
            Zeros("withheld.internalAffairs", 144), // 002 line 143-150
            Zeros("withheld.processInformation", 153), // 002 line 152-159
            Zeros("withheld.enforcementFile", 162), // 002 line 161-168
            Zeros("withheld.administrativeQuery", 171), // 002 line 170-177
            Zeros("unableToProvide.notHeld", 181), // 002 line 179-187
            Zeros("unableToProvide.needsCreation", 190), // 002 line 189-196
            Zeros("unableToProvide.stillUnclear", 199), // 002 line 198-205
            Zeros("notProcessed.petition", 209), // 002 line 207-215
            Zeros("notProcessed.duplicate", 218), // 002 line 217-224
            Zeros("notProcessed.publication", 227), // 002 line 226-233
            Zeros("notProcessed.excessive", 236), // 002 line 235-242
            Zeros("notProcessed.confirmation", 245), // 002 line 244-251
            Zeros("otherHandling.noCorrection", 255), // 002 line 253-261
            Zeros("otherHandling.feeUnpaid", 264), // 002 line 263-270
            Zeros("otherHandling.other", 273), // 002 line 272-279
            Zeros("resultTotal", 282), // 002 line 281-288
            Zeros("carriedForward", 291), // 002 line 290-297
        ],
        ReviewLitigationLine = 321, // 002 line 321-335, after the header on lines 299-320
        ReviewLitigation = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        Findings = [], // 002 line 7 未收到政府信息公开申请, 无…行政复议…行政诉讼: both agree with the tables
    };

    /// <summary>南郊镇 2021: one cell per tab-led line, some cells wrapped; the 2021 format.</summary>
    private static SeedTruth Seed003 => new()
    {
        Prefix = "003",
        Title = "南郊镇2021年度政府信息公开工作年度报告", // 003 line 1
        Agency = "南郊镇", // 003 line 1
        Year = 2021, // 003 line 1, line 430 统计数据时限为2021年1月1日至2021年12月31日
        Vintage = "2021",
        Published = null,
        OneCellPerLine = true,
        ActiveDisclosure =
        [
            new("regulations", Documents2021, 24, 0, 0, 0), // 003 line 23-26
            new("normativeDocuments", Documents2021, 29, 0, 0, 0), // 003 line 28-31
            new("licensing", Decisions2021, 39, 0), // 003 line 38-39
            new("punishment", Decisions2021, 47, 0), // 003 line 46-47
            new("enforcement", Decisions2021, 50, 0), // 003 line 49-50
            new("fees", Fees2021, 58, 0), // 003 line 57-58
        ],
        Applications =
        [
            new("newReceived", ApplicationsColumns, 84, 4, 0, 0, 0, 0, 0, 4), // 003 line 83-90
            Zeros("carriedOver", 93), // 003 line 92-99
            Zeros("granted", 113), // 003 line 110-119 (三 / 、本年度办理结果 wrapped)
            Zeros("partiallyGranted", 124), // 003 line 122-130
            Zeros("withheld.stateSecret", 140), // 003 line 138-146
            Zeros("withheld.prohibitedByLaw", 151), // 003 line 150-157
            Zeros("withheld.securityStability", 162), // 003 line 161-168
            Zeros("withheld.thirdPartyRights", 173), // 003 line 172-179
            Zeros("withheld.internalAffairs", 184), // 003 line 183-190
            Zeros("withheld.processInformation", 195), // 003 line 194-201
            Zeros("withheld.enforcementFile", 206), // 003 line 205-212
            Zeros("withheld.administrativeQuery", 217), // 003 line 216-223
            new("unableToProvide.notHeld", ApplicationsColumns, 229, 2, 0, 0, 0, 0, 0, 2), // 003 line 227-235
            Zeros("unableToProvide.needsCreation", 240), // 003 line 239-246
            Zeros("unableToProvide.stillUnclear", 251), // 003 line 250-257
            new("notProcessed.petition", ApplicationsColumns, 265, 1, 0, 0, 0, 0, 0, 1), // 003 line 263-271
            Zeros("notProcessed.duplicate", 276), // 003 line 275-282
            Zeros("notProcessed.publication", 287), // 003 line 286-293
            Zeros("notProcessed.excessive", 298), // 003 line 297-304
            Zeros("notProcessed.confirmation", 310), // 003 line 308-316 (label wrapped)
            Zeros("otherHandling.noCorrection", 321), // 003 line 319-327
            Zeros("otherHandling.feeUnpaid", 334), // 003 line 333-340
            Zeros("otherHandling.other", 345), // 003 line 344-351
            new("resultTotal", ApplicationsColumns, 355, 3, 0, 0, 0, 0, 0, 3), // 003 line 354-361
            new("carriedForward", ApplicationsColumns, 364, 1, 0, 0, 0, 0, 0, 1), // 003 line 363-370
        ],
        ReviewLitigationLine = 407, // 003 line 407-421, after the header on lines 374-405
        ReviewLitigation = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        Findings =
        [
            // 003 line 426 加大“生态北郊微平台”微信公众号推广力度: another town's account.
            new ExpectedFinding("TXT-AGENCY", []) { MessageParts = ["南郊镇", "“北郊”"] },
        ],
    };

    /// <summary>汉屯路街道办事处 2023: one table row per line, cells split by tabs; the 2021 format.</summary>
    private static SeedTruth Seed004 => new()
    {
        Prefix = "004",
        Title = "西工区汉屯路街道办事处 2023 年政府信息公开工作 年度报告", // 004 line 3
        Agency = "西工区汉屯路街道办事处", // 004 line 3
        Year = 2023, // 004 line 3; no statistics period, no date
        Vintage = "2021",
        Published = null,
        OneCellPerLine = false,
        ActiveDisclosure =
        [
            new("regulations", Documents2021, 25, 0, 0, 0), // 004 line 25
            new("normativeDocuments", Documents2021, 26, 0, 0, 0), // 004 line 26
            new("licensing", Decisions2021, 29, 0), // 004 line 29
            new("punishment", Decisions2021, 32, 0), // 004 line 32
            new("enforcement", Decisions2021, 33, 0), // 004 line 33
            new("fees", Fees2021, 36, 0), // 004 line 36
        ],
        Applications =
        [
            Zeros("newReceived", 43), // 004 line 43
            Zeros("carriedOver", 44), // 004 line 44
            Zeros("granted", 45), // 004 line 45
            Zeros("partiallyGranted", 46), // 004 line 46
            Zeros("withheld.stateSecret", 47), // 004 line 47
            Zeros("withheld.prohibitedByLaw", 48), // 004 line 48
            Zeros("withheld.securityStability", 49), // 004 line 49
            Zeros("withheld.thirdPartyRights", 50), // 004 line 50
            Zeros("withheld.internalAffairs", 51), // 004 line 51
            Zeros("withheld.processInformation", 52), // 004 line 52
            Zeros("withheld.enforcementFile", 53), // 004 line 53
            Zeros("withheld.administrativeQuery", 54), // 004 line 54
            Zeros("unableToProvide.notHeld", 55), // 004 line 55
            Zeros("unableToProvide.needsCreation", 56), // 004 line 56
            Zeros("unableToProvide.stillUnclear", 57), // 004 line 57
            Zeros("notProcessed.petition", 58), // 004 line 58
            Zeros("notProcessed.duplicate", 59), // 004 line 59
            Zeros("notProcessed.publication", 60), // 004 line 60
            Zeros("notProcessed.excessive", 61), // 004 line 61
            Zeros("notProcessed.confirmation", 62), // 004 line 62
            Zeros("otherHandling.noCorrection", 63), // 004 line 63
            Zeros("otherHandling.feeUnpaid", 64), // 004 line 64
            Zeros("otherHandling.other", 65), // 004 line 65
            Zeros("resultTotal", 66), // 004 line 66
            Zeros("carriedForward", 67), // 004 line 67
        ],
        ReviewLitigationLine = 74, // 004 line 74, all 15 values on one line
        ReviewLitigation = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        Findings = [], // 004 line 13 全年未收到依申请公开件，受理申请的数量为 0 件: agrees with line 43
    };
}

/// <summary>One printed row: its key, its columns, the line of its first value, and its values.</summary>
public sealed record TruthRow(string Row, IReadOnlyList<string> Columns, int Line, params decimal[] Values);
