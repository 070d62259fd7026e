using System.Text;
using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Reading;

namespace Pipeline.Hostile.Tests;

/// <summary>
/// The checker as another host (the Functions app) uses it, in process: DOC-MULTIPLE names a file holding several
/// reports and not a report whose contents list repeats its headings; the deadline stops a document; an endless
/// stream is given up.
/// </summary>
public sealed class InProcessCheckerTests
{
    private static readonly ReportChecker Checker = ReaderSet.CreateChecker();

    private static string Seed => File.ReadAllText(HostileCorpus.Seed("003"));

    [Fact]
    public void ThreeCopiesOfOneReportAreNamedAndSentToReview()
    {
        var result = Checker.Check(new InputFile("three.txt", Encoding.UTF8.GetBytes(Seed + "\n" + Seed + "\n" + Seed)));

        Assert.Equal(Verdict.NeedsReview, result.Verdict);
        var finding = Assert.Single(result.Findings, f => f.Rule == "DOC-MULTIPLE");
        Assert.Contains("3 份年度报告", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableOfContentsListingTheSixHeadingsIsNotASecondReport()
    {
        var contents = "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
        var lines = Seed.Split('\n').ToList();
        lines.Insert(1, contents);

        var alone = Checker.Check(new InputFile("alone.txt", Encoding.UTF8.GetBytes(Seed)));
        var result = Checker.Check(new InputFile("contents.txt", Encoding.UTF8.GetBytes(string.Join('\n', lines))));

        Assert.Equal(Verdict.Passed, alone.Verdict);
        Assert.DoesNotContain(result.Findings, f => f.Rule == "DOC-MULTIPLE");
    }

    [Fact]
    public void TheDeadlineStopsADocumentAndSaysSo()
    {
        using var ocr = new Pipeline.Ocr.EnginePool();
        var checker = ReaderSet.CreateChecker(limits: CheckLimits.Default with { TimeoutSeconds = 1 }, ocr: ocr);
        var pdf = HostileCorpus.SlowDrawing(40_000);

        var started = DateTime.UtcNow;
        var result = checker.Check(new InputFile("slow.pdf", pdf));

        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains("超过时限", result.Reason, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void AnEndlessStreamIsRefusedWithoutBeingReadToItsEnd()
    {
        using var zeros = File.OpenRead("/dev/zero");

        var result = Checker.Check("zero.txt", zeros);

        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains("文件大小至少", result.Reason, StringComparison.Ordinal);
        Assert.Contains("超过上限 50 MB", result.Reason, StringComparison.Ordinal);
    }
}
