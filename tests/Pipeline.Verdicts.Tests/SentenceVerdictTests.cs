using System.Text;
using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Reading;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// A passing sample report (samples/passing-2021-tabs.txt: 新收17, 上年结转2, 办结19, 结转0;
/// 行政复议2, 行政诉讼2+0) with one sentence written the way real offices write it.
/// </summary>
public sealed class SentenceVerdictTests
{
    private static readonly ReportChecker Checker = ReaderSet.CreateChecker();

    private static CheckResult CheckWith(string printed, string written)
    {
        var text = File.ReadAllText(Repository.Path("samples", "passing-2021-tabs.txt"));
        Assert.Contains(printed, text, StringComparison.Ordinal);
        return Checker.Check(new InputFile("sample.txt", Encoding.UTF8.GetBytes(text.Replace(printed, written, StringComparison.Ordinal))));
    }

    private const string Period = "统计期限为2021年1月1日至12月31日";

    [Fact]
    public void APeriodStartingAYearEarlyIsADocYearError()
    {
        var result = CheckWith(Period, "统计期限自2020年1月1日起至2021年12月31日止");

        Assert.Equal(Verdict.Failed, result.Verdict);
        var finding = Assert.Single(result.Findings, f => f.Rule == "DOC-YEAR");
        Assert.True(finding.IsViolation);
        Assert.Contains("2020", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APeriodWrittenWithZiQiZhiOverTheYearPasses()
    {
        var result = CheckWith(Period, "统计期限自2021年1月1日起至2021年12月31日止");

        Assert.DoesNotContain(result.Findings, f => f.Rule == "DOC-YEAR");
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    private const string Applications = "共收到政府信息公开申请17件，办结19件，结转下年度0件";

    [Fact]
    public void CarriedOverFromLastYearIsNotTakenForCarriedForward()
    {
        var result = CheckWith(Applications, "共收到政府信息公开申请17件，上年结转2件，本年度办结19件，结转下年度继续办理0件");

        Assert.DoesNotContain(result.Findings, f => f.Rule == "TXT-APPLICATIONS");
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    [Fact]
    public void ReceivedStatedWithWhatCameInFromLastYearAgrees()
    {
        var result = CheckWith(Applications, "共受理政府信息公开申请19件，其中上年结转2件，本年度办结19件");

        Assert.DoesNotContain(result.Findings, f => f.Rule == "TXT-APPLICATIONS");
    }

    [Fact]
    public void AWrongCarriedForwardNextToACarriedOverIsStillNamed()
    {
        var result = CheckWith(Applications, "共收到政府信息公开申请17件，上年结转2件，本年度办结19件，结转下年度继续办理3件");

        var finding = Assert.Single(result.Findings, f => f.Rule == "TXT-APPLICATIONS");
        Assert.Equal(["applications.carriedForward.total"], finding.Cells);
        Assert.Equal(3, finding.Expected);
        Assert.Equal(0, finding.Actual);
    }

    private const string Cases = "共发生政府信息公开行政复议案件2件，行政诉讼案件2件";

    [Fact]
    public void ReviewAndLitigationInOneEnumerationAreReadEachForItself()
    {
        var agreeing = CheckWith(Cases, "全年因政府信息公开引发行政复议2件、行政诉讼2件");
        var disagreeing = CheckWith(Cases, "全年因政府信息公开引发行政复议2件、行政诉讼5件");

        Assert.DoesNotContain(agreeing.Findings, f => f.Rule == "TXT-REVIEW-LITIGATION");
        var finding = Assert.Single(disagreeing.Findings, f => f.Rule == "TXT-REVIEW-LITIGATION");
        Assert.Equal(5, finding.Expected);
        Assert.Equal(2, finding.Actual);
        Assert.Contains("reviewLitigation.litigationDirect.total", finding.Cells);
    }
}
