using Pipeline.Tests.Seeds;
using static Pipeline.Tests.Mutations.MutationRun;

namespace Pipeline.Tests.Mutations;

/// <summary>
/// T3-ROW-TOTAL, T3-BALANCE, T3-RESULT-SUM, T4-GROUP-TOTAL, NUM-FORM and CELL-BLANK: one cell or a
/// few cells of a seed changed, and exactly the findings that change implies, on exactly its cells.
/// </summary>
public sealed class TableRuleMutationTests
{
    private static readonly string[] Parts = [.. SeedTruth.ApplicationsColumns.Take(6)];

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void RaisingANewReceivedPartBreaksItsRowTotalAndItsColumnBalance(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).AddToValueAfterLabel(Printed.NewReceived, Printed.Column("naturalPerson"), 5);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("T3-ROW-TOTAL", Address.AppRow("newReceived"), PartsSum(t, "newReceived") + 5, t.App("newReceived", "total"))
            {
                MessageParts = ["一、本年新收政府信息公开申请数量", $"({PartsSum(t, "newReceived") + 5})", $"({t.App("newReceived", "total")})"],
            },
            new ExpectedFinding(
                "T3-BALANCE",
                Address.Balance("naturalPerson"),
                t.App("newReceived", "naturalPerson") + 5 + t.App("carriedOver", "naturalPerson"),
                t.App("resultTotal", "naturalPerson") + t.App("carriedForward", "naturalPerson"))
            {
                MessageParts = ["“自然人”列"],
            },
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void RaisingNewReceivedTotalBreaksRowAndColumnAndContradictsTheTextWhereItStatesANumber(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).AddToValueAfterLabel(Printed.NewReceived, Printed.Column("total"), 1);
        var total = t.App("newReceived", "total") + 1;

        var result = Check(text);

        List<ExpectedFinding> expected =
        [
            .. BaselineWithout(seed, "TXT-APPLICATIONS"),
            new ExpectedFinding("T3-ROW-TOTAL", Address.AppRow("newReceived"), PartsSum(t, "newReceived"), total),
            new ExpectedFinding(
                "T3-BALANCE",
                Address.Balance("total"),
                total + t.App("carriedOver", "total"),
                t.App("resultTotal", "total") + t.App("carriedForward", "total"))
            {
                MessageParts = ["“总计”列"],
            },
        ];

        // What each text states about applications received (000 states nothing).
        decimal? stated = seed switch
        {
            "001" => 0, // 001 line 10 未收到信息公开申请
            "002" => 0, // 002 line 7 未收到政府信息公开申请
            "003" => 4, // 003 line 8 共接到依申请公开办件4件
            "004" => 0, // 004 line 13 全年未收到依申请公开件，受理申请的数量为 0 件
            _ => null,
        };
        if (stated is { } n)
        {
            expected.Add(new ExpectedFinding("TXT-APPLICATIONS", [Address.App("newReceived", "total")], n, total));
        }

        FindingAssert.Exactly(result, expected);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void RaisingAResultPartBreaksItsRowTotalAndItsColumnsResultSum(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).AddToValueAfterLabel(Printed.Granted, Printed.Column("commercial"), 3);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("T3-ROW-TOTAL", Address.AppRow("granted"), PartsSum(t, "granted") + 3, t.App("granted", "total"))
            {
                MessageParts = ["（一）予以公开"],
            },
            new ExpectedFinding(
                "T3-RESULT-SUM",
                Address.ResultSum("commercial", t.IsFormat2019),
                ResultSum(t, "commercial") + 3,
                t.App("resultTotal", "commercial"))
            {
                MessageParts = ["“商业企业”列", $"({ResultSum(t, "commercial") + 3})"],
            },
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void RaisingAResultRowConsistentlyBreaksOnlyTheResultSumOfItsTwoColumns(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed)
            .AddToValueAfterLabel(Printed.StateSecret, Printed.Column("naturalPerson"), 1)
            .AddToValueAfterLabel(Printed.StateSecret, Printed.Column("total"), 1);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("T3-RESULT-SUM", Address.ResultSum("naturalPerson", t.IsFormat2019), ResultSum(t, "naturalPerson") + 1, t.App("resultTotal", "naturalPerson")),
            new ExpectedFinding("T3-RESULT-SUM", Address.ResultSum("total", t.IsFormat2019), ResultSum(t, "total") + 1, t.App("resultTotal", "total")),
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void RaisingCarriedForwardConsistentlyBreaksTheBalanceOfItsTwoColumns(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed)
            .AddToValueAfterLabel(Printed.CarriedForward, Printed.Column("naturalPerson"), 1)
            .AddToValueAfterLabel(Printed.CarriedForward, Printed.Column("total"), 1);

