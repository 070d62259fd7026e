using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Tests.Corpus;

/// <summary>
/// An independent oracle: the spec's in-report rules judged on a truth rather than on a read
/// document. It returns the ids of the rules whose identity the truth breaks, so that a passing
/// truth gives none and a mutated one gives exactly its rule.
/// </summary>
public static partial class TruthAudit
{
    private static readonly string[] BlankMarks = ["", "/", "-", "无"];

    private static readonly string[] SelfReferences = ["我镇", "我乡", "我街道", "我局"];

    public static IReadOnlySet<string> Broken(ReportTruth truth)
    {
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        var applications = truth.Tables.Applications;
        var review = truth.Tables.ReviewLitigation;
        var columns = ApplicationsSchema.Columns.Select(c => c.Key).ToList();
        var applicants = columns.Where(c => c != ApplicationsSchema.Total).ToList();

        if (applications.Rows.Any(r => Sum(r, applicants) is { } sum && Num(r.Get(ApplicationsSchema.Total)) is { } total && sum != total))
        {
            broken.Add("T3-ROW-TOTAL");
        }

        foreach (var column in columns)
        {
            var n = (string row) => Num(applications.Get(row, column));
            if (n("newReceived") + n("carriedOver") is { } left && n("resultTotal") + n("carriedForward") is { } right && left != right)
            {
                broken.Add("T3-BALANCE");
            }

            var results = ApplicationsSchema.ResultRows(truth.Vintage).Select(n).ToList();
            if (results.All(v => v is not null) && n("resultTotal") is { } resultTotal && results.Sum() != resultTotal)
            {
                broken.Add("T3-RESULT-SUM");
            }
        }

        var parts = ReviewLitigationSchema.Columns.Select(c => c.Key).Where(c => c != "total").ToList();
        if (review.Rows.Any(r => Sum(r, parts) is { } sum && Num(r.Get("total")) is { } total && sum != total))
        {
            broken.Add("T4-GROUP-TOTAL");
        }

        AuditCells(truth, broken);
        AuditDocument(truth, broken);
        AuditText(truth, broken);
        return broken;
    }

