using Pipeline.Tests.Seeds;
using static Pipeline.Tests.Mutations.MutationRun;

namespace Pipeline.Tests.Mutations;

/// <summary>
/// DOC-SECTIONS, DOC-TABLES, DOC-YEAR, DOC-VINTAGE and DOC-LATE: headings dropped or moved, rows
/// and tables removed or cut short, years and dates changed, labels of the other format used.
/// </summary>
public sealed class DocumentRuleMutationTests
{
    private static readonly (string Key, string Numeral, string Title, string Heading)[] SectionHeadings =
    [
        ("overview", "一", "总体情况", "一、总体情况"),
        ("activeDisclosure", "二", "主动公开政府信息", "二、主动公开政府信息情况"),
        ("applications", "三", "收到和处理政府信息公开申请", "三、收到和处理政府信息公开申请情况"),
        ("reviewLitigation", "四", "政府信息公开行政复议", "四、政府信息公开行政复议、行政诉讼情况"),
        ("problems", "五", "存在的主要问题", "五、存在的主要问题及改进情况"),
        ("other", "六", "其他需要报告的事项", "六、其他需要报告的事项"),
    ];

    public static TheoryData<string, string> DroppedHeadings()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in AllSeeds)
        {
            foreach (var section in SectionHeadings)
            {
                // The text under a dropped 一 heading leaves the narrative; seeds whose findings
                // rest on that text are covered by DroppingTheOverviewHeadingKeepsItsTextInTheNarrative.
                if (section.Key == "overview" && seed is "000" or "001")
                {
                    continue;
                }

                data.Add(seed, section.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DroppedHeadings))]
    public void ADroppedHeadingIsAMissingSectionAndNothingElse(string seed, string key)
    {
        var section = SectionHeadings.Single(s => s.Key == key);
        var text = SeedText.Load(seed).RemoveHeading(section.Numeral, section.Title);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-SECTIONS", []) { MessageParts = ["报告缺少以下部分", $"“{section.Heading}”"] },
        ]);
        Assert.Equal(SeedTruth.Sections.Where(s => s != key), result.Sections);

        // The tables are still found by their own labels, under whichever heading comes before.
        Assert.Equal(["activeDisclosure", "applications", "reviewLitigation"], result.Tables.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    public void DroppingTheOverviewHeadingKeepsItsTextInTheNarrative(string seed)
    {
        var text = SeedText.Load(seed).RemoveHeading("一", "总体情况");

        var result = Check(text);

        // 000 line 14 全镇 and 001 line 10 未收到信息公开申请 are still the report's text.
        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-SECTIONS", []) { MessageParts = ["“一、总体情况”"] },
        ]);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void SectionsFiveAndSixInTheWrongOrderAreNamed(string seed)
    {
        var text = SeedText.Load(seed).SwapLines(Printed.Problems, Printed.Other);

        var result = Check(text);

        List<ExpectedFinding> expected =
        [
            .. Baseline(seed),
            new ExpectedFinding("DOC-SECTIONS", []) { MessageParts = ["位置不对", "五、存在的主要问题及改进情况"] },
        ];

        // Section 五 now holds what section 六 held, and section 六 what 五 held.
        expected.AddRange(seed switch
        {
            // 001 line 407 六、无其他需要报告的事项 was the whole of 六: 五 is now empty.
            "001" => [new ExpectedFinding("TXT-PROBLEMS-EMPTY", []) { MessageParts = ["（空白）"] }],

            // 004 line 82: 六 said 无, which is now 五's text.
            "004" => [new ExpectedFinding("TXT-PROBLEMS-EMPTY", []) { MessageParts = ["（无）"] }],

            // 002 line 342 (信息处理费) and 003 line 428 (不收取任何费用) speak of charging, but now
            // under 五, and the new 六 (the old 五) says nothing of fees.
            "002" or "003" => [new ExpectedFinding("TXT-FEES", []) { MessageParts = ["正文提到收费"] }],
            _ => [],
        });
        FindingAssert.Exactly(result, expected);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void ARemovedTableThreeRowIsNamedAndTheBalanceCannotBeChecked(string seed)
    {
        var text = SeedText.Load(seed).RemoveRow(Printed.CarriedOver, 7);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-TABLES", Address.AppRow("carriedOver")) { MessageParts = ["表三缺少以下行", "“二、上年结转政府信息公开申请数量”"] },
        ]);
        foreach (var column in SeedTruth.ApplicationsColumns)
        {
            FindingAssert.Unchecked(result, "T3-BALANCE", [Address.App("carriedOver", column)]);
        }

        Assert.False(result.Tables["applications"].ContainsKey("carriedOver"));
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void ARemovedResultRowIsNamedAndTheResultSumCannotBeChecked(string seed)
    {
        var text = SeedText.Load(seed).RemoveRow(Printed.Duplicate, 7);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-TABLES", Address.AppRow("notProcessed.duplicate")) { MessageParts = ["“（五）不予处理 2.重复申请”"] },
        ]);
        FindingAssert.Unchecked(result, "T3-RESULT-SUM", [Address.App("notProcessed.duplicate", "total")]);
        var t = SeedTruth.Get(seed);
        Assert.Equal(SeedTruth.ApplicationsRows(t.IsFormat2019).Count - 1, result.Tables["applications"].Count);
    }

    public static TheoryData<string, string, string> TableTwoRows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var seed in AllSeeds)
        {
            data.Add(seed, "regulations", Printed.Regulations);
            data.Add(seed, "enforcement", Printed.Enforcement);

            // The only row of an item, or its last: the next item's header must not run on from this one's.
            data.Add(seed, "licensing", "行政许可");
            data.Add(seed, "fees", Printed.Fees);
        }

        data.Add("001", "otherServices", "其他对外管理服务事项");
        data.Add("001", "procurement", Printed.Procurement);
        return data;
    }

    [Theory]
    [MemberData(nameof(TableTwoRows))]
    public void ARemovedTableTwoRowIsNamed(string seed, string row, string label)
    {
        var t = SeedTruth.Get(seed);
        var columns = t.ActiveDisclosure.Single(r => r.Row == row).Columns;
        var text = SeedText.Load(seed).RemoveRow(label, columns.Count);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-TABLES", [.. columns.Select(c => Address.Disclosure(row, c))]) { MessageParts = ["表二缺少以下行"] },
        ]);

        // Every other row keeps exactly its own columns.
        foreach (var other in t.ActiveDisclosure.Where(r => r.Row != row))
        {
            Assert.Equal(other.Columns.Order(StringComparer.Ordinal), result.Tables["activeDisclosure"][other.Row].Keys.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void TableFourWithoutItsLastGroupNamesTheMissingRow(string seed)
    {
        var text = SeedText.Load(seed).RemoveValuesAfterLabel(Printed.TableFour, 10, 5);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-TABLES", Address.ReviewGroup("litigationAfterReview")) { MessageParts = ["表四缺少以下行：“行政诉讼（复议后起诉）”"] },
        ]);
        FindingAssert.Unchecked(result, "T4-GROUP-TOTAL", Address.ReviewGroup("litigationAfterReview"));
        Assert.Equal(["litigationDirect", "review"], result.Tables["reviewLitigation"].Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Tables["reviewLitigation"].Values.SelectMany(r => r.Values), v => Assert.Equal(0, v));
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void TableFourCutShortNamesTheMissingCells(string seed)
    {
        var text = SeedText.Load(seed).RemoveValuesAfterLabel(Printed.TableFour, 12, 3);

        var result = Check(text);

        string[] missing = [Address.Review("litigationAfterReview", "other"), Address.Review("litigationAfterReview", "pending"), Address.Review("litigationAfterReview", "total")];
        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-TABLES", missing) { MessageParts = ["表四“行政诉讼（复议后起诉）”行缺少“其他结果”、“尚未审结”、“总计”的数字"] },
        ]);
        FindingAssert.Unchecked(result, "T4-GROUP-TOTAL", missing);
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void AReportWithoutTableFourIsMissingATable(string seed)
    {
        var text = SeedText.Load(seed).RemoveLinesAfter(Printed.TableFour, Printed.Problems);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-TABLES", []) { MessageParts = ["报告缺少表四"] },
        ]);
        Assert.False(result.Tables.ContainsKey("reviewLitigation"));
        if (seed == "002")
        {
            // 002 line 7 states no review and no suit: with no table 四 that cannot be compared.
            Assert.Contains(result.Findings, f => f.Rule == "TXT-REVIEW-LITIGATION" && !f.Checked);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds), MemberType = typeof(MutationRun))]
    public void AnUploadCutOffInsideTableFourLosesItsLastRowAndSectionsFiveAndSix(string seed)
    {
        var text = SeedText.Load(seed).CutAfterValue(Printed.TableFour, 9);

        var result = Check(text);

        List<ExpectedFinding> expected =
        [
            .. BaselineWithout(seed, "TXT-AGENCY"),
            new ExpectedFinding("DOC-SECTIONS", []) { MessageParts = ["“五、存在的主要问题及改进情况”、“六、其他需要报告的事项”"] },
            new ExpectedFinding("DOC-TABLES", Address.ReviewGroup("litigationAfterReview")),
        ];
        if (seed == "000")
        {
            // 000 line 14 全镇 is still there; line 430 我镇 was cut off. 003's 北郊 (line 426) went with 五.
            expected.Add(new ExpectedFinding("TXT-AGENCY", []) { MessageParts = ["“全镇”"] });
        }

        FindingAssert.Exactly(result, expected);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("我镇", StringComparison.Ordinal));
        Assert.Equal(SeedTruth.Get(seed).Year, result.Year);
    }

    public static TheoryData<string, string, string, string, string> TitleYears => new()
    {
        // seed, as printed, changed to, the year the report is then taken to be, the finding
        { "000", "2021年度政府信息公开工作报告", "2020年度政府信息公开工作报告", "2021", "title" }, // period (line 5) and date (line 438) say 2021
        { "003", "南郊镇2021年度", "南郊镇2020年度", "2021", "title" }, // period (line 430) says 2021
        { "001", "2020年政府信息公开", "2019年政府信息公开", "2019", "none" }, // nothing else states a year; 2019 keeps the 2019 format
        { "004", "2023 年政府信息公开工作 年度", "2022 年政府信息公开工作 年度", "2022", "none" },
        { "001", "2020年政府信息公开", "2021年政府信息公开", "2021", "vintage" }, // a 2021 report in the 2019 format
        { "002", "2021年白碱滩区", "2020年白碱滩区", "2020", "vintage" }, // a 2020 report in the 2021 format
        { "004", "2023 年政府信息公开工作 年度", "2020 年政府信息公开工作 年度", "2020", "vintage" },
    };

    [Theory]
    [MemberData(nameof(TitleYears))]
    public void AChangedTitleYearDisagreesWithTheRestOrChangesTheExpectedFormat(string seed, string printed, string changed, string year, string finding)
    {
        var text = SeedText.Load(seed).ReplaceFirst(printed, changed);
        var stated = System.Text.RegularExpressions.Regex.Match(changed, @"\d{4}").Value;

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            .. finding switch
            {
                "title" => [new ExpectedFinding("DOC-YEAR", []) { MessageParts = [$"标题中的年度（{stated}年）", $"（{year}年）"] }],
                "vintage" => [new ExpectedFinding("DOC-VINTAGE", [])
                {
                    MessageParts = [$"{year}年度报告应使用{(year == "2021" ? "2021年版格式" : "2019年版格式")}", $"表格使用的是{(year == "2021" ? "2019年版格式" : "2021年版格式")}"],
                }],
                _ => Array.Empty<ExpectedFinding>(),
            },
        ]);
        Assert.Equal(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), result.Year);
        Assert.Equal(SeedTruth.Get(seed).Vintage, result.Vintage);
    }

    public static TheoryData<string, string, string, string> PeriodYears => new()
    {
        // seed, the period as printed (or the title line to add one after), the new period, the line the message names
        { "000", "统计期限为2021年1月1日至12月31日", "统计期限为2020年1月1日至12月31日", "第5行" }, // 000 line 5
        { "000", "统计期限为2021年1月1日至12月31日", "统计期限为2020年]月1日至12月3]1日", "第5行" }, // as a worn scan reads the 1s
        { "003", "统计数据时限为2021年1月1日至2021年12月31日", "统计数据时限为2020年1月1日至2021年12月31日", "第430行" }, // 003 line 430
        { "001", "2020年政府信息公开工作年度报告", "本报告统计期限为2019年1月1日至2019年12月31日。", "第3行" }, // after 001 line 2
        { "002", "2021年白碱滩区", "本报告统计期限为2020年1月1日至2020年12月31日。", "第2行" }, // after 002 line 1
        { "004", "西工区汉屯路街道办事处 2023 年", "本报告统计期限为2022年1月1日至2022年12月31日。", "第4行" }, // after 004 line 3
    };

    [Theory]
    [MemberData(nameof(PeriodYears))]
    public void AStatisticsPeriodOfAnotherYearIsNamedWhereItIsPrinted(string seed, string printed, string period, string where)
    {
        var t = SeedTruth.Get(seed);
        var text = printed.StartsWith("统计", StringComparison.Ordinal)
            ? SeedText.Load(seed).ReplaceFirst(printed, period)
            : SeedText.Load(seed).InsertAfterLine(printed, period);

        var result = Check(text);

        // One statement of another year against the title (and, in 000, the date): the title's year stands.
        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-YEAR", []) { MessageParts = [$"统计期限中的年度（{t.Year - 1}年）与报告年度（{t.Year}年）不一致", where] },
        ]);
        Assert.Equal(t.Year, result.Year);
    }

    public static TheoryData<string, string, string> PublishedInTheReportYear => new()
    {
        { "000", "replace", "2021年1月24日" }, // 000 line 438 was 2022年1月24日
        { "002", "append", "2021年12月30日" },
        { "004", "append", "2023年12月30日" },
    };

    [Theory]
    [MemberData(nameof(PublishedInTheReportYear))]
    public void APublicationDateWithinTheReportYearIsAWrongYear(string seed, string how, string date)
    {
        var t = SeedTruth.Get(seed);
        var text = how == "replace" ? SeedText.Load(seed).ReplaceFirst("2022年1月24日", date) : SeedText.Load(seed).Append(date);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-YEAR", []) { MessageParts = [$"发布日期“{date}”不晚于报告年度（{t.Year}年）"] },
        ]);
        Assert.Equal(t.Year, result.Year);
    }

    public static TheoryData<string, string, string> ForeignLabels => new()
    {
        // seed, label as printed, the other format's label for the same column
        { "000", "本年制发件数", "本年新制作数量" },
        { "002", "本年制发件数", "本年新制作数量" },
        { "003", "本年处理决定数量", "处理决定数量" },
        { "004", "本年制发件数", "本年新制作数量" },
        { "004", "本年处理决定数量", "处理决定数量" },
        { "001", "本年新制作数量", "本年制发件数" },
        { "001", "处理决定数量", "本年处理决定数量" },
    };

    [Theory]
    [MemberData(nameof(ForeignLabels))]
    public void ALabelOfTheOtherFormatIsNamedAsMixed(string seed, string printed, string foreign)
    {
        var t = SeedTruth.Get(seed);
        var text = SeedText.Load(seed).ReplaceFirst(printed, foreign);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-VINTAGE", []) { MessageParts = ["表格混用了两种格式", $"{t.Year}年度报告", $"“{foreign}”"] },
        ]);
        Assert.Equal(t.Vintage, result.Vintage);
    }

    [Theory]
    [MemberData(nameof(Format2021Seeds), MemberType = typeof(MutationRun))]
    public void TableThreeInThe2019LayoutOfOtherHandlingIsNamedAsMixed(string seed)
    {
        // （六）其他处理 as one row, as the 2019 format prints it: its first sub-row's label goes,
        // so its values follow （六）其他处理 itself, and the other two sub-rows go.
        var text = SeedText.Load(seed)
            .RemoveCell("1.申请人无正当理由逾期不补正")
            .RemoveRow(Printed.FeeUnpaid, 7)
            .RemoveRow("3.其他", 7);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            new ExpectedFinding("DOC-VINTAGE", []) { MessageParts = ["表格混用了两种格式", "其他处理”"] },
        ]);
        var rows = result.Tables["applications"].Keys.ToList();
        Assert.Contains("otherHandling", rows);
        Assert.DoesNotContain(rows, r => r.StartsWith("otherHandling.", StringComparison.Ordinal));
        Assert.Equal("2021", result.Vintage);
    }

    public static TheoryData<string, string, string?, string> LateDates => new()
    {
        // seed, publication date, deadline (null: on time), days late
        { "000", "2022年3月1日", "2022年1月31日", "29" }, // replaces 000 line 438
        { "001", "2021年3月1日", "2021年1月31日", "29" },
        { "002", "2022年3月15日", "2022年1月31日", "43" },
        { "003", "2022年2月1日", "2022年1月31日", "1" },
        { "004", "2024年3月1日", "2024年1月31日", "30" }, // 2024 is a leap year
        { "004", "2024年1月31日", null, "0" }, // on the day itself
        { "003", "2022年1月10日", null, "0" },
    };

    [Theory]
    [MemberData(nameof(LateDates))]
    public void APublicationDateAfterTheDeadlineIsLate(string seed, string date, string? deadline, string days)
    {
        var text = seed == "000" ? SeedText.Load(seed).ReplaceFirst("2022年1月24日", date) : SeedText.Load(seed).Append(date);

        var result = Check(text);

        FindingAssert.Exactly(result, [
            .. Baseline(seed),
            .. deadline is null
                ? Array.Empty<ExpectedFinding>()
                : [new ExpectedFinding("DOC-LATE", []) { MessageParts = [$"发布日期{date}晚于法定期限{deadline}（晚{days}天）"] }],
        ]);
        Assert.Equal(Model.Results.Verdict.Passed, result.Verdict);
        Assert.DoesNotContain(result.Findings, f => f.Rule == "DOC-LATE" && !f.Checked);
    }

    [Theory]
    [InlineData("2022年3月31日", false)]
    [InlineData("2022年4月1日", true)]
    public void AGovernmentsOwnReportHasUntilTheEndOfMarch(string date, bool late)
    {
        var text = SeedText.Load("002")
            .ReplaceFirst("2021年白碱滩区(克拉玛依高新区)政府办公室", "2021年白碱滩区人民政府")
            .Append(date);

        var result = Check(text);

        Assert.Equal("白碱滩区人民政府", result.Agency);
        FindingAssert.Exactly(result, late
            ? [new ExpectedFinding("DOC-LATE", []) { MessageParts = ["发布日期2022年4月1日晚于法定期限2022年3月31日（晚1天）"] }]
            : []);
    }
}