        var result = Check(text);

        List<ExpectedFinding> expected =
        [
            .. Baseline(seed),
            new ExpectedFinding(
                "T3-BALANCE",
                Address.Balance("naturalPerson"),
                t.App("newReceived", "naturalPerson") + t.App("carriedOver", "naturalPerson"),
                t.App("resultTotal", "naturalPerson") + t.App("carriedForward", "naturalPerson") + 1),
            new ExpectedFinding(
                "T3-BALANCE",
                Address.Balance("total"),
                t.App("newReceived", "total") + t.App("carriedOver", "total"),
                t.App("resultTotal", "total") + t.App("carriedForward", "total") + 1),
        ];
        if (seed == "003")
        {
            // 003 line 8: 1件转接至2022年答复 — now the table says 2.
            expected.Add(new ExpectedFinding("TXT-APPLICATIONS", [Address.App("carriedForward", "total")], 1, 2));
        }

        FindingAssert.Exactly(result, expected);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void AnApplicationAddedConsistentlyEverywhereBreaksNoIdentity(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed);
        foreach (var label in new[] { Printed.NewReceived, Printed.Granted, Printed.ResultTotal })
        {
            text = text
                .AddToValueAfterLabel(label, Printed.Column("naturalPerson"), 1)
                .AddToValueAfterLabel(label, Printed.Column("total"), 1);
        }

        var result = Check(text);

        // Only the text can disagree now: what each seed states about received and answered.
        var received = t.App("newReceived", "total") + 1;
        List<ExpectedFinding> expected = [.. BaselineWithout(seed, "TXT-APPLICATIONS")];
        expected.AddRange(seed switch
        {
            "001" or "002" or "004" => [new ExpectedFinding("TXT-APPLICATIONS", [Address.App("newReceived", "total")], 0, received)],
            "003" =>
            [
                new ExpectedFinding("TXT-APPLICATIONS", [Address.App("newReceived", "total")], 4, 5),
                new ExpectedFinding("TXT-APPLICATIONS", [Address.App("resultTotal", "total")], 3, 4),
            ],
            _ => [],
        });
        FindingAssert.Exactly(result, expected);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void RaisingAReviewPartBreaksTheReviewGroupTotal(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).AddToValueAfterLabel(Printed.TableFour, Printed.ReviewValue("review", "upheld"), 1);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("T4-GROUP-TOTAL", Address.ReviewGroup("review"), ReviewParts(t, "review") + 1, t.Review("review", "total"))
            {
                MessageParts = ["表四“行政复议”"],
            },
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void RaisingALitigationTotalBreaksItsGroupAndContradictsATextThatSaysNone(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).AddToValueAfterLabel(Printed.TableFour, Printed.ReviewValue("litigationAfterReview", "total"), 2);

        var result = Check(text);

        List<ExpectedFinding> expected =
        [
            .. Baseline(seed),
            new ExpectedFinding(
                "T4-GROUP-TOTAL",
                Address.ReviewGroup("litigationAfterReview"),
                ReviewParts(t, "litigationAfterReview"),
                t.Review("litigationAfterReview", "total") + 2)
            {
                MessageParts = ["行政诉讼（复议后起诉）"],
            },
        ];
        if (seed == "002")
        {
            // 002 line 7: 无因政府信息公开申请引发行政复议和引发行政诉讼 — the table now shows 2 suits.
            expected.Add(new ExpectedFinding(
                "TXT-REVIEW-LITIGATION",
                [Address.Review("litigationDirect", "total"), Address.Review("litigationAfterReview", "total")],
                0,
                2)
            {
                MessageParts = ["行政诉讼"],
            });
        }

