using System.Text.Json;
using MimeKit;
using Pipeline.Cli;
using Pipeline.Intake.Tests.Services;

namespace Pipeline.Intake.Tests.Cli;

/// <summary>The same scenarios on one machine: <c>pipeline watch --once</c> with SQLite and the outbox.</summary>
public sealed class WatchOnceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("watch-").FullName;

    private string Drop => Path.Combine(_root, "drop");

    private string Db => Path.Combine(_root, "state", "pipeline.db");

    private string Outbox => Path.Combine(_root, "outbox");

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void Put(string office, string name, byte[] bytes)
    {
        Directory.CreateDirectory(Path.Combine(Drop, office));
        File.WriteAllBytes(Path.Combine(Drop, office, name), bytes);
    }

    private List<MimeMessage> Emails() => [.. Directory.EnumerateFiles(Outbox, "*.eml").Select(f => MimeMessage.Load(f))];

    [Fact]
    public void Watch_once_stores_every_report_emails_each_failure_once_and_a_restart_does_nothing_again()
    {
        var failing = File.ReadAllBytes(Repository.Sample("failing-2021-tabs.txt"));
        Put("fq", "failing.txt", failing);
        Put("fq", "copy-of-failing.txt", failing);
        Put("fq", "passing.docx", File.ReadAllBytes(Repository.Sample("passing-2021.docx")));
        Put("fq", "scan.pdf", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        Put("nobody", "failing.txt", failing);
        var offices = Path.Combine(_root, "offices.json");
        File.WriteAllText(offices, """[{ "code": "fq", "name": "凤桥街道办事处", "kind": "街道", "parent": "county", "supervisors": ["sup@example.org"] }]""");
        string[] args = ["watch", Drop, "--once", "--db", Db, "--outbox", Outbox, "--offices", offices, "--fallback", "fallback@example.org"];

        var first = Run(args);

        Assert.Equal(ExitCodes.Unusable, first.Exit); // an unreadable file, as `check` would say
        var emails = Emails();
        Assert.Equal(3, emails.Count); // failing (once for both copies), unreadable, and the unknown office's
        Assert.Equal(2, emails.Count(e => e.To.Mailboxes.Single().Address == "sup@example.org"));
        var fallback = Assert.Single(emails, e => e.To.Mailboxes.Single().Address == "fallback@example.org");
        Assert.Contains("/reports/nobody/", fallback.TextBody);
        Assert.All(emails, e => Assert.False(string.IsNullOrEmpty(e.Headers["X-Report-Id"])));
        Assert.Contains(emails, e => (e.TextBody ?? "").Contains("T3-BALANCE", StringComparison.Ordinal) && (e.Subject ?? "").Contains("未通过", StringComparison.Ordinal));
        Assert.Contains(emails, e => (e.TextBody ?? "").Contains("原因：", StringComparison.Ordinal) && (e.Subject ?? "").Contains("无法读取", StringComparison.Ordinal));

        var second = Run(args);
        Assert.Equal(ExitCodes.Unusable, second.Exit);
        Assert.Equal("已导入 1 个单位。", second.Out.Trim()); // nothing taken in again
        Assert.Equal(3, Emails().Count);

        var listed = Run("reports", "--db", Db, "--json");
        Assert.Equal(0, listed.Exit);
        var reports = JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(4, reports.Count); // the two copies of one file are one report
        var failed = reports.Single(r => r.GetProperty("office").GetString() == "fq" && r.GetProperty("verdict").GetString() == "failed");
        Assert.Equal(2, failed.GetProperty("attempts").GetArrayLength());
        Assert.StartsWith(Drop, failed.GetProperty("path").GetString());
        Assert.All(reports, r => Assert.True(r.GetProperty("attempts").GetArrayLength() >= 1));
        Assert.Equal(2, JsonDocument.Parse(Run("reports", "--db", Db, "--json", "--verdict", "failed").Out).RootElement.GetArrayLength());
    }

    [Fact]
    public void A_changed_file_is_a_new_report_linked_to_the_one_before()
    {
        Put("fq", "年报.txt", File.ReadAllBytes(Repository.Sample("failing-2021-tabs.txt")));
        Assert.Equal(ExitCodes.Findings, Run("watch", Drop, "--once", "--db", Db, "--outbox", Outbox).Exit);
        var path = Path.Combine(Drop, "fq", "年报.txt");
        File.WriteAllBytes(path, File.ReadAllBytes(Repository.Sample("passing-2021-tabs.txt")));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(ExitCodes.Passed, Run("watch", Drop, "--once", "--db", Db, "--outbox", Outbox).Exit);

        var reports = JsonDocument.Parse(Run("reports", "--db", Db, "--json").Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, reports.Count);
        Assert.Single(Emails());
    }

    [Fact]
    public void A_bad_offices_file_is_refused_in_chinese()
    {
        var offices = Path.Combine(_root, "offices.json");
        File.WriteAllText(offices, """[{ "code": "fq", "name": "凤桥", "supervisors": ["not an address"] }]""");
        var result = Run("offices", "import", offices, "--db", Db);
        Assert.Equal(ExitCodes.Unusable, result.Exit);
        Assert.Contains("邮箱", result.Err);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
