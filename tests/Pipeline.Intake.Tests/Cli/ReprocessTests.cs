using System.Text.Json;
using MimeKit;
using Pipeline.Cli;
using Pipeline.Intake.Tests.Services;
using Pipeline.Notification;

namespace Pipeline.Intake.Tests.Cli;

/// <summary>
/// <c>pipeline reprocess</c> through the real command line, SQLite and outbox: after a rules change the stored
/// originals are checked again, history is kept, and only a verdict that becomes failed is emailed.
/// </summary>
public sealed class ReprocessTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reprocess-").FullName;

    private string Drop => Path.Combine(_root, "drop");

    private string Db => Path.Combine(_root, "pipeline.db");

    private string Outbox => Path.Combine(_root, "outbox");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void Put(string office, string name, string sample)
    {
        Directory.CreateDirectory(Path.Combine(Drop, office));
        File.Copy(Repository.Sample(sample), Path.Combine(Drop, office, name));
    }

    private List<MimeMessage> Emails() => [.. Directory.EnumerateFiles(Outbox, "*.eml").Select(f => MimeMessage.Load(f))];

    private Dictionary<string, JsonElement> Stored() =>
        JsonDocument.Parse(Run("reports", "--db", Db, "--json").Out).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("office").GetString() + "/" + Path.GetFileName(r.GetProperty("path").GetString()));

    [Fact]
    public void A_rules_change_rechecks_the_originals_keeps_history_and_emails_only_the_newly_failed()
    {
        Put("fq", "mixed.txt", "mixed-2021-rows.txt");     // passes with a DOC-VINTAGE warning
        Put("fq", "failing.txt", "failing-2021-tabs.txt"); // fails, emailed once already
        Put("hx", "passing.txt", "passing-2021-tabs.txt");
        Assert.Equal(ExitCodes.Findings, Run("watch", Drop, "--once", "--db", Db, "--outbox", Outbox).Exit);
        Assert.Single(Emails());
        var before = Stored();
        Assert.Equal("passed", before["fq/mixed.txt"].GetProperty("verdict").GetString());

        var strict = Path.Combine(_root, "strict.json");
        File.WriteAllText(strict, """{ "rules": [ { "id": "DOC-VINTAGE", "severity": "error" } ] }""");
        var run = Run("reprocess", "--db", Db, "--outbox", Outbox, "--rules", strict);

        Assert.True(run.Exit == ExitCodes.Passed, run.Err + run.Out);
        Assert.Contains("库中 3 份报告", run.Out, StringComparison.Ordinal);
        Assert.Contains("重新检查 3 份，结论未变 2 份，结论改变 1 份", run.Out, StringComparison.Ordinal);
        Assert.Contains("通过 → 未通过：1 份", run.Out, StringComparison.Ordinal);
        Assert.Contains("通知监督人 1 份", run.Out, StringComparison.Ordinal);
        var emails = Emails();
        Assert.Equal(2, emails.Count); // the failing report is not emailed again under the new rules
        var mixed = Stored()["fq/mixed.txt"];
        Assert.Equal("failed", mixed.GetProperty("verdict").GetString());
        Assert.Contains(emails, e => e.Headers[SupervisorEmail.ReportIdHeader] == mixed.GetProperty("id").GetString()
            && (e.TextBody ?? "").Contains("DOC-VINTAGE", StringComparison.Ordinal));

        // Run again under the same rules: nothing to do, nothing sent.
        var again = Run("reprocess", "--db", Db, "--outbox", Outbox, "--rules", strict);
        Assert.Contains("跳过 3 份", again.Out, StringComparison.Ordinal);
        Assert.Equal(2, Emails().Count);

        // Back to the default rules for one office: the report passes again, with both earlier verdicts kept, and no email.
        var back = Run("reprocess", "--db", Db, "--outbox", Outbox, "--office", "fq");
        Assert.Contains("库中 2 份报告", back.Out, StringComparison.Ordinal);
        Assert.Contains("未通过 → 通过：1 份", back.Out, StringComparison.Ordinal);
        Assert.Contains("通知监督人 0 份", back.Out, StringComparison.Ordinal);
        Assert.Equal(2, Emails().Count);
        var after = Stored();
        Assert.Equal("passed", after["fq/mixed.txt"].GetProperty("verdict").GetString());
        Assert.Equal(before["fq/mixed.txt"].GetProperty("id").GetString(), after["fq/mixed.txt"].GetProperty("id").GetString());
        // hx's report, taken in after it and 80% the same text, judged fq's again (X-DUPLICATE): stored,
        // re-evaluated, then reprocessed twice, every version kept.
        var attempts = after["fq/mixed.txt"].GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["stored", "reevaluated", "reprocessed", "reprocessed"], attempts);
        var history = after["fq/mixed.txt"].GetProperty("history").EnumerateArray().Select(h => h.GetProperty("verdict").GetString()).ToList();
        Assert.Equal(["passed", "passed", "failed"], history);
        Assert.Equal(before["fq/mixed.txt"].GetProperty("rulesVersion").GetString(), after["fq/mixed.txt"].GetProperty("rulesVersion").GetString());
        Assert.Equal("passed", after["hx/passing.txt"].GetProperty("verdict").GetString());
    }

    [Fact]
    public void A_store_that_does_not_exist_and_a_broken_rules_file_are_refused_in_Chinese()
    {
        var missing = Run("reprocess", "--db", Path.Combine(_root, "none.db"));
        Assert.Equal(ExitCodes.Unusable, missing.Exit);
        Assert.Contains("找不到报告库", missing.Err, StringComparison.Ordinal);

        Put("fq", "mixed.txt", "mixed-2021-rows.txt");
        Run("watch", Drop, "--once", "--db", Db, "--outbox", Outbox);
        var broken = Path.Combine(_root, "broken.json");
        File.WriteAllText(broken, "{ not json");
        var refused = Run("reprocess", "--db", Db, "--rules", broken);
        Assert.Equal(ExitCodes.Unusable, refused.Exit);
        Assert.Contains("规则文件错误", refused.Err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
