using Pipeline.Tests.Seeds;
using static Pipeline.Tests.Mutations.MutationRun;

namespace Pipeline.Tests.Mutations;

/// <summary>
/// TXT-APPLICATIONS, TXT-REVIEW-LITIGATION, TXT-FEES, TXT-AGENCY and TXT-PROBLEMS-EMPTY: the
/// running text changed so that it disagrees with the tables, or with the body that wrote it.
/// </summary>
public sealed class TextRuleMutationTests
{
    public static TheoryData<string, string, string, string, string, string> ApplicationClaims => new()
    {
        // seed, as printed, changed to, row it is compared with, stated, in the table
        { "003", "共接到依申请公开办件4件", "共接到依申请公开办件5件", "newReceived", "5", "4" }, // 003 line 8, table line 90
        { "003", "按要求答复3件", "按要求答复2件", "resultTotal", "2", "3" }, // 003 line 8, table line 361
        { "003", "1件转接至2022年答复", "2件转接至2022年答复", "carriedForward", "2", "1" }, // 003 line 8, table line 370
        { "002", "2021年我办未收到政府信息公开申请", "2021年我办收到政府信息公开申请3件", "newReceived", "3", "0" }, // 002 line 7, table line 76
        { "004", "受理申请的数量为 0 件", "受理申请的数量为 2 件", "newReceived", "2", "0" }, // 004 line 13, table line 43
    };

