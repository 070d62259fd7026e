using Pipeline.Checking;
using Pipeline.CrossReport;
using Pipeline.Model.Results;
using Pipeline.Ocr;
using Pipeline.Rules.Catalogue;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>Checks each file, prints a Chinese summary (or JSON), and sets the exit code.</summary>
public sealed class CheckCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(IReadOnlyList<string> paths, bool json, string? rulesPath, string? dbPath = null, string? office = null, CrossReportOptions? crossReport = null)
    {
        RuleCatalogue catalogue;
        try
        {
            catalogue = rulesPath is null ? RuleCatalogue.Default() : RuleCatalogue.Load(rulesPath);
        }
        catch (RulesFileException e)
        {
            stderr.WriteLine($"规则文件错误：{e.Message}");
            return ExitCodes.Unusable;
        }

        var (files, missing, skipped) = InputFiles.Expand(paths, out var folderLinks);
        foreach (var path in missing)
        {
            stderr.WriteLine($"找不到文件或文件夹：{path}");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.Unusable;
        }

        if (files.Count == 0)
        {
            stderr.WriteLine("没有找到要检查的报告文件。");
            return ExitCodes.Unusable;
        }

        if (skipped > 0)
        {
            stderr.WriteLine($"已跳过 {skipped} 个不是报告的文件（隐藏文件或 .json）。");
        }

        if (folderLinks > 0)
        {
            stderr.WriteLine($"已跳过 {folderLinks} 个指向文件夹的链接（不跟随链接，以免循环）。");
        }

        using var ocr = new EnginePool();
        var checker = ReaderSet.CreateChecker(catalogue, CheckLimits.FromEnvironment(), ocr);
        var results = CheckAll(checker, files, showProgress: files.Count > 1);
        if (dbPath is not null)
        {
            if (!File.Exists(dbPath))
            {
                stderr.WriteLine($"找不到数据库：{dbPath}（跨报告规则 X-CARRY、X-IN-FORCE、X-DUPLICATE 需要已有的报告库）");
                return ExitCodes.Unusable;
            }

            results = AgainstStore(dbPath, catalogue, files, results, office, crossReport);
        }
        if (json)
        {
            stdout.WriteLine(results.Count == 1 ? ResultJson.Serialize(results[0]) : ResultJson.Serialize(results));
        }
        else
        {
            var console = Consoles.For(stdout);
            foreach (var result in results)
            {
                ReportView.Render(console, result, catalogue);
            }

            if (results.Count > 1)
            {
                ReportView.RenderTotals(console, results);
            }
        }

        return results.Any(r => r.Verdict == Verdict.Unreadable) ? ExitCodes.Unusable
            : results.Any(r => r.Verdict is Verdict.Failed or Verdict.NeedsReview) ? ExitCodes.Findings
            : ExitCodes.Passed;
    }

    /// <summary>
    /// Runs the rules across reports against a local store, without storing anything: the office is given, or
    /// the file's folder name (the drop layout DROP/{office}/{file} that <c>watch</c> uses).
    /// </summary>
    private static List<CheckResult> AgainstStore(string dbPath, RuleCatalogue catalogue, IReadOnlyList<string> files, List<CheckResult> results, string? office, CrossReportOptions? options)
    {
        var store = new Pipeline.Storage.SqliteStore(dbPath);
        var rules = new CrossReportRules(store, store, catalogue, options);
        return [.. results.Select((r, i) => rules.EvaluateAsync(office ?? OfficeOf(files[i]), r.Id, r).GetAwaiter().GetResult())];
    }

    private static string OfficeOf(string file) => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? "";

    private List<CheckResult> CheckAll(ReportChecker checker, IReadOnlyList<string> files, bool showProgress)
    {
        var results = new List<CheckResult>(files.Count);
        CheckResult CheckOne(string path)
        {
            var name = Path.GetFileName(path);
            if (FileKind.Refusal(path) is { } refusal)
            {
                return ReportChecker.NotOpened(name, refusal);
            }

            try
            {
                using var stream = File.OpenRead(path);
                return checker.Check(name, stream);
            }
            catch (UnauthorizedAccessException)
            {
                return ReportChecker.NotOpened(name, "没有读取这个文件的权限，无法打开。请检查文件权限后重新提交。");
            }
            catch (IOException e)
            {
                return ReportChecker.NotOpened(name, $"无法打开或读取这个文件（{e.GetType().Name}），请检查文件后重新提交。");
            }
        }

        var console = Consoles.For(stderr);
        if (!showProgress || !console.Profile.Capabilities.Interactive)
        {
            results.AddRange(files.Select(CheckOne));
            return results;
        }

        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("检查报告", maxValue: files.Count);
                foreach (var file in files)
                {
                    task.Description = $"检查 {Markup.Escape(Path.GetFileName(file))}";
                    results.Add(CheckOne(file));
                    task.Increment(1);
                }
            });
        return results;
    }
}
