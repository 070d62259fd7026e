using System.Text.Json;
using Pipeline.Cli;

namespace Pipeline.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _temp = TestFiles.TempFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void PassingSeedPrintsVerdictAgencyAndKeyFiguresAndExitsZero()
    {
        var run = CliRun.Of("check", TestFiles.Seed("004"));

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.Contains("结论：通过", run.Out, StringComparison.Ordinal);
        Assert.Contains("西工区汉屯路街道办事处", run.Out, StringComparison.Ordinal);
        Assert.Contains("新收 0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningsAreShownInTheFindingsTableWithoutFailingTheReport()
    {
        var run = CliRun.Of("check", TestFiles.Seed("001"));

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.Contains("TXT-APPLICATIONS", run.Out, StringComparison.Ordinal);
        Assert.Contains("未收到信息公开申请", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonForOneFileIsOneObjectInTheSpecShape()
    {
        var run = CliRun.Of("check", "--json", TestFiles.Seed("003"));

        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(64, root.GetProperty("id").GetString()!.Length);
        Assert.Equal("txt", root.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal("南郊镇", root.GetProperty("agency").GetString());
        Assert.Equal(2021, root.GetProperty("year").GetInt32());
        Assert.Equal("2021", root.GetProperty("vintage").GetString());
        Assert.Equal("passed", root.GetProperty("verdict").GetString());
        var applications = root.GetProperty("tables").GetProperty("applications");
        Assert.Equal(4, applications.GetProperty("newReceived").GetProperty("total").GetInt32());
        Assert.Equal(2, applications.GetProperty("unableToProvide.notHeld").GetProperty("naturalPerson").GetInt32());
        var cell = root.GetProperty("cells").GetProperty("applications.newReceived.naturalPerson");
        Assert.Equal("4", cell.GetProperty("text").GetString());
        Assert.Equal(1.0, cell.GetProperty("confidence").GetDouble());
        Assert.True(cell.GetProperty("line").GetInt32() > 0);
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "TXT-AGENCY");
    }

    [Fact]
    public void JsonForSeveralFilesIsAnArrayInInputOrder()
    {
        var run = CliRun.Of("check", "--json", TestFiles.Seed("000"), TestFiles.Seed("002"));

        using var doc = JsonDocument.Parse(run.Out);
        var names = doc.RootElement.EnumerateArray().Select(r => r.GetProperty("source").GetProperty("name").GetString()).ToList();
        Assert.Equal([Path.GetFileName(TestFiles.Seed("000")), Path.GetFileName(TestFiles.Seed("002"))], names);
    }

    [Fact]
    public void AFailingReportInAFolderExitsOneAndNamesTheRule()
    {
        var text = File.ReadAllText(TestFiles.Seed("003"));
        var broken = text.Replace("（七）总计\n\t3", "（七）总计\n\t5", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        File.WriteAllText(Path.Combine(_temp, "broken.txt"), broken);
        File.Copy(TestFiles.Seed("004"), Path.Combine(_temp, "good.txt"));
        File.WriteAllText(Path.Combine(_temp, "broken.truth.json"), "{}");

        var run = CliRun.Of("check", _temp);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("结论：未通过", run.Out, StringComparison.Ordinal);
        Assert.Contains("T3-ROW-TOTAL", run.Out, StringComparison.Ordinal);
        Assert.Contains("共检查 2 份报告", run.Out, StringComparison.Ordinal);
        Assert.Contains("已跳过 1 个", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFileExitsTwoWithAChineseReason()
    {
        var empty = Path.Combine(_temp, "empty.txt");
        File.WriteAllBytes(empty, []);

        var run = CliRun.Of("check", empty);

        Assert.Equal(ExitCodes.Unusable, run.ExitCode);
        Assert.Contains("无法读取", run.Out, StringComparison.Ordinal);
        Assert.Contains("文件是空的", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPathAndMissingArgumentsAreUsageErrors()
    {
        var missing = CliRun.Of("check", Path.Combine(_temp, "nope.txt"));
        Assert.Equal(ExitCodes.Unusable, missing.ExitCode);
        Assert.Contains("找不到文件或文件夹", missing.Error, StringComparison.Ordinal);

        var none = CliRun.Of("check");
        Assert.Equal(ExitCodes.Unusable, none.ExitCode);
        Assert.Contains("用法", none.Error, StringComparison.Ordinal);

        var unknown = CliRun.Of("frobnicate");
        Assert.Equal(ExitCodes.Unusable, unknown.ExitCode);
    }

    [Fact]
    public void ABadRulesFileIsRefusedBeforeAnyCheck()
    {
        var notJson = Path.Combine(_temp, "rules.json");
        File.WriteAllText(notJson, "{ not json");
        var run = CliRun.Of("check", "--rules", notJson, TestFiles.Seed("000"));
        Assert.Equal(ExitCodes.Unusable, run.ExitCode);
        Assert.Contains("不是有效的 JSON", run.Error, StringComparison.Ordinal);

        File.WriteAllText(notJson, """{ "rules": [ { "id": "NO-SUCH-RULE", "enabled": false } ] }""");
        run = CliRun.Of("check", "--rules", notJson, TestFiles.Seed("000"));
        Assert.Equal(ExitCodes.Unusable, run.ExitCode);
        Assert.Contains("NO-SUCH-RULE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ACustomRulesFileChangesSeverityAndSwitchesRulesOff()
    {
        var rules = Path.Combine(_temp, "rules.json");
        File.WriteAllText(rules, """
            {
              "rules": [
                { "id": "TXT-AGENCY", "severity": "error", "messages": { "selfReference": "自称有误：{words}" } },
                { "id": "DOC-LATE", "enabled": false }
              ]
            }
            """);

        var run = CliRun.Of("check", "--json", "--rules", rules, TestFiles.Seed("000"));

        using var doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var agency = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "TXT-AGENCY");
        Assert.Equal("error", agency.GetProperty("severity").GetString());
        Assert.StartsWith("自称有误：", agency.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() == "DOC-LATE");
        Assert.Equal("failed", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
    }

    [Fact]
    public void LayoutShowsHowTheFileWasRead()
    {
        var run = CliRun.Of("layout", TestFiles.Seed("004"));

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.Contains("[段落 第5行] 一、总体情况", run.Out, StringComparison.Ordinal);
        Assert.Contains("| 规章 | 0 | 0 | 0", run.Out, StringComparison.Ordinal);
    }
}

public sealed class BenchCommandTests
{
    [Fact]
    public void BenchOverTheSamplesReadsEveryCellRightWithNoFalseFailure()
    {
        var run = CliRun.Of("bench", TestFiles.Samples);

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        var row = Assert.Single(run.Out.Split('\n'), l => l.Contains("DOCX/HTML/文本", StringComparison.Ordinal));
        Assert.Contains("(100.00%)", row, StringComparison.Ordinal);
        Assert.Contains("│ 30/30 ", row, StringComparison.Ordinal);
        Assert.Contains("│ 0 ", row, StringComparison.Ordinal);
        Assert.Contains("峰值内存", run.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// With --wrong, each cell that disagrees with the truth is listed with what was read and how surely, and a
    /// verdict that disagrees too; without it, none is. The truth here is made to disagree with the report.
    /// </summary>
    [Fact]
    public void BenchListsTheCellsAndVerdictsItGotWrongWhenAsked()
    {
        var folder = Directory.CreateTempSubdirectory("bench-wrong-").FullName;
        try
        {
            File.Copy(Path.Combine(TestFiles.Samples, "failing-2021-tabs.txt"), Path.Combine(folder, "report.txt"));
            var truth = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.Samples, "failing-2021-tabs.truth.json")))!;
            truth["tables"]!["applications"]!["newReceived"]!["commercial"] = 5;
            truth["expectedVerdict"] = "passed";
            File.WriteAllText(Path.Combine(folder, "report.truth.json"), truth.ToJsonString());

            var listed = CliRun.Of("bench", folder, "--wrong", "--no-baseline");
            var plain = CliRun.Of("bench", folder);

            Assert.Equal(ExitCodes.Passed, listed.ExitCode);
            Assert.Contains("report.txt\tapplications.newReceived.commercial: read 4 (\"4\"), truth 5, 置信度 1.00", listed.Out, StringComparison.Ordinal);
            Assert.Contains("report.txt\t结论 failed，应为 passed", listed.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("report.txt\t", plain.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Pages a second counts the document's pages: the 4-page text PDF's tables end on page 3, and the last cell's
    /// page (the count before) gave 3.
    /// </summary>
    [Fact]
    public void BenchCountsEveryPageOfAPdfNotJustThoseWithTables()
    {
        var folder = Directory.CreateTempSubdirectory("bench-pages-").FullName;
        try
        {
            var fixtures = Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "pdf");
            File.Copy(Path.Combine(fixtures, "passing-2021.pdf"), Path.Combine(folder, "report.pdf"));
            File.Copy(Path.Combine(fixtures, "passing-2021.truth.json"), Path.Combine(folder, "report.truth.json"));

            var run = CliRun.Of("bench", folder, "--json", "--no-baseline");

            using var figures = System.Text.Json.JsonDocument.Parse(run.Out);
            var row = Assert.Single(figures.RootElement.EnumerateArray());
            Assert.Equal(4, row.GetProperty("pages").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void BenchWithoutTruthFilesIsAUsageError()
    {
        var run = CliRun.Of("bench", TestFiles.Seeds);

        Assert.Equal(ExitCodes.Unusable, run.ExitCode);
        Assert.Contains("真值文件", run.Error, StringComparison.Ordinal);
    }
}
