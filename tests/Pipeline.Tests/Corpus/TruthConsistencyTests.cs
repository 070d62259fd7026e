using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;

namespace Pipeline.Tests.Corpus;

public sealed class TruthConsistencyTests
{
    [Fact]
    public void EveryGeneratedTruthPassesEveryIdentity()
    {
        foreach (var seed in CorpusSeeds.Many)
        {
            var truth = TruthFactory.Create(seed);

            Assert.True(TruthAudit.Broken(truth).Count == 0, $"seed {seed}: {string.Join(", ", TruthAudit.Broken(truth))}");
            Assert.Equal(Verdict.Passed, truth.ExpectedVerdict);
            Assert.Empty(truth.ExpectedRules);
        }
    }

    [Fact]
    public void TableThreeBalancesRowByRowAndColumnByColumn()
    {
        foreach (var seed in CorpusSeeds.Many)
        {
            var truth = TruthFactory.Create(seed);
            var table = truth.Tables.Applications;
            var applicants = ApplicationsSchema.Columns.Select(c => c.Key).Where(c => c != "total").ToList();
            foreach (var row in table.Rows)
            {
                Assert.Equal(table.Number(row.Key, "total"), applicants.Sum(c => table.Number(row.Key, c)));
            }

            foreach (var column in ApplicationsSchema.Columns.Select(c => c.Key))
            {
                var n = (string row) => table.Number(row, column);
                Assert.Equal(n("newReceived") + n("carriedOver"), n("resultTotal") + n("carriedForward"));
                Assert.Equal(n("resultTotal"), ApplicationsSchema.ResultRows(truth.Vintage).Sum(n));
            }
        }
    }

    [Fact]
    public void TableFourGroupsAddUp()
    {
        foreach (var seed in CorpusSeeds.Many)
        {
            var table = TruthFactory.Create(seed).Tables.ReviewLitigation;
            foreach (var group in ReviewLitigationSchema.Groups)
            {
                Assert.Equal(table.Number(group.Key, "total"), ReviewLitigationFactory.Parts.Sum(p => table.Number(group.Key, p)));
            }
        }
    }

    [Fact]
    public void FormatFollowsTheYearAndTablesHaveTheFormatsRows()
    {
        var years = new HashSet<int>();
        foreach (var seed in CorpusSeeds.Many)
        {
            var truth = TruthFactory.Create(seed);
            years.Add(truth.Year);

            Assert.Equal(truth.Year >= 2021 ? Vintage.Format2021 : Vintage.Format2019, truth.Vintage);
            Assert.Equal(truth.Vintage, truth.ActiveDisclosureVintage);
            Assert.Equal(ApplicationsSchema.Rows(truth.Vintage).Select(r => r.Key), truth.Tables.Applications.RowKeys);
            Assert.Equal(ActiveDisclosureSchema.Items(truth.Vintage).SelectMany(i => i.Rows).Select(r => r.Key), truth.Tables.ActiveDisclosure.RowKeys);
            Assert.Equal(ReviewLitigationSchema.Groups.Select(g => g.Key), truth.Tables.ReviewLitigation.RowKeys);
        }

        Assert.Equal(Enumerable.Range(TruthFactory.FirstYear, TruthFactory.LastYear - TruthFactory.FirstYear + 1), years.Order());
    }

    [Fact]
    public void DatesAndPeriodBelongToTheReportsYear()
    {
        foreach (var seed in CorpusSeeds.Many)
        {
            var truth = TruthFactory.Create(seed);

            Assert.Equal(new TruthPeriod(new DateOnly(truth.Year, 1, 1), new DateOnly(truth.Year, 12, 31)), truth.Period);
            if (truth.Published is { } published)
            {
                Assert.InRange(published, new DateOnly(truth.Year + 1, 1, 1), new DateOnly(truth.Year + 1, 1, 31));
            }

            Assert.StartsWith(truth.Agency + truth.Year + "年", truth.Title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TextNamesTheBodyAsItselfOnly()
    {
        var kinds = new HashSet<AgencyKind>();
        foreach (var seed in CorpusSeeds.Many)
        {
            var truth = TruthFactory.Create(seed);
            kinds.Add(truth.AgencyKind);
            var suffix = truth.AgencyKind switch
            {
                AgencyKind.Town => "镇",
                AgencyKind.Township => "乡",
                AgencyKind.Subdistrict => "街道办事处",
                _ => "局",
            };

            Assert.EndsWith(suffix, truth.Agency, StringComparison.Ordinal);
            Assert.Contains(truth.AgencyKind.SelfReference(), truth.Sections.Problems, StringComparison.Ordinal);
            Assert.Contains(truth.AgencyKind.SelfReference(), truth.Sections.Overview, StringComparison.Ordinal);
        }

        Assert.Equal(Enum.GetValues<AgencyKind>().Length, kinds.Count);
    }

    [Fact]
    public void TextStatesTheApplicationsAsTheTableCountsThem()
    {
        var zero = TruthFactory.Create(1, new TruthOptions(2021, AgencyKind.Town, Applications: false, Cases: false));
        var some = TruthFactory.Create(1, new TruthOptions(2021, AgencyKind.Town, Applications: true, Cases: true));
        var table = some.Tables.Applications;

        Assert.Contains("2021年，我镇未收到政府信息公开申请。", zero.Sections.Overview, StringComparison.Ordinal);
        Assert.Contains("2021年，我镇未发生因政府信息公开引起的行政复议、行政诉讼案件。", zero.Sections.ReviewLitigation, StringComparison.Ordinal);
        Assert.Contains(
            $"共收到政府信息公开申请{table.Number("newReceived", "total")}件，办结{table.Number("resultTotal", "total")}件，结转下年度{table.Number("carriedForward", "total")}件。",
            some.Sections.Overview,
            StringComparison.Ordinal);
        Assert.Contains($"行政复议案件{some.Tables.ReviewLitigation.Number("review", "total")}件", some.Sections.ReviewLitigation, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsPinWhatTheyName()
    {
        var truth = TruthFactory.Create(99, new TruthOptions(2020, AgencyKind.Bureau, Applications: true, Cases: true, Dated: false));

        Assert.Equal(2020, truth.Year);
        Assert.Equal(Vintage.Format2019, truth.Vintage);
        Assert.Equal(AgencyKind.Bureau, truth.AgencyKind);
        Assert.True(truth.Tables.Applications.Number("newReceived", "total") > 0);
        Assert.True(truth.Tables.ReviewLitigation.Rows.Sum(r => truth.Tables.ReviewLitigation.Number(r.Key, "total")) > 0);
        Assert.Null(truth.Published);
    }
}
