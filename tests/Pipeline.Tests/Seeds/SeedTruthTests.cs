using System.Globalization;
using Pipeline.Checking;
using Pipeline.Mapping;
using Pipeline.Model.Results;
using Pipeline.Reading;
using Pipeline.Rules.Text;
using Pipeline.Tests.Mutations;

namespace Pipeline.Tests.Seeds;

/// <summary>
/// Every cell of tables 二, 三 and 四 of the five real seeds, and their metadata and findings,
/// against the values read off the seed text by hand (<see cref="SeedTruth"/>).
/// </summary>
public sealed class SeedTruthTests
{
    private readonly ReportChecker _checker = ReaderSet.CreateChecker();

    public static TheoryData<string> Seeds => new(SeedTruth.All.Select(s => s.Prefix));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MetadataIsReadAsPrinted(string prefix)
    {
        var truth = SeedTruth.Get(prefix);

        var result = Check(prefix);

        Assert.Equal(truth.Title, result.Title);
        Assert.Equal(truth.Agency, result.Agency);
        Assert.Equal(truth.Year, result.Year);
        Assert.Equal(truth.Vintage, result.Vintage);
        Assert.Equal(truth.Published, result.Published);
        Assert.Equal(SeedTruth.Sections, result.Sections);
        Assert.Equal("txt", result.Source.Kind);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TableTwoHoldsExactlyThePrintedCells(string prefix)
    {
        var truth = SeedTruth.Get(prefix);

        var result = Check(prefix);

        AssertTable(result, truth, "activeDisclosure", truth.ActiveDisclosure);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TableThreeHoldsExactlyThePrintedCells(string prefix)
    {
        var truth = SeedTruth.Get(prefix);

        var result = Check(prefix);

        Assert.Equal(SeedTruth.ApplicationsRows(truth.IsFormat2019), truth.Applications.Select(r => r.Row));
        AssertTable(result, truth, "applications", truth.Applications);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TableFourHoldsExactlyThePrintedCells(string prefix)
    {
        var truth = SeedTruth.Get(prefix);
        var rows = SeedTruth.ReviewGroups
            .Select((group, g) => new TruthRow(
                group,
                SeedTruth.ReviewColumns,
                truth.OneCellPerLine ? truth.ReviewLitigationLine + (g * SeedTruth.ReviewColumns.Length) : truth.ReviewLitigationLine,
                [.. truth.ReviewLitigation.Skip(g * SeedTruth.ReviewColumns.Length).Take(SeedTruth.ReviewColumns.Length)]))
            .ToList();

        var result = Check(prefix);

        AssertTable(result, truth, "reviewLitigation", rows);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void UnchangedSeedRaisesExactlyItsKnownWarningsAndPasses(string prefix)
    {
        var truth = SeedTruth.Get(prefix);

        var result = Check(prefix);

        FindingAssert.Exactly(result, truth.Findings);
        Assert.DoesNotContain(result.Findings, f => f.Checked && f.Severity == Severity.Error);
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryUncheckedRuleSaysSoAsInfo(string prefix)
    {
        var truth = SeedTruth.Get(prefix);

        var result = Check(prefix);

        // Only DOC-LATE cannot be checked on an unchanged seed, and only where no date is printed.
        var notes = result.Findings.Where(f => !f.Checked).ToList();
        if (truth.Published is null)
        {
            var note = Assert.Single(notes);
            Assert.Equal("DOC-LATE", note.Rule);
            Assert.Equal(Severity.Info, note.Severity);
            Assert.Contains("未印发布日期", note.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(notes);
        }
    }

    [Fact]
    public void Seed003TextAgreesWithTableThreeSoTxtApplicationsIsSilent()
    {
        // 003 line 8: 共接到依申请公开办件4件，按要求答复3件，1件转接至2022年答复。
        var report = Map("003");

        var statements = NarrativeReader.Applications(report.NarrativeText);

        Assert.Equal(
            [("received", 4m), ("answered", 3m), ("carriedForward", 1m)],
            statements.Select(s => (s.Subject, s.Value)).ToList());
        Assert.All(statements, s => Assert.Contains("共接到依申请公开办件4件", s.Sentence, StringComparison.Ordinal));
        Assert.Equal(4, report.Applications!.Get("newReceived", "total")!.Number); // 003 line 90
        Assert.Equal(3, report.Applications.Get("resultTotal", "total")!.Number); // 003 line 361
        Assert.Equal(1, report.Applications.Get("carriedForward", "total")!.Number); // 003 line 370
        Assert.DoesNotContain(Check("003").Findings, f => f.Rule == "TXT-APPLICATIONS");
    }

    [Fact]
    public void Seed001TextSaysNoneReceivedWhileTableThreeShowsTwo()
    {
        var result = Check("001");

        var finding = Assert.Single(result.Findings, f => f.Rule == "TXT-APPLICATIONS");
        Assert.True(finding.IsViolation);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["applications.newReceived.total"], finding.Cells);
        Assert.Equal(0, finding.Expected); // 001 line 10: 未收到信息公开申请
        Assert.Equal(2, finding.Actual); // 001 line 121
        Assert.Contains("本年新收政府信息公开申请数量", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed002TextStatesZeroReviewAndLitigationCasesAsTableFourDoes()
    {
        // 002 line 7: 无因政府信息公开申请引发行政复议和引发行政诉讼。
        var statements = NarrativeReader.ReviewLitigation(Map("002").NarrativeText);

        Assert.Equal([("review", 0m), ("litigation", 0m)], statements.Select(s => (s.Subject, s.Value)).ToList());
        Assert.DoesNotContain(Check("002").Findings, f => f.Rule == "TXT-REVIEW-LITIGATION");
    }

    private CheckResult Check(string prefix)
    {
        var path = TestFiles.Seed(prefix);
        return _checker.Check(new InputFile(Path.GetFileName(path), File.ReadAllBytes(path)));
    }

    private static Model.Reports.AnnualReport Map(string prefix)
    {
        var path = TestFiles.Seed(prefix);
        var layout = new PlainTextReader().Read(new InputFile(Path.GetFileName(path), File.ReadAllBytes(path)));
        return new ReportMapper().Map(layout);
    }

    /// <summary>The table holds exactly these rows and columns, each cell its number, its text and its line.</summary>
    private static void AssertTable(CheckResult result, SeedTruth truth, string table, IReadOnlyList<TruthRow> rows)
    {
        Assert.True(result.Tables.ContainsKey(table), $"{truth.Prefix}: no table {table}");
        var actual = result.Tables[table];
        Assert.Equal(rows.Select(r => r.Row).Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            Assert.Equal(row.Columns.Count, row.Values.Length);
            Assert.Equal(row.Columns.Order(StringComparer.Ordinal), actual[row.Row].Keys.Order(StringComparer.Ordinal));
            for (var c = 0; c < row.Columns.Count; c++)
            {
                var address = $"{table}.{row.Row}.{row.Columns[c]}";
                var line = truth.OneCellPerLine ? row.Line + c : row.Line;
                Assert.True(row.Values[c] == actual[row.Row][row.Columns[c]], $"{truth.Prefix} {address}: expected {row.Values[c]}, read {actual[row.Row][row.Columns[c]]}");
                var source = result.Cells[address];
                Assert.True(line == source.Line, $"{truth.Prefix} {address}: expected from line {line}, read from line {source.Line}");
                Assert.Equal(row.Values[c].ToString(CultureInfo.InvariantCulture), source.Text);
                Assert.Equal(1.0, source.Confidence);
            }
        }

        Assert.Equal(rows.Sum(r => r.Columns.Count), result.Cells.Keys.Count(k => k.StartsWith(table + ".", StringComparison.Ordinal)));
    }
}
