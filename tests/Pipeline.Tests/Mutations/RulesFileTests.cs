using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Reading;
using Pipeline.Rules.Catalogue;
using static Pipeline.Tests.Mutations.MutationRun;

namespace Pipeline.Tests.Mutations;

/// <summary>
/// A user's rules file names only what it changes: here TXT-AGENCY switched off and DOC-LATE
/// made an error; every other rule keeps its default.
/// </summary>
public sealed class RulesFileTests : IDisposable
{
    private const string Custom = """
        {
          // Our district reviews agency names by hand, and treats late publication as a failure.
          "rules": [
            { "id": "TXT-AGENCY", "enabled": false },
            { "id": "DOC-LATE", "severity": "error" }
          ]
        }
        """;

    private readonly string _folder = TestFiles.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheFileChangesOnlyTheRulesItNames()
    {
        var custom = Load(Custom);
        var defaults = RuleCatalogue.Default();

        Assert.False(custom.Find("TXT-AGENCY")!.Enabled);
        Assert.Equal(Severity.Error, custom.Find("DOC-LATE")!.Severity);
        Assert.Equal(defaults.Find("DOC-LATE")!.Messages, custom.Find("DOC-LATE")!.Messages);
        foreach (var rule in defaults.Rules.Where(r => r.Id is not ("TXT-AGENCY" or "DOC-LATE")))
        {
            Assert.Equal(rule.Enabled, custom.Find(rule.Id)!.Enabled);
            Assert.Equal(rule.Severity, custom.Find(rule.Id)!.Severity);
        }

        Assert.Equal(defaults.Settings, custom.Settings);
    }

    [Fact]
    public void Seed000PublishedInMarchFailsUnderTheFileAndPassesWithWarningsWithout()
    {
        // 000 line 438 2022年1月24日 → 2022年3月1日; 000 also says 全镇/我镇 (TXT-AGENCY).
        var text = SeedText.Load("000").ReplaceFirst("2022年1月24日", "2022年3月1日");
        var late = new ExpectedFinding("DOC-LATE", []) { MessageParts = ["晚29天"] };

        var byDefault = Check(RuleCatalogue.Default(), text);
        var byFile = Check(Load(Custom), text);

        FindingAssert.Exactly(byDefault, [.. Baseline("000"), late]);
        Assert.Equal(Verdict.Passed, byDefault.Verdict);
        FindingAssert.Exactly(byFile, [late with { Severity = Severity.Error }]);
        Assert.Equal(Verdict.Failed, byFile.Verdict);
        Assert.DoesNotContain(byFile.Findings, f => f.Rule == "TXT-AGENCY");
    }

    [Theory]
    [InlineData("000")]
    [InlineData("003")]
    public void TheUnchangedSeedsLoseTheirAgencyWarningAndStillPass(string seed)
    {
        var result = Check(Load(Custom), SeedText.Load(seed));

        FindingAssert.Exactly(result, []);
        Assert.DoesNotContain(result.Findings, f => f.Rule == "TXT-AGENCY");
    }

    [Fact]
    public void ADateThatIsNotPrintedIsStillOnlyANoteWhenDocLateIsAnError()
    {
        // 003 prints no date: DOC-LATE cannot be checked, which is said, and fails nothing.
        var result = Check(Load(Custom), SeedText.Load("003"));

        var note = Assert.Single(result.Findings, f => f.Rule == "DOC-LATE");
        Assert.False(note.Checked);
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    [Fact]
    public void AnUnknownRuleIdIsRefusedInChinese()
    {
        var e = Assert.Throws<RulesFileException>(() => Load("""{ "rules": [ { "id": "TXT-AGENT", "enabled": false } ] }"""));

        Assert.Contains("“TXT-AGENT”不存在", e.Message, StringComparison.Ordinal);
    }

    private RuleCatalogue Load(string json)
    {
        var path = Path.Combine(_folder, "rules.json");
        File.WriteAllText(path, json);
        return RuleCatalogue.Load(path);
    }

    private static CheckResult Check(RuleCatalogue catalogue, SeedText text) =>
        ReaderSet.CreateChecker(catalogue).Check(new InputFile(text.Prefix + ".txt", text.ToBytes()));
}
