using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Pipeline.Checking;
using Pipeline.CrossReport;
using Pipeline.Model.Results;
using Pipeline.Notification;
using Pipeline.Resilience;
using Pipeline.Storage;

namespace Pipeline.Intake;

/// <summary>
/// The one place a report is taken in, for every host (Functions app, <c>pipeline watch</c>, load run).
/// A delivery is checked and stored once (id = sha256 of the bytes, partition = office), every delivery
/// is recorded as an attempt, and a failed or unreadable report gets exactly one notice: it is marked
/// pending in the store before it is queued, so a lost enqueue or a crash is made good by a redelivery
/// or by the sweep. Originals are never changed.
/// </summary>
public sealed class IntakeService(
    ReportChecker checker,
    string rulesVersion,
    IPipelineStore store,
    INoticeQueue notices,
    TimeProvider clock,
    ILogger<IntakeService> logger,
    string? hostName = null,
    TimeSpan? checkTimeout = null,
    CrossReportRules? crossReport = null,
    bool acrossReports = true)
{
    private readonly string _host = hostName ?? Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") ?? Environment.MachineName;

    // The rules across reports run wherever the store keeps a text index (both stores do); hosts pass their own
    // to use their rules file and thresholds, and the default catalogue is used otherwise. Only the load run turns
    // them off (acrossReports: false), to tell the pipeline's own cost from theirs.
    private readonly CrossReportRules? _crossReport = !acrossReports ? null : crossReport ?? CrossReportRules.For(store, Rules.Catalogue.RuleCatalogue.Default());

    public string RulesVersion => rulesVersion;

    public async Task<IntakeOutcome> TakeInAsync(IntakeRequest request, CancellationToken cancellationToken = default)
    {
        using var span = PipelineTracing.Step("intake");
        var started = Stopwatch.GetTimestamp();
        var at = clock.GetUtcNow();
        string id;
        using (PipelineTracing.Step("intake.hash"))
        {
            id = await HashAsync(request.Content, cancellationToken);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReportId"] = id, ["Office"] = request.Office, ["Blob"] = request.Path });

        // A redelivery (Event Grid sends some events twice, a restart sees the file again) finds the
        // report stored and is not checked again.
        StoredReport? report;
        using (PipelineTracing.Step("intake.lookup"))
        {
            report = await store.GetReportAsync(request.Office, id, cancellationToken);
        }

        var duplicate = report is not null;
        CrossEvaluation? judged = null;
        if (report is null)
        {
            var evaluation = await CrossCheckAsync(request.Office, id, await CheckAsync(id, request.Name, request.Content, cancellationToken), cancellationToken);
            var result = evaluation.Result;
            StoredReport? previous;
            using (PipelineTracing.Step("intake.previous-version"))
            {
                previous = await store.FindLatestByNameAsync(request.Office, request.Name, cancellationToken);
            }

            var fresh = new StoredReport
            {
                Id = id,
                Office = request.Office,
                Name = request.Name,
                Path = request.Path,
                BlobETag = request.BlobETag,
                RulesVersion = rulesVersion,
                StoredAt = clock.GetUtcNow(),
                PreviousId = previous?.Id == id ? null : previous?.Id,
                Result = result with { Id = id },
                Notice = Failing(result.Verdict) ? new PendingNotice(new NoticeKey(request.Office, id, rulesVersion), clock.GetUtcNow()) : null,
            };
            bool added;
            using (PipelineTracing.Step("intake.store"))
            {
                added = await store.TryAddReportAsync(fresh, cancellationToken);
            }

            if (added)
            {
                report = fresh;
                judged = evaluation;
                PipelineMetrics.Verdicts.Add(1, new KeyValuePair<string, object?>("verdict", fresh.Verdict.ToString()));
            }
            else
            {
                // The same bytes delivered concurrently: the other delivery stored them first.
                duplicate = true;
                report = await store.GetReportAsync(request.Office, id, cancellationToken)
                    ?? throw new InvalidOperationException($"报告 {request.Office}/{id} 写入冲突后却读不到。");
            }
        }

        // Done on a redelivery too (both are idempotent): a crash after storing must not leave the report
        // out of the index, or its next year's report judged against the store as it was before.
        await FollowUpAsync(report, judged, cancellationToken);
        var duration = Stopwatch.GetElapsedTime(started);
        await RecordAttemptAsync(report, at, duration, duplicate ? "duplicate" : "stored", request.Path, cancellationToken);
        if (report.Notice is not null || Failing(report.Verdict))
        {
            await EnsureNoticeAsync(report, cancellationToken);
        }

        logger.LogInformation("Took in {Blob} for {Office}: {ReportId} {Verdict} in {DurationMs:0} ms{Duplicate}",
            request.Path, request.Office, id, report.Verdict, duration.TotalMilliseconds, duplicate ? " (already stored)" : "");
        return new IntakeOutcome(report, duplicate, duration);
    }

    /// <summary>
    /// Checks a stored original again under the rules in force. The report keeps its earlier verdicts;
    /// a notice goes out only when the verdict becomes failed or unreadable.
    /// </summary>
    public async Task<StoredReport?> ReprocessAsync(string office, string id, IOriginals originals, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            var at = clock.GetUtcNow();
            var report = await store.GetReportAsync(office, id, cancellationToken);
            if (report is null)
            {
                return null;
            }

            await SettleOwedAsync(report, cancellationToken);

            CheckResult result;
            await using (var original = await originals.OpenAsync(report.Path, cancellationToken))
            {
                var seekable = await Seekable(original, cancellationToken);
                result = (await CrossCheckAsync(office, id, await CheckAsync(id, report.Name, seekable, cancellationToken), cancellationToken)).Result;
            }

            var past = new PastVerdict(report.RulesVersion, report.Verdict, report.StoredAt, [.. report.Result.Findings.Where(f => f.IsViolation).Select(f => f.Rule).Distinct()]);
            var becomesFailing = !Failing(report.Verdict) && Failing(result.Verdict);
            var updated = report with
            {
                RulesVersion = rulesVersion,
                StoredAt = clock.GetUtcNow(),
                Result = result with { Id = id },
                History = [.. report.History, past],
                Notice = becomesFailing ? new PendingNotice(new NoticeKey(office, id, rulesVersion), clock.GetUtcNow()) : Owed(report),
            };
            if (!await store.TryReplaceReportAsync(updated, cancellationToken))
            {
                continue; // changed under us (another reprocess): read it again
            }

            updated = await store.GetReportAsync(office, id, cancellationToken) ?? updated;
            await RecordAttemptAsync(updated, at, Stopwatch.GetElapsedTime(started), "reprocessed", report.Path, cancellationToken);
            if (becomesFailing)
            {
                await EnsureNoticeAsync(updated, cancellationToken);
            }

            return updated;
        }

        throw new InvalidOperationException($"报告 {office}/{id} 正被反复修改，重新检查未能完成，请稍后再试。");
    }

    /// <summary>Queues again every notice still pending after <paramref name="olderThan"/>; returns how many.</summary>
    public async Task<int> SweepAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var pending = await store.ListPendingAsync(cancellationToken);
        PipelineMetrics.PendingNotices.Record(pending.Count);
        var cutoff = clock.GetUtcNow() - olderThan;
        var swept = 0;
        foreach (var notice in pending.Where(p => p.Since <= cutoff))
        {
            var report = await store.GetReportAsync(notice.Key.Office, notice.Key.ReportId, cancellationToken);
            if (report is null)
            {
                logger.LogError("Pending notice {ReportId} for {Office} has no stored report", notice.Key.ReportId, notice.Key.Office);
                continue;
            }

            await notices.EnqueueAsync(FailureNotice.For(report) with { RulesVersion = notice.Key.RulesVersion }, cancellationToken);
            swept++;
        }

        if (swept > 0)
        {
            logger.LogInformation("Swept {Count} pending notices", swept);
        }

        return swept;
    }

    private async Task<CrossEvaluation> CrossCheckAsync(string office, string id, CheckResult result, CancellationToken cancellationToken)
    {
        using var step = PipelineTracing.Step("intake.cross-check");
        return _crossReport is null ? new CrossEvaluation(result, []) : await _crossReport.JudgeAsync(office, id, result with { Id = id }, cancellationToken);
    }

    /// <summary>
    /// Files the report's text in the index, then judges again the reports whose X-rules look back at it (the
    /// office's next year, when this year arrived late): each changed one gets a new version with its history
    /// kept, and a notice only when its verdict becomes failed. <paramref name="judged"/>: what this delivery's check
    /// worked out (null on a redelivery, which works it out again from the stored result).
    /// </summary>
    private async Task FollowUpAsync(StoredReport report, CrossEvaluation? judged, CancellationToken cancellationToken)
    {
        if (_crossReport is null || report.Verdict == Verdict.Unreadable)
        {
            return;
        }

        using var step = PipelineTracing.Step("intake.follow-up");
        await _crossReport.IndexAsync(report, judged, cancellationToken);
        foreach (var follower in await _crossReport.FollowersAsync(report, judged?.Copied, cancellationToken))
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var current = await store.GetReportAsync(follower.Office, follower.Id, cancellationToken);
                if (current is null)
                {
                    break;
                }

                await SettleOwedAsync(current, cancellationToken);

                var started = Stopwatch.GetTimestamp();
                var result = await _crossReport.EvaluateAsync(current.Office, current.Id, current.Result, cancellationToken);
                if (!CrossReportRules.Changed(current.Result, result))
                {
                    break;
                }

                var past = new PastVerdict(current.RulesVersion, current.Verdict, current.StoredAt, [.. current.Result.Findings.Where(f => f.IsViolation).Select(f => f.Rule).Distinct()]);
                var becomesFailed = !Failing(current.Verdict) && result.Verdict == Verdict.Failed;
                var updated = current with
                {
                    StoredAt = clock.GetUtcNow(),
                    Result = result,
                    History = [.. current.History, past],
                    Notice = becomesFailed ? new PendingNotice(new NoticeKey(current.Office, current.Id, current.RulesVersion), clock.GetUtcNow()) : Owed(current),
                };
                if (!await store.TryReplaceReportAsync(updated, cancellationToken))
                {
                    continue; // changed under us: read it again
                }

                await RecordAttemptAsync(updated, clock.GetUtcNow(), Stopwatch.GetElapsedTime(started), "reevaluated", current.Path, cancellationToken);
                logger.LogInformation("Re-evaluated {ReportId} of {Office} after {Earlier} arrived: {Before} → {After}", current.Id, current.Office, report.Id, current.Verdict, updated.Verdict);
                if (becomesFailed)
                {
                    await EnsureNoticeAsync(updated, cancellationToken);
                }

                break;
            }
        }
    }

    /// <summary>
    /// Makes sure the report's failure notice is sent once (also for a report a person settled as failed). A delivery
    /// of the file queues a notice still pending again (the enqueue before it may have been lost in a crash; the
    /// sender drops a second message); <paramref name="requeuePending"/> false only marks it, for a report read again
    /// by a re-evaluation, which would otherwise queue one message per re-evaluation while the first waits its turn.
    /// </summary>
    public async Task EnsureNoticeAsync(StoredReport report, CancellationToken cancellationToken, bool requeuePending = true)
    {
        using var step = PipelineTracing.Step("intake.notice");
        var notice = FailureNotice.For(report) with { RulesVersion = report.Notice?.Key.RulesVersion ?? report.RulesVersion };
        var mark = await store.MarkPendingAsync(notice.Key, clock.GetUtcNow(), cancellationToken);
        if (mark == NoticeMark.Done || mark == NoticeMark.Pending && !requeuePending)
        {
            return; // sent before, or queued before and left to the sweep if that was lost
        }

        try
        {
            await notices.EnqueueAsync(notice, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The notice is pending in the store; the sweep queues it again. The report is not lost either way.
            logger.LogWarning(e, "Could not queue the notice for {ReportId}; it stays pending for the sweep", report.Id);
        }
    }

    /// <summary>
    /// The stored version says it owes a notice: make sure the ledger has it. In SQLite the mark went in with the report
    /// (one transaction); in Cosmos DB the report document carries it and the ledger is written just after, so a crash
    /// between the two is made good by whichever delivery, reprocess or re-evaluation reads the report next.
    /// </summary>
    private async Task SettleOwedAsync(StoredReport report, CancellationToken cancellationToken)
    {
        if (report.Notice is not null)
        {
            await EnsureNoticeAsync(report, cancellationToken, requeuePending: false);
        }
    }

    /// <summary>
    /// The notice a report keeps owing when a new version of its verdict owes none: its own mark, or for a report
    /// stored before marks were kept, the notice of its failing verdict (so that a redelivery does not take the new
    /// rules version's key for a new notice).
    /// </summary>
    private static PendingNotice? Owed(StoredReport report) =>
        report.Notice ?? (Failing(report.Verdict) ? new PendingNotice(new NoticeKey(report.Office, report.Id, report.RulesVersion), report.StoredAt) : null);

    private static bool Failing(Verdict verdict) => verdict is Verdict.Failed or Verdict.Unreadable;

    /// <summary>The check, bounded by Check__TimeoutSeconds: a file that takes longer is recorded as unreadable, with the reason.</summary>
    private async Task<CheckResult> CheckAsync(string id, string name, Stream content, CancellationToken cancellationToken)
    {
        using var step = PipelineTracing.Step("intake.check");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = checkTimeout ?? TimeSpan.FromSeconds(180);
        timeout.CancelAfter(limit);
        try
        {
            return await Task.Run(() => checker.Check(name, content, timeout.Token), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult
            {
                Id = id,
                Source = new SourceDescription(name, null),
                Verdict = Verdict.Unreadable,
                Reason = $"检查超过 {limit.TotalSeconds:0} 秒仍未完成，已停止。原件已保留，请联系管理员。",
            };
        }
    }

    private async Task RecordAttemptAsync(StoredReport report, DateTimeOffset at, TimeSpan duration, string outcome, string path, CancellationToken cancellationToken)
    {
        using var step = PipelineTracing.Step("intake.attempt");
        await store.AddAttemptAsync(new IntakeAttempt
        {
            Id = Guid.NewGuid().ToString("n"),
            Office = report.Office,
            ReportId = report.Id,
            At = at,
            Host = _host,
            DurationMs = Math.Round(duration.TotalMilliseconds, 1),
            Outcome = outcome,
            Path = path,
        }, cancellationToken);
    }

    private static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The intake hashes a file before checking it: give it a seekable stream.", nameof(content));
        }

        var hash = await SHA256.HashDataAsync(content, cancellationToken);
        content.Position = 0;
        return Convert.ToHexStringLower(hash);
    }

    private static async Task<Stream> Seekable(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }
}