    private static void AuditCells(ReportTruth truth, SortedSet<string> broken)
    {
        foreach (var (key, table) in Tables(truth))
        {
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    var blank = cell.Value.Text is { } text && BlankMarks.Contains(text);
                    if (blank && key != TableKeys.ActiveDisclosure)
                    {
                        broken.Add("CELL-BLANK");
                    }
                    else if (!blank && !WellFormed(key, cell))
                    {
                        broken.Add("NUM-FORM");
                    }
                }
            }
        }
    }

    private static bool WellFormed(string table, TruthCell cell)
    {
        if (cell.Value.Number is not { } n)
        {
            return false;
        }

        var kind = table == TableKeys.ActiveDisclosure ? ActiveDisclosureSchema.KindOf(cell.Column) : ValueKind.Count;
        return kind switch
        {
            ValueKind.Money => n >= 0,
            ValueKind.SignedCount => n == decimal.Truncate(n),
            _ => n >= 0 && n == decimal.Truncate(n),
        };
    }

    private static void AuditDocument(ReportTruth truth, SortedSet<string> broken)
    {
        if (truth.OmittedHeadings.Count > 0)
        {
            broken.Add("DOC-SECTIONS");
        }

        var expectedCells =
            ActiveDisclosureSchema.Items(truth.ActiveDisclosureVintage).SelectMany(i => i.Rows.SelectMany(r => i.Columns.Select(c => (TableKeys.ActiveDisclosure, r.Key, c.Key))))
            .Concat(ApplicationsSchema.Rows(truth.Vintage).SelectMany(r => ApplicationsSchema.Columns.Select(c => (TableKeys.Applications, r.Key, c.Key))))
            .Concat(ReviewLitigationSchema.Groups.SelectMany(g => ReviewLitigationSchema.Columns.Select(c => (TableKeys.ReviewLitigation, g.Key, c.Key))));
        var tables = Tables(truth).ToDictionary(t => t.Key, t => t.Table);
        if (expectedCells.Any(cell => tables[cell.Item1].Get(cell.Item2, cell.Item3) is null))
        {
            broken.Add("DOC-TABLES");
        }

        var yearsAgree = truth.Period.Start.Year == truth.Year
            && truth.Period.End.Year == truth.Year
            && (truth.Published is null || truth.Published.Value.Year == truth.Year + 1);
        if (!yearsAgree)
        {
            broken.Add("DOC-YEAR");
        }

        var expected = VintageExtensions.ExpectedFor(truth.Year);
        if (truth.Vintage != expected || truth.ActiveDisclosureVintage != expected)
        {
            broken.Add("DOC-VINTAGE");
        }

        if (truth.Published is { } published && published > new DateOnly(truth.Year + 1, 1, 31))
        {
            broken.Add("DOC-LATE");
        }
    }

    private static void AuditText(ReportTruth truth, SortedSet<string> broken)
    {
        var applications = truth.Tables.Applications;
        var overview = truth.Sections.Overview;
        var stated = ApplicationsStated().Match(overview);
        var statedNumbers = stated.Success
            ? new decimal?[] { Parse(stated.Groups[1]), Parse(stated.Groups[2]), Parse(stated.Groups[3]) }
            : overview.Contains("未收到政府信息公开申请", StringComparison.Ordinal) ? [0m, null, null] : null;
        var tableNumbers = new[] { "newReceived", "resultTotal", "carriedForward" }.Select(r => Num(applications.Get(r, ApplicationsSchema.Total))).ToArray();
        if (statedNumbers is null || statedNumbers.Zip(tableNumbers).Any(p => p.First is { } s && s != p.Second))
        {
            broken.Add("TXT-APPLICATIONS");
        }

        var review = truth.Tables.ReviewLitigation;
        var reviewText = truth.Sections.ReviewLitigation;
        var cases = CasesStated().Match(reviewText);
        (decimal?, decimal?) statedCases = cases.Success ? (Parse(cases.Groups[1]), Parse(cases.Groups[2]))
            : reviewText.Contains("未发生因政府信息公开引起的行政复议、行政诉讼案件", StringComparison.Ordinal) ? (0m, 0m) : (null, null);
        var tableCases = (Num(review.Get("review", "total")), Num(review.Get("litigationDirect", "total")) + Num(review.Get("litigationAfterReview", "total")));
        if (statedCases != tableCases)
        {
            broken.Add("TXT-REVIEW-LITIGATION");
        }

        var own = truth.AgencyKind.SelfReference();
        if (SelfReferences.Any(s => s != own && truth.Sections.AllText().Contains(s, StringComparison.Ordinal)))
        {
            broken.Add("TXT-AGENCY");
        }

        if (string.IsNullOrWhiteSpace(truth.Sections.Problems))
        {
            broken.Add("TXT-PROBLEMS-EMPTY");
        }

        if (Num(applications.Get("otherHandling.feeUnpaid", ApplicationsSchema.Total)) > 0 && !truth.Sections.Other.Contains("信息处理费", StringComparison.Ordinal))
        {
            broken.Add("TXT-FEES");
        }
    }

    private static IEnumerable<(string Key, TruthTable Table)> Tables(ReportTruth truth) =>
    [
        (TableKeys.ActiveDisclosure, truth.Tables.ActiveDisclosure),
        (TableKeys.Applications, truth.Tables.Applications),
        (TableKeys.ReviewLitigation, truth.Tables.ReviewLitigation),
    ];

    private static decimal? Num(TruthValue? value) => value?.Number;

    private static decimal? Sum(TruthRow row, IEnumerable<string> columns)
    {
        var values = columns.Select(c => Num(row.Get(c))).ToList();
        return values.All(v => v is not null) ? values.Sum() : null;
    }

    private static decimal Parse(Group group) => decimal.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"共收到政府信息公开申请(\d+)件，办结(\d+)件，结转下年度(\d+)件")]
    private static partial Regex ApplicationsStated();

    [GeneratedRegex(@"行政复议案件(\d+)件，行政诉讼案件(\d+)件")]
    private static partial Regex CasesStated();
}
