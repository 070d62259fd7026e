using Pipeline.Corpus.Generation;
using static System.FormattableString;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Mutations;

/// <summary>
/// Errors in the numbers. Each moves cells in pairs chosen so that exactly one identity breaks:
/// every cell of table 三 sits in a row total and in a column identity, so a single changed
/// cell would always break two rules.
/// </summary>
public static class TableMutations
{
    private const string Total = ApplicationsSchema.Total;

    /// <summary>
    /// newReceived.c and carriedForward.c rise together: column c still balances (both sides
    /// gain d) and neither row is a result row, so only those two rows' totals are wrong. The
    /// totals the text quotes do not move.
    /// </summary>
    public static readonly Mutation RowTotal = new("T3-ROW-TOTAL", true, Mutation.Always, (truth, rng) =>
    {
        var (column, d) = (rng.Pick(ApplicationsFactory.ApplicantColumns), rng.Next(1, 4));
        var table = truth.Tables.Applications.Add(ApplicationsFactory.NewReceived, column, d).Add(ApplicationsFactory.CarriedForward, column, d);
        return (WithApplications(truth, table), $"applications.newReceived.{column} and carriedForward.{column} +{d}, totals unchanged");
    });

    /// <summary>
    /// carriedOver.c and carriedOver.total rise together: the row still sums, but columns c and
    /// total no longer balance. carriedOver is no result row and the text never quotes it.
    /// </summary>
    public static readonly Mutation Balance = new("T3-BALANCE", true, Mutation.Always, (truth, rng) =>
    {
        var (column, d) = (rng.Pick(ApplicationsFactory.ApplicantColumns), rng.Next(1, 4));
        var table = truth.Tables.Applications.Add(ApplicationsFactory.CarriedOver, column, d).Add(ApplicationsFactory.CarriedOver, Total, d);
        return (WithApplications(truth, table), $"applications.carriedOver.{column} and carriedOver.total +{d}");
    });

    /// <summary>
    /// granted.c and granted.total rise together: the row still sums, but in columns c and
    /// total the results no longer add up to resultTotal. resultTotal itself is unchanged, so
    /// the balance and the text still hold.
    /// </summary>
    public static readonly Mutation ResultSum = new("T3-RESULT-SUM", true, Mutation.Always, (truth, rng) =>
    {
        var (column, d) = (rng.Pick(ApplicationsFactory.ApplicantColumns), rng.Next(1, 4));
        var table = truth.Tables.Applications.Add("granted", column, d).Add("granted", Total, d);
        return (WithApplications(truth, table), $"applications.granted.{column} and granted.total +{d}");
    });

    /// <summary>One result of one group of table 四 rises while its total stays: the text quotes totals only.</summary>
    public static readonly Mutation GroupTotal = new("T4-GROUP-TOTAL", true, Mutation.Always, (truth, rng) =>
    {
        var group = rng.Pick(ReviewLitigationSchema.Groups).Key;
        var (part, d) = (rng.Pick(ReviewLitigationFactory.Parts), rng.Next(1, 4));
        var table = truth.Tables.ReviewLitigation.Add(group, part, d);
        return (truth with { Tables = truth.Tables with { ReviewLitigation = table } }, $"reviewLitigation.{group}.{part} +{d}, total unchanged");
    });

    /// <summary>
    /// A count of table 二 written negative or fractional. Table 二 has no sum inside a report, and
    /// the documents' rows (X-IN-FORCE) are left alone; both forms still look like numbers, so a
    /// reader keeps the cell in its place.
    /// </summary>
    public static readonly Mutation NumberForm = new("NUM-FORM", true, Mutation.Always, (truth, rng) =>
    {
        var table = truth.Tables.ActiveDisclosure;
        var (row, column) = rng.Pick(CountCells(table));
        var value = table.Number(row, column);
        var text = rng.Chance(0.5) ? Invariant($"-{Math.Max(value, 1)}") : Invariant($"{value}.5");
        return (truth with { Tables = truth.Tables with { ActiveDisclosure = table.With(row, column, TruthValue.Malformed(text)) } }, $"activeDisclosure.{row}.{column} written \"{text}\"");
    });

    /// <summary>
    /// An honest zero written "/", "-" or "无", preferably one of table 四's results, which sits in
    /// one identity only. A reader that takes the mark for 0 still finds every sum right.
    /// </summary>
    public static readonly Mutation Blank = new("CELL-BLANK", true, Mutation.Always, (truth, rng) =>
    {
        var mark = rng.Pick(["/", "-", "无"]);
        var review = truth.Tables.ReviewLitigation;
        var zeros = review.Rows.SelectMany(r => ReviewLitigationFactory.Parts.Where(p => r.Get(p)?.Number == 0).Select(p => (r.Key, p))).ToList();
        if (zeros.Count > 0)
        {
            var (group, part) = rng.Pick(zeros);
            return (truth with { Tables = truth.Tables with { ReviewLitigation = review.With(group, part, TruthValue.Malformed(mark)) } }, $"reviewLitigation.{group}.{part} written \"{mark}\"");
        }

        var applications = truth.Tables.Applications;
        var (row, column) = rng.Pick(applications.Rows.SelectMany(r => ApplicationsFactory.ApplicantColumns.Where(c => r.Get(c)?.Number == 0).Select(c => (r.Key, c))).ToList());
        return (WithApplications(truth, applications.With(row, column, TruthValue.Malformed(mark))), $"applications.{row}.{column} written \"{mark}\"");
    });

    private static readonly string[] CountRows = ["licensing", "otherServices", "punishment", "enforcement", "procurement"];

    private static List<(string Row, string Column)> CountCells(TruthTable table) =>
        table.Rows
            .Where(r => CountRows.Contains(r.Key))
            .SelectMany(r => r.Cells.Where(c => ActiveDisclosureSchema.KindOf(c.Column) == ValueKind.Count && c.Value.IsNumber).Select(c => (r.Key, c.Column)))
            .ToList();

    private static ReportTruth WithApplications(ReportTruth truth, TruthTable table) =>
        truth with { Tables = truth.Tables with { Applications = table } };
}