        FindingAssert.Exactly(result, expected);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void AFractionInTableThreeIsNotACountAndStillBreaksTheSums(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).ReplaceValueAfterLabel(Printed.NewReceived, Printed.Column("naturalPerson"), "1.5");
        var parts = PartsSum(t, "newReceived") - t.App("newReceived", "naturalPerson") + 1.5m;

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("NUM-FORM", [Address.App("newReceived", "naturalPerson")])
            {
                MessageParts = ["表三“一、本年新收政府信息公开申请数量”行“自然人”列", "“1.5”", "不是非负整数"],
            },
            new ExpectedFinding("T3-ROW-TOTAL", Address.AppRow("newReceived"), parts, t.App("newReceived", "total")),
            new ExpectedFinding(
                "T3-BALANCE",
                Address.Balance("naturalPerson"),
                1.5m + t.App("carriedOver", "naturalPerson"),
                t.App("resultTotal", "naturalPerson") + t.App("carriedForward", "naturalPerson")),
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void ANegativeCountIsNotACountAndStillBreaksTheSums(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).ReplaceValueAfterLabel(Printed.CarriedForward, Printed.Column("commercial"), "-1");

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("NUM-FORM", [Address.App("carriedForward", "commercial")]) { MessageParts = ["“-1”"] },
            new ExpectedFinding("T3-ROW-TOTAL", Address.AppRow("carriedForward"), PartsSum(t, "carriedForward") - t.App("carriedForward", "commercial") - 1, t.App("carriedForward", "total")),
            new ExpectedFinding(
                "T3-BALANCE",
                Address.Balance("commercial"),
                t.App("newReceived", "commercial") + t.App("carriedOver", "commercial"),
                t.App("resultTotal", "commercial") - 1),
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void ACountWithAUnitIsReadAsTheRowsValueAndNamedByNumForm(string seed)
    {
        // "3件" is a value a clerk typed with its unit, not a label: the row keeps all its cells,
        // the cell is not a plain count, and the sums it takes part in cannot be checked.
        var text = SeedText.Load(seed).ReplaceValueAfterLabel(Printed.Granted, Printed.Column("research"), "3件");

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("NUM-FORM", [Address.App("granted", "research")]) { MessageParts = ["“3件”", "不是非负整数"] },
        ]);
        FindingAssert.Unchecked(result, "T3-ROW-TOTAL", [Address.App("granted", "research")]);
        FindingAssert.Unchecked(result, "T3-RESULT-SUM", [Address.App("granted", "research")]);
        Assert.Null(result.Tables["applications"]["granted"]["research"]);
        Assert.Equal("3件", result.Cells[Address.App("granted", "research")].Text);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void AFractionInTableFourBreaksItsGroupToo(string seed)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).ReplaceValueAfterLabel(Printed.TableFour, Printed.ReviewValue("review", "pending"), "0.5");

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("NUM-FORM", [Address.Review("review", "pending")]) { MessageParts = ["表四“行政复议”行“尚未审结”列", "“0.5”"] },
            new ExpectedFinding("T4-GROUP-TOTAL", Address.ReviewGroup("review"), ReviewParts(t, "review") - t.Review("review", "pending") + 0.5m, t.Review("review", "total")),
        ]);
    }

    public static TheoryData<string, string, string> TableTwoForms => new()
    {
        // seed, column position after 规章, text: a count written as a fraction.
        { "000", "0", "2.5" },
        { "001", "0", "2.5" },
        { "002", "1", "2.5" },
        { "003", "2", "-2" },
        { "004", "0", "2.5" },
    };

    [Theory]
    [MemberData(nameof(TableTwoForms))]
    public void ABadCountInTableTwoIsNamedByNumFormAlone(string seed, string position, string written)
    {
        var t = SeedTruth.Get(seed);
        var index = int.Parse(position, System.Globalization.CultureInfo.InvariantCulture);
        var column = t.ActiveDisclosure.Single(r => r.Row == "regulations").Columns[index];
        var text = SeedText.Load(seed).ReplaceValueAfterLabel(Printed.Regulations, index, written);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("NUM-FORM", [Address.Disclosure("regulations", column)]) { MessageParts = ["表二“规章”行", $"“{written}”", "不是非负整数"] },
        ]);
    }

    [Theory]
    [MemberData(nameof(Format2021Seeds), MemberType = typeof(MutationRun))]
    public void ANegativeFeeAmountIsNotMoney(string seed)
    {
        var text = SeedText.Load(seed).ReplaceValueAfterLabel(Printed.Fees, 0, "-3");

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("NUM-FORM", [Address.Disclosure("fees", "amount")]) { MessageParts = ["“-3”", "不是非负的金额数字"] },
        ]);
    }

    [Theory]
    [InlineData("2.5", true)]
    [InlineData("减4", false)]
    [InlineData("-4", false)]
    [InlineData("+2", false)]
    [InlineData("增加2", false)]
    public void TheChangeColumnOfTheFormat2019TakesASignedWholeNumber(string written, bool wrong)
    {
        // 001 line 78-79: 行政事业性收费 0 0 (上一年项目数量, 本年增/减).
        var text = SeedText.Load("001").ReplaceValueAfterLabel(Printed.Fees, 1, written);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline("001"),
            .. wrong ? [new ExpectedFinding("NUM-FORM", [Address.Disclosure("fees", "change")]) { MessageParts = ["不是整数增减数"] }] : Array.Empty<ExpectedFinding>(),
        ]);
        if (!wrong)
        {
            Assert.Equal(written.StartsWith('减') || written.StartsWith('-') ? -4 : 2, result.Tables["activeDisclosure"]["fees"]["change"]);
        }
    }

    [Theory]
    [InlineData("12.5万元", null)]
    [InlineData("8000元", null)]
    [InlineData("-1", "不是非负的金额数字")]
    public void TheProcurementAmountOfTheFormat2019IsMoneyInEitherUnit(string written, string? problem)
    {
        // 001 line 87-89: 政府集中釆购 0 0 (采购项目数量, 采购总金额).
        var text = SeedText.Load("001").ReplaceValueAfterLabel(Printed.Procurement, 1, written);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline("001"),
            .. problem is null ? Array.Empty<ExpectedFinding>() : [new ExpectedFinding("NUM-FORM", [Address.Disclosure("procurement", "amount")]) { MessageParts = [problem] }],
        ]);
    }

    public static TheoryData<string, string, string> Blanks()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var seed in AllSeeds)
        {
            foreach (var mark in new[] { "", "/", "-", "无" })
            {
                foreach (var cell in new[] { "newReceived.commercial", "withheld.stateSecret.research", "resultTotal.total", "review.pending" })
                {
                    data.Add(seed, mark, cell);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blanks))]
    public void ABlankCellIsNamedAndTheSumsItTakesPartInSayTheyCannotBeChecked(string seed, string mark, string cell)
    {
        var t = SeedTruth.Get(seed);
        var (address, text, dependent) = cell switch
        {
            "newReceived.commercial" => (
                Address.App("newReceived", "commercial"),
                SeedText.Load(seed).ReplaceValueAfterLabel(Printed.NewReceived, Printed.Column("commercial"), mark),
                new[] { "T3-ROW-TOTAL", "T3-BALANCE" }),
            "withheld.stateSecret.research" => (
                Address.App("withheld.stateSecret", "research"),
                SeedText.Load(seed).ReplaceValueAfterLabel(Printed.StateSecret, Printed.Column("research"), mark),
                ["T3-ROW-TOTAL", "T3-RESULT-SUM"]),
            "resultTotal.total" => (
                Address.App("resultTotal", "total"),
                SeedText.Load(seed).ReplaceValueAfterLabel(Printed.ResultTotal, Printed.Column("total"), mark),
                ["T3-ROW-TOTAL", "T3-BALANCE", "T3-RESULT-SUM"]),
            _ => (
                Address.Review("review", "pending"),
                SeedText.Load(seed).ReplaceValueAfterLabel(Printed.TableFour, Printed.ReviewValue("review", "pending"), mark),
                ["T4-GROUP-TOTAL"]),
        };

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("CELL-BLANK", [address]) { MessageParts = [$"（{(mark.Length == 0 ? "空白" : mark)}）", "没有填写数字"] },
        ]);
        foreach (var rule in dependent)
        {
            FindingAssert.Unchecked(result, rule, [address]);
        }

        var (table, row, column) = Split(address);
        Assert.Null(result.Tables[table][row][column]);
        Assert.Equal(mark, result.Cells[address].Text);
        if (address == Address.App("resultTotal", "total") && seed == "003")
        {
            // 003 line 8 states 3 answered: the text cannot be compared with a blank total.
            FindingAssert.Unchecked(result, "TXT-APPLICATIONS", [address]);
        }

        Assert.Equal(t.Vintage, result.Vintage);
    }

    private static (string Table, string Row, string Column) Split(string address)
    {
        var first = address.IndexOf('.', StringComparison.Ordinal);
        var last = address.LastIndexOf('.');
        return (address[..first], address[(first + 1)..last], address[(last + 1)..]);
    }

    private static decimal PartsSum(SeedTruth t, string row) => Parts.Sum(c => t.App(row, c));

    private static decimal ResultSum(SeedTruth t, string column) => Address.ResultRows(t.IsFormat2019).Sum(r => t.App(r, column));

    private static decimal ReviewParts(SeedTruth t, string group) => SeedTruth.ReviewColumns.Take(4).Sum(c => t.Review(group, c));
}
