using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Rules.Catalogue;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline watch DROP</c>: DROP/{office}/{file} is the drop folder. New and changed files are taken in
/// once their size has stopped changing; results go to SQLite, failure emails to the outbox (or SMTP).
/// </summary>
public sealed class WatchCommand(TextWriter stdout, TextWriter stderr)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    public async Task<int> RunAsync(string drop, LocalOptions options, string? officesFile, string? rulesPath, bool once, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(drop))
        {
            stderr.WriteLine($"找不到投递文件夹：{drop}（应为 投递文件夹/单位代码/报告文件）");
            return ExitCodes.Unusable;
        }

        if (RulesFile.Load(rulesPath, stderr) is not { } catalogue)
        {
            return ExitCodes.Unusable;
        }

        using var pipeline = await LocalPipeline.CreateAsync(options, catalogue);
        if (officesFile is not null && await OfficesCommand.ImportAsync(officesFile, pipeline.Store, stdout, stderr) != ExitCodes.Passed)
        {
            return ExitCodes.Unusable;
        }

        var state = new WatchState(options.Db);
        await state.InitializeAsync();
        await pipeline.Intake.SweepAsync(TimeSpan.Zero, cancellationToken); // notices left pending by an earlier run
        if (!once)
        {
            stderr.WriteLine($"正在监视 {drop}（按 Ctrl+C 停止）…");
        }

        var verdicts = new Dictionary<string, Verdict>();
        do
        {
            var files = await StableFilesAsync(drop, cancellationToken);
            var fresh = new List<(FileInfo File, string Office, string Name)>();
            foreach (var (file, office, name) in files)
            {
                if (await state.SeenAsync(file) is { } id && await pipeline.Store.GetReportAsync(office, id, cancellationToken) is { } seen)
                {
                    verdicts[file.FullName] = seen.Verdict;
                }
                else
                {
                    fresh.Add((file, office, name));
                }
            }

            await TakeInAllAsync(pipeline, state, fresh, verdicts, cancellationToken);
            await pipeline.Intake.SweepAsync(TimeSpan.Zero, cancellationToken);
            if (!once)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
        while (!once && !cancellationToken.IsCancellationRequested);

        return verdicts.Values.Any(v => v == Verdict.Unreadable) ? ExitCodes.Unusable
            : verdicts.Values.Any(v => v is Verdict.Failed or Verdict.NeedsReview) ? ExitCodes.Findings
            : ExitCodes.Passed;
    }

    private async Task TakeInAllAsync(LocalPipeline pipeline, WatchState state, List<(FileInfo File, string Office, string Name)> files, Dictionary<string, Verdict> verdicts, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        async Task One((FileInfo File, string Office, string Name) f, ProgressTask? task)
        {
            Verdict verdict;
            try
            {
                await using var content = f.File.OpenRead();
                var outcome = await pipeline.Intake.TakeInAsync(new IntakeRequest(f.Office, f.Name, f.File.FullName, null, content), cancellationToken);
                await state.RememberAsync(f.File, f.Office, outcome.Report.Id);
                verdict = outcome.Report.Verdict;
                stdout.WriteLine($"{f.Office}/{f.Name}：{verdict.Chinese()}{(outcome.Duplicate ? "（已检查过）" : "")}");
            }
            catch (IOException e)
            {
                // Still being written, or taken away: it is looked at again on the next pass.
                stderr.WriteLine($"暂时无法读取 {f.Office}/{f.Name}：{e.Message}");
                return;
            }

            verdicts[f.File.FullName] = verdict;
            task?.Increment(1);
        }

        var console = Consoles.For(stderr);
        if (files.Count < 10 || !console.Profile.Capabilities.Interactive)
        {
            for (var i = 0; i < files.Count; i++)
            {
                await One(files[i], null);
                if (files.Count >= 10 && (i + 1) % 50 == 0)
                {
                    stderr.WriteLine($"已处理 {i + 1}/{files.Count} 份");
                }
            }

            return;
        }

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("处理投递的报告", maxValue: files.Count);
                foreach (var f in files)
                {
                    await One(f, task);
                }
            });
    }

    /// <summary>Files at DROP/{office}/…, whose size and time written did not change over a short wait (an upload still being copied is left for later).</summary>
    private static async Task<List<(FileInfo File, string Office, string Name)>> StableFilesAsync(string drop, CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(drop);
        List<(FileInfo, string, string)> Scan() =>
        [
            .. root.EnumerateDirectories()
                .Where(d => !d.Name.StartsWith('.'))
                .SelectMany(d => d.EnumerateFiles("*", SearchOption.AllDirectories)
                    .Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase) && !f.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase))
                    .Select(f => (f, d.Name, Path.GetRelativePath(d.FullName, f.FullName).Replace('\\', '/'))))
                .OrderBy(t => t.Item1.FullName, StringComparer.Ordinal),
        ];
        var first = Scan().ToDictionary(t => t.Item1.FullName, t => (t.Item1.Length, t.Item1.LastWriteTimeUtc));
        await Task.Delay(Settle, cancellationToken);
        return [.. Scan().Where(t => first.TryGetValue(t.Item1.FullName, out var before) && before == (t.Item1.Length, t.Item1.LastWriteTimeUtc))];
    }
}
