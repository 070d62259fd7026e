using System.Globalization;

namespace Pipeline.Corpus.Independent;

/// <summary>
/// One error of each in-report rule, put into a consistent report the way a clerk's slip would. Each says what
/// it breaks; table changes come before the text is written (the text then agrees with the table as printed),
/// text changes after.
/// </summary>
public static class Injection
{
    /// <summary>Every in-report rule of the spec, with its default severity.</summary>
    public static readonly (string Rule, bool Error)[] Rules =
    [
        ("T3-ROW-TOTAL", true), ("T3-BALANCE", true), ("T3-RESULT-SUM", true), ("T4-GROUP-TOTAL", true),
        ("NUM-FORM", true), ("CELL-BLANK", true), ("DOC-SECTIONS", true), ("DOC-TABLES", true), ("DOC-YEAR", true),
        ("DOC-VINTAGE", false), ("DOC-LATE", false), ("TXT-APPLICATIONS", false), ("TXT-REVIEW-LITIGATION", false),
        ("TXT-FEES", false), ("TXT-AGENCY", false), ("TXT-PROBLEMS-EMPTY", false),
    ];

    public static bool IsError(string rule) => Rules.Single(r => r.Rule == rule).Error;

    private static void Add(Draft draft, string address, int by) =>
        draft.Cells[address] = (draft.Number(address) + by).ToString(CultureInfo.InvariantCulture);

    /// <summary>Changes to the tables (and the form), before the text is written.</summary>
    public static void BeforeText(Draft draft, string rule)
    {
        draft.Injected = rule;
        draft.ExpectedVerdict = IsError(rule) ? "failed" : "passed";
        switch (rule)
        {
            case "T3-ROW-TOTAL":
                Add(draft, "applications.granted.total", 1);
                break;
            case "T3-BALANCE":
                Add(draft, "applications.carriedForward.naturalPerson", 1);
                Add(draft, "applications.carriedForward.total", 1);
                break;
            case "T3-RESULT-SUM":
                Add(draft, "applications.granted.naturalPerson", 1);
                Add(draft, "applications.granted.total", 1);
                break;
            case "T4-GROUP-TOTAL":
                Add(draft, "reviewLitigation.review.total", 1);
                break;
            case "NUM-FORM":
                draft.Cells["applications.notProcessed.duplicate.research"] = "0.5";
                break;
            case "CELL-BLANK":
                draft.Cells["reviewLitigation.litigationAfterReview.other"] = "/";
                break;
            case "DOC-TABLES":
                // A row of zeros dropped from the print: every identity still holds.
                foreach (var column in OfficialTemplate.ApplicantColumns)
                {
                    draft.Cells.Remove($"applications.notProcessed.excessive.{column.Key}");
                }

                draft.OmittedRows.Add("notProcessed.excessive");
                break;
            case "DOC-VINTAGE":
                if (draft.Format == "2021")
                {
                    // A 2021-or-later report printed on the 2019 form: its table 三 has one （六）其他处理 row.
                    Refold(draft);
                }
                else
                {
                    draft.Year = 2022;
                    draft.Period = "统计期限为2022年1月1日至12月31日";
                    draft.Published = new DateOnly(2023, 1, 15);
                }

                break;
        }
    }

    /// <summary>A 2021 form's three 其他处理 rows folded into the 2019 form's one (their sums kept).</summary>
    private static void Refold(Draft draft)
    {
        draft.Format = "2019";
        foreach (var column in OfficialTemplate.ApplicantColumns)
        {
            var parts = new[] { "noCorrection", "feeUnpaid", "other" }.Select(p => $"applications.otherHandling.{p}.{column.Key}").ToList();
            draft.Cells[$"applications.otherHandling.{column.Key}"] = parts.Sum(draft.Number).ToString(CultureInfo.InvariantCulture);
            parts.ForEach(p => draft.Cells.Remove(p));
        }

        // The whole report on the old form: table 二 too.
        foreach (var address in draft.Cells.Keys.Where(k => k.StartsWith("activeDisclosure.", StringComparison.Ordinal)).ToList())
        {
            draft.Cells.Remove(address);
        }

        DraftFactory.Disclosure(draft, new Random(draft.Seed), dense: false);
    }

    /// <summary>Changes to the running text and the dates, after it is written.</summary>
    public static void AfterText(Draft draft, string rule)
    {
        switch (rule)
        {
            case "DOC-SECTIONS":
                draft.Headings[4] = null;
                break;
            case "DOC-YEAR":
                draft.Period = $"统计期限自{draft.Year - 1}年1月1日起至{draft.Year}年12月31日止";
                break;
            case "DOC-LATE":
                draft.Published = new DateOnly(draft.Year + 1, 4, 20);
                break;
            case "TXT-APPLICATIONS":
                draft.Texts[2].Add($"本年度共收到政府信息公开申请{draft.Number("applications.newReceived.total") + 3}件。");
                break;
            case "TXT-REVIEW-LITIGATION":
                draft.Texts[3].Add($"其中，因政府信息公开引发行政复议{draft.Number("reviewLitigation.review.total") + 2}件。");
                break;
            case "TXT-FEES":
                draft.Texts[2].Add("本年度依申请公开收取信息处理费200元。");
                draft.Texts[5].Clear();
                draft.Texts[5].Add("无其他需要报告的事项。");
                break;
            case "TXT-AGENCY":
                var other = draft.Kind == "street" ? "我镇" : "我街道";
                draft.Texts[0].Add($"{other}高度重视政务公开工作，将其纳入年度重点工作。");
                break;
            case "TXT-PROBLEMS-EMPTY":
                draft.Texts[4].Clear();
                break;
        }
    }
}
