using Pipeline.Intake;
using Pipeline.Model.Results;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline reprocess</c>: after a rules change, checks the stored originals again under the rules in force, through
/// the intake service's own reprocess (the one the Functions app's HTTP function and the review pages use). Each report
/// keeps its history (the earlier verdict under the earlier rules); an email goes out only when a verdict becomes
/// failed or unreadable. Reports already judged by these rules are left alone, so a run that stopped can be run again.
/// </summary>
public sealed class ReprocessCommand(TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(LocalOptions options, string? office, string? rulesPath, CancellationToken cancellationToken)
    {
        if (RulesFile.Load(rulesPath, stderr) is not { } catalogue)
        {
            return ExitCodes.Unusable;
        }

        if (!File.Exists(options.Db))
        {
            stderr.WriteLine($"找不到报告库 {options.Db}：请先用 watch 接收报告，或用 --db 指定报告库。");
            return ExitCodes.Unusable;
        }

        using var pipeline = await LocalPipeline.CreateAsync(options, catalogue);
        var intake = pipeline.Intake;
        await intake.SweepAsync(TimeSpan.Zero, cancellationToken); // notices an earlier run left pending

        var stored = await pipeline.Store.ListReportsAsync(new Storage.ReportQuery(office), cancellationToken);
        var originals = new FolderOriginals();
        var changes = new Dictionary<(Verdict Before, Verdict After), int>();
        int current = 0, unchanged = 0, notified = 0;
        var missing = new List<string>();
        foreach (var report in stored)
        {
            if (report.RulesVersion == intake.RulesVersion)
            {
                current++;
                continue;
            }

            Storage.StoredReport? updated;
            try
            {
                updated = await intake.ReprocessAsync(report.Office, report.Id, originals, cancellationToken);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                missing.Add($"{report.Office}/{report.Name}（{report.Path}）");
                continue;
            }

            if (updated is null)
            {
                continue; // gone from the store since it was listed
            }

            if (updated.Verdict == report.Verdict)
            {
                unchanged++;
            }
            else
            {
                changes[(report.Verdict, updated.Verdict)] = changes.GetValueOrDefault((report.Verdict, updated.Verdict)) + 1;
                notified += Failing(updated.Verdict) && !Failing(report.Verdict) ? 1 : 0;
            }
        }

        await intake.SweepAsync(TimeSpan.Zero, cancellationToken);

        var scope = office is null ? "全部单位" : $"单位 {office}";
        stdout.WriteLine($"重新检查（{scope}，规则版本 {intake.RulesVersion}）：库中 {stored.Count} 份报告");
        stdout.WriteLine($"  已按当前规则检查过，跳过 {current} 份；重新检查 {unchanged + changes.Values.Sum()} 份，结论未变 {unchanged} 份，结论改变 {changes.Values.Sum()} 份");
        foreach (var ((before, after), count) in changes.OrderBy(c => c.Key.Before).ThenBy(c => c.Key.After))
        {
            stdout.WriteLine($"    {Review.Html.VerdictName(before)} → {Review.Html.VerdictName(after)}：{count} 份");
        }

        stdout.WriteLine($"  通知监督人 {notified} 份（结论变为未通过或无法读取的报告；其余不发邮件）");
        foreach (var gone in missing)
        {
            stderr.WriteLine($"  原件不在原处，未能重新检查：{gone}");
        }

        return missing.Count == 0 ? ExitCodes.Passed : ExitCodes.Findings;
    }

    private static bool Failing(Verdict verdict) => verdict is Verdict.Failed or Verdict.Unreadable;
}