    [Theory]
    [MemberData(nameof(ApplicationClaims))]
    public void TextClaimingAnotherNumberOfApplicationsIsNamed(string seed, string printed, string changed, string row, string stated, string table)
    {
        var text = SeedText.Load(seed).ReplaceFirst(printed, changed);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("TXT-APPLICATIONS", [Address.App(row, "total")], decimal.Parse(stated, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(table, System.Globalization.CultureInfo.InvariantCulture))
            {
                MessageParts = [changed.Replace(" ", string.Empty, StringComparison.Ordinal)[..6]],
            },
        ]);
    }

    [Fact]
    public void TextCorrectedToTheTablesNumberSilencesTheFinding()
    {
        // 001 line 10 said 未收到信息公开申请 while line 121 shows 2.
        var text = SeedText.Load("001").ReplaceFirst("未收到信息公开申请", "收到信息公开申请2件");

        FindingAssert.Exactly(Check(text), []);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void TextAddedWhereNoneWasStatesReceivedAndAnswered(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).InsertAfterLine(Printed.Overview, "本年度共收到政府信息公开申请6件，办结6件。");

        var result = Check(text);

        // The table's totals (each seed's lines in SeedTruth): received and answered both differ from 6.
        FindingAssert.Exactly(result, [
            .. BaselineWithout(seed, "TXT-APPLICATIONS"),
            new ExpectedFinding("TXT-APPLICATIONS", [Address.App("newReceived", "total")], 6, t.App("newReceived", "total")),
            new ExpectedFinding("TXT-APPLICATIONS", [Address.App("resultTotal", "total")], 6, t.App("resultTotal", "total")),

            // 001 line 10 (未收到, 0 against 2) still disagrees, on its own.
            .. seed == "001" ? Baseline(seed) : [],
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void TextClaimingAReviewCaseIsComparedWithTableFour(string seed)
    {
        var text = seed == "002"
            ? SeedText.Load(seed).ReplaceFirst("无因政府信息公开申请引发行政复议和引发行政诉讼", "因政府信息公开申请引发行政复议2件，行政诉讼1件")
            : SeedText.Load(seed).InsertAfterLine(Printed.Overview, "本年度发生政府信息公开行政复议案件2件，未发生行政诉讼。");

        var result = Check(text);

        List<ExpectedFinding> expected =
        [
            .. Baseline(seed),
            new ExpectedFinding("TXT-REVIEW-LITIGATION", [Address.Review("review", "total")], 2, 0) { MessageParts = ["行政复议2件"] },
        ];
        if (seed == "002")
        {
            expected.Add(new ExpectedFinding(
                "TXT-REVIEW-LITIGATION",
                [Address.Review("litigationDirect", "total"), Address.Review("litigationAfterReview", "total")],
                1,
                0)
            {
                MessageParts = ["行政诉讼1件"],
            });
        }

        FindingAssert.Exactly(result, expected);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void TextAndTableFourChangedTogetherAgree(string seed)
    {
        var text = SeedText.Load(seed)
            .InsertAfterLine(Printed.Overview, "本年度发生政府信息公开行政复议2起，行政诉讼1起。")
            .AddToValueAfterLabel(Printed.TableFour, Printed.ReviewValue("review", "upheld"), 2)
            .AddToValueAfterLabel(Printed.TableFour, Printed.ReviewValue("review", "total"), 2)
            .AddToValueAfterLabel(Printed.TableFour, Printed.ReviewValue("litigationAfterReview", "pending"), 1)
            .AddToValueAfterLabel(Printed.TableFour, Printed.ReviewValue("litigationAfterReview", "total"), 1);

        var result = Check(text);

        // 002 line 7 still says 无…行政复议…行政诉讼: that older sentence now disagrees.
        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            .. seed == "002"
                ? [
                    new ExpectedFinding("TXT-REVIEW-LITIGATION", [Address.Review("review", "total")], 0, 2),
                    new ExpectedFinding("TXT-REVIEW-LITIGATION", [Address.Review("litigationDirect", "total"), Address.Review("litigationAfterReview", "total")], 0, 1),
                ]
                : Array.Empty<ExpectedFinding>(),
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void TextMentioningChargingNeedsAFeeStatementInSectionSix(string seed)
    {
        var text = SeedText.Load(seed).InsertAfterLine(Printed.Overview, "本年度依申请公开收取信息处理费200元。");

        var result = Check(text);

        // 002 line 342 (无收取信息处理费) and 003 line 428 (不收取任何费用) state the fees in 六;
        // 000 line 434, 001 line 407 and 004 line 82 do not.
        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            .. seed is "000" or "001" or "004"
                ? [new ExpectedFinding("TXT-FEES", []) { MessageParts = ["正文提到收费", "第六部分"] }]
                : Array.Empty<ExpectedFinding>(),
        ]);
    }

    [Theory]
    [MemberData(nameof(Format2021Seeds), MemberType = typeof(MutationRun))]
    public void AnApplicationDroppedForAnUnpaidFeeNeedsAFeeStatementInSectionSix(string seed)
    {
        // One more application carried over and dropped for an unpaid fee: every identity still holds.
        var text = SeedText.Load(seed);
        foreach (var label in new[] { Printed.CarriedOver, Printed.FeeUnpaid, Printed.ResultTotal })
        {
            text = text
                .AddToValueAfterLabel(label, Printed.Column("naturalPerson"), 1)
                .AddToValueAfterLabel(label, Printed.Column("total"), 1);
        }

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            .. seed switch
            {
                "000" or "004" => [new ExpectedFinding("TXT-FEES", [Address.App("otherHandling.feeUnpaid", "total")])
                {
                    MessageParts = ["表三“申请人逾期未按收费通知要求缴纳费用”总计为1"],
                }],

                // 003 line 8 按要求答复3件: the table now answers 4. Its 六 states the fees (line 428).
                "003" => [new ExpectedFinding("TXT-APPLICATIONS", [Address.App("resultTotal", "total")], 3, 4)],
                _ => Array.Empty<ExpectedFinding>(),
            },
        ]);
    }

    public static TheoryData<string, string, string?> SelfReferences => new()
    {
        // seed, sentence added to section 一, the word named (null: nothing wrong)
        { "001", "我镇高度重视政务公开工作。", "我镇" }, // a 街道办事处
        { "004", "我镇高度重视政务公开工作。", "我镇" }, // a 街道办事处
        { "003", "我街道高度重视政务公开工作。", "我街道" }, // a 镇
        { "003", "我镇高度重视政务公开工作。", null },
        { "002", "我镇高度重视政务公开工作。", "我镇" }, // a 政府办公室 is neither 街道 nor 镇, so it never says 我镇
        { "002", "本街道高度重视政务公开工作。", "本街道" },
        { "002", "全镇各村均设立了政务公开栏。", null }, // a district's text may speak of one whole town
        { "004", "本街道高度重视政务公开工作。", null },
    };

    [Theory]
    [MemberData(nameof(SelfReferences))]
    public void AStreetReportSpeakingAsATownIsNamed(string seed, string sentence, string? word)
    {
        var text = SeedText.Load(seed).InsertAfterLine(Printed.Overview, sentence);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            .. word is null ? Array.Empty<ExpectedFinding>() : [new ExpectedFinding("TXT-AGENCY", []) { MessageParts = ["正文却自称", $"“{word}”", SeedTruth.Get(seed).Agency] }],
        ]);
    }

    [Fact]
    public void Seed000WithItsOwnWordsRaisesNoAgencyFinding()
    {
        // 000 line 14 全镇 and line 430 我镇, put right.
        var text = SeedText.Load("000").ReplaceFirst("在全镇各单位", "在全街道各单位").ReplaceFirst("我镇政务公开", "我街道政务公开");

        FindingAssert.Exactly(Check(text), []);
    }

    [Fact]
    public void AnotherTownsAccountIsNamedWithTheOneAlreadyThere()
    {
        var text = SeedText.Load("003").InsertAfterLine(Printed.Overview, "同时关注“生态东郊微平台”发布的信息。");

        var result = Check(text);

        FindingAssert.Exactly(result, [new ExpectedFinding("TXT-AGENCY", []) { MessageParts = ["其他单位的名称", "“东郊”", "“北郊”"] }]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void AnEmptySectionFiveIsNamed(string seed)
    {
        var text = SeedText.Load(seed).EmptySection(Printed.Problems, Printed.Other);

        var result = Check(text);

        List<ExpectedFinding> expected = [new ExpectedFinding("TXT-PROBLEMS-EMPTY", []) { MessageParts = ["第五部分", "（空白）"] }];
        expected.AddRange(seed switch
        {
            // 000: line 430 我镇 went with 五; line 14 全镇 remains. 003: 北郊 (line 426) went with 五.
            "000" => [new ExpectedFinding("TXT-AGENCY", []) { MessageParts = ["“全镇”"] }],
            "001" => Baseline(seed),
            _ => [],
        });
        FindingAssert.Exactly(result, expected);
    }

    [Theory]
    [InlineData("000", "无")]
    [InlineData("002", "暂无。")]
    [InlineData("004", "无。")]
    [InlineData("001", "/")]
    public void ASectionFiveThatOnlySaysNoneIsNamed(string seed, string none)
    {
        var text = SeedText.Load(seed).EmptySection(Printed.Problems, Printed.Other).InsertAfterLine(Printed.Problems, none);

        var result = Check(text);

        List<ExpectedFinding> expected = [new ExpectedFinding("TXT-PROBLEMS-EMPTY", []) { MessageParts = [$"（{none}）"] }];
        expected.AddRange(seed switch
        {
            "000" => [new ExpectedFinding("TXT-AGENCY", []) { MessageParts = ["“全镇”"] }],
            "001" => Baseline(seed),
            _ => [],
        });
        FindingAssert.Exactly(result, expected);
    }
}
