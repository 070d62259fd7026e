using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Review;

/// <summary>
/// The review pages' handlers, the same for both hosts (<c>pipeline serve</c> maps them as minimal API
/// endpoints; the Functions app calls them from its HTTP functions). Every handler first finds who is
/// asking and refuses what their offices do not cover.
/// </summary>
public sealed class ReviewHandlers(
    IPipelineStore store,
    IReviewStore reviews,
    IntakeService intake,
    IOriginals originals,
    PageImages images,
    ReviewOptions options,
    TimeProvider clock)
{
    private readonly ReportListing _listing = new(reviews, options);

    public async Task<IResult> ListAsync(HttpContext context)
    {
        var (scope, refusal) = await ScopeAsync(context);
        if (scope is null)
        {
            return refusal!;
        }

        var filter = ReportFilter.From(context.Request.Query);
        if (filter.Office is { } office && !scope.CanSee(office))
        {
            return Refuse(scope, HttpStatusCode.Forbidden, $"您无权查看单位“{office}”的报告。");
        }

        var listed = await _listing.PageAsync(scope, filter, context.RequestAborted);
        return Page(ListPage.Render(listed, filter, scope, options, clock.GetLocalNow().Year));
    }

    public async Task<IResult> ReportAsync(HttpContext context, string office, string id, string? message = null)
    {
        var (scope, review, refusal) = await OpenAsync(context, office, id);
        if (review is null)
        {
            return refusal!;
        }

        var report = review.Report;
        var query = context.Request.Query;
        var findings = report.Result.Findings;
        int? selected = int.TryParse(query["finding"], out var f) && f >= 0 && f < findings.Count ? f
            : findings.Select((x, i) => (x, i)).FirstOrDefault(p => p.x.IsViolation && p.x.Cells.Count > 0, (null!, -1)).Item2 is var first && first >= 0 ? first : null;
        int? pageNumber = int.TryParse(query["page"], out var p) ? p
            : selected is { } s ? findings[s].Cells.Select(c => report.Result.Cells.GetValueOrDefault(c)?.Page).OfType<int>().FirstOrDefault() is var pg and > 0 ? pg : null
            : null;
        var image = PageImages.HasPages(report) && pageNumber is { } n ? await images.GetAsync(report, n, context.RequestAborted) : null;

        IReadOnlyList<StoredReport> lastYear = [];
        if (report.Result.Year is { } year && findings.Any(x => x.Rule.StartsWith("X-", StringComparison.Ordinal)))
        {
            lastYear = [.. (await store.ListReportsAsync(new ReportQuery(report.Office, year - 1), context.RequestAborted)).OrderByDescending(r => r.StoredAt)];
        }

        var attempts = await store.ListAttemptsAsync(report.Office, report.Id, context.RequestAborted);
        var tokens = Antiforgery(context).GetAndStoreTokens(context);
        var model = new ReportPageModel(review, scope!, selected, pageNumber, image, lastYear, attempts, tokens.FormFieldName, tokens.RequestToken ?? "", message ?? Notice(query["done"]));
        return Page(ReportPage.Render(model, options));
    }

    public async Task<IResult> PageImageAsync(HttpContext context, string office, string id, int page)
    {
        var (_, review, refusal) = await OpenAsync(context, office, id);
        if (review is null)
        {
            return refusal!;
        }

        var image = PageImages.HasPages(review.Report) ? await images.GetAsync(review.Report, page, context.RequestAborted) : null;
        return image is null
            ? Results.Text($"报告没有第 {page} 页的图像。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : Results.File(image.Path, "image/png");
    }

    public async Task<IResult> OriginalAsync(HttpContext context, string office, string id)
    {
        var (_, review, refusal) = await OpenAsync(context, office, id);
        if (review is null)
        {
            return refusal!;
        }

        var stream = await originals.OpenAsync(review.Report.Path, context.RequestAborted);
        return Results.Stream(stream, "application/octet-stream", review.Report.Name);
    }

    /// <summary>Confirms or dismisses one finding, by its fingerprint (rule and cells), with a note.</summary>
    public async Task<IResult> DecideAsync(HttpContext context, string office, string id)
    {
        var (scope, review, refusal) = await OpenForDecisionAsync(context, office, id);
        if (review is null)
        {
            return refusal!;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fingerprint = form["fingerprint"].ToString();
        var action = form["action"].ToString() switch { "confirm" => DecisionAction.Confirm, "dismiss" => DecisionAction.Dismiss, _ => (DecisionAction?)null };
        if (action is null || !review.Report.Result.Findings.Any(f => FindingFingerprint.Of(f) == fingerprint))
        {
            return Refuse(scope!, HttpStatusCode.BadRequest, "复核请求不完整：请在报告页面上选择“确认问题”或“驳回（误报）”。");
        }

        await RecordAsync(review.Report, scope!.Reviewer, action.Value, fingerprint, form["note"], context.RequestAborted);
        return Back(review.Report, "decided");
    }

    /// <summary>Settles a needsReview report; settled as failed, its failure email goes out now, once.</summary>
    public async Task<IResult> SettleAsync(HttpContext context, string office, string id)
    {
        var (scope, review, refusal) = await OpenForDecisionAsync(context, office, id);
        if (review is null)
        {
            return refusal!;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var action = form["action"].ToString() switch { "settleFailed" => DecisionAction.SettleFailed, "settlePassed" => DecisionAction.SettlePassed, _ => (DecisionAction?)null };
        if (action is null)
        {
            return Refuse(scope!, HttpStatusCode.BadRequest, "复核请求不完整：请选择“认定未通过”或“认定通过”。");
        }

        if (!review.Settleable)
        {
            return Refuse(scope!, HttpStatusCode.Conflict, $"这份报告的结论是“{Html.VerdictName(review.Verdict)}”，不需要人工认定。");
        }

        await RecordAsync(review.Report, scope!.Reviewer, action.Value, null, form["note"], context.RequestAborted);
        if (action == DecisionAction.SettleFailed)
        {
            var failed = await MarkFailedAsync(review.Report, context.RequestAborted);
            await intake.EnsureNoticeAsync(failed, context.RequestAborted);
        }

        return Back(review.Report, "settled");
    }

    public async Task<IResult> ReprocessAsync(HttpContext context, string office, string id)
    {
        var (_, review, refusal) = await OpenForDecisionAsync(context, office, id);
        if (review is null)
        {
            return refusal!;
        }

        await intake.ReprocessAsync(review.Report.Office, review.Report.Id, originals, context.RequestAborted);
        return Back(review.Report, "reprocessed");
    }

    /// <summary>A year's findings for an office and every office under it: <c>format</c> csv or xlsx.</summary>
    public async Task<IResult> ExportAsync(HttpContext context, string format)
    {
        var (scope, refusal) = await ScopeAsync(context);
        if (scope is null)
        {
            return refusal!;
        }

        var office = context.Request.Query["office"].ToString();
        if (office.Length == 0 || !int.TryParse(context.Request.Query["year"], out var year))
        {
            return Refuse(scope, HttpStatusCode.BadRequest, "导出需要指定单位（office）和年度（year）。");
        }

        if (!scope.CanSee(office))
        {
            return Refuse(scope, HttpStatusCode.Forbidden, $"您无权导出单位“{office}”的报告。");
        }

        var reports = await _listing.AllAsync(scope, new ReportFilter(office, year, null, null, ReviewSort.Office, false, 1), context.RequestAborted);
        var withDecisions = new List<ReportReview>();
        foreach (var r in reports)
        {
            withDecisions.Add(new ReportReview(r.Report, await reviews.ListDecisionsAsync(r.Report.Office, r.Report.Id, context.RequestAborted)));
        }

        var rows = FindingsExport.Rows(withDecisions, scope);
        var name = $"{office}-{year}-问题清单";
        return format == "xlsx"
            ? Results.File(FindingsExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : Results.File(FindingsExport.Csv(rows), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task RecordAsync(StoredReport report, Reviewer reviewer, DecisionAction action, string? fingerprint, string? note, CancellationToken cancellationToken) =>
        await reviews.AddDecisionAsync(new ReviewDecision
        {
            Id = "decision-" + Guid.NewGuid().ToString("n"),
            Office = report.Office,
            ReportId = report.Id,
            Fingerprint = fingerprint,
            Action = action,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 2000)],
            By = reviewer.Name,
            At = clock.GetUtcNow(),
            RulesVersion = report.RulesVersion,
        }, cancellationToken);

    /// <summary>
    /// The settled verdict goes on the stored report (with the check's own verdict kept in its history), so
    /// the notifier, which sends only for a failed report, sends it; re-processing gives the check's verdict
    /// back and the settlement, kept apart, still stands over it.
    /// </summary>
    private async Task<StoredReport> MarkFailedAsync(StoredReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await store.GetReportAsync(report.Office, report.Id, cancellationToken) ?? report;
            if (current.Verdict == Verdict.Failed)
            {
                return current;
            }

            var past = new PastVerdict(current.RulesVersion, current.Verdict, current.StoredAt, [.. current.Result.Findings.Where(f => f.IsViolation).Select(f => f.Rule).Distinct()]);
            var failed = current with { Result = current.Result with { Verdict = Verdict.Failed }, History = [.. current.History, past] };
            if (await store.TryReplaceReportAsync(failed, cancellationToken))
            {
                return await store.GetReportAsync(report.Office, report.Id, cancellationToken) ?? failed;
            }
        }

        throw new InvalidOperationException($"报告 {report.Office}/{report.Id} 正被反复修改，请稍后再试。");
    }

    private async Task<(OfficeScope? Scope, ReportReview? Review, IResult? Refusal)> OpenAsync(HttpContext context, string office, string id)
    {
        var (scope, refusal) = await ScopeAsync(context);
        if (scope is null)
        {
            return (null, null, refusal);
        }

        if (!scope.CanSee(office))
        {
            return (scope, null, Refuse(scope, HttpStatusCode.Forbidden, $"您无权查看单位“{office}”的报告。"));
        }

        var report = await store.GetReportAsync(office, id, context.RequestAborted);
        if (report is null)
        {
            return (scope, null, Refuse(scope, HttpStatusCode.NotFound, $"找不到单位“{office}”的报告 {id}。"));
        }

        return (scope, new ReportReview(report, await reviews.ListDecisionsAsync(office, id, context.RequestAborted)), null);
    }

    private async Task<(OfficeScope? Scope, ReportReview? Review, IResult? Refusal)> OpenForDecisionAsync(HttpContext context, string office, string id)
    {
        var opened = await OpenAsync(context, office, id);
        if (opened.Review is null)
        {
            return opened;
        }

        if (!opened.Scope!.CanDecide(office))
        {
            return (opened.Scope, null, Refuse(opened.Scope, HttpStatusCode.Forbidden, "填报人员可以查看报告，但复核决定须由监督人员作出。"));
        }

        try
        {
            await Antiforgery(context).ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return (opened.Scope, null, Refuse(opened.Scope, HttpStatusCode.BadRequest, "表单已过期或不是从本系统页面提交的，请刷新报告页面后重试。"));
        }

        return opened;
    }

    /// <summary>Who is asking, and which offices that lets them see; or the refusal (401, 403) to send instead.</summary>
    public async Task<(OfficeScope? Scope, IResult? Refusal)> ScopeAsync(HttpContext context)
    {
        Reviewer? reviewer;
        var registry = await reviews.ListOfficesAsync(context.RequestAborted);
        var anonymous = new OfficeScope(new Reviewer("未登录", ReviewerRole.Clerk, new HashSet<string>()), registry);
        if (options.TrustPrincipalHeader)
        {
            var principal = ClientPrincipal.Parse(context.Request.Headers[ClientPrincipal.Header]);
            if (principal is null)
            {
                return (null, Refuse(anonymous, HttpStatusCode.Unauthorized, "请先登录（统一身份认证）。"));
            }

            reviewer = principal.ToReviewer(registry);
            if (reviewer is null)
            {
                return (null, Refuse(anonymous, HttpStatusCode.Forbidden, "您的账号尚未被授予任何单位的查看权限，请联系管理员。"));
            }
        }
        else
        {
            if (options.LoopbackOnly && context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                return (null, Refuse(anonymous, HttpStatusCode.Forbidden, "复核页面只允许本机访问。"));
            }

            reviewer = Reviewer.Operator(options.LocalOperator);
        }

        return (new OfficeScope(reviewer, registry), null);
    }

    private IResult Back(StoredReport report, string done) =>
        Results.Redirect(options.Link($"/reports/{Uri.EscapeDataString(report.Office)}/{report.Id}?done={done}"), permanent: false, preserveMethod: false);

    private static string? Notice(string? done) => done switch
    {
        "decided" => "复核决定已记录。",
        "settled" => "复核结论已记录。",
        "reprocessed" => "已按现行规则重新检查。",
        _ => null,
    };

    private IResult Refuse(OfficeScope scope, HttpStatusCode status, string message) =>
        Page(Html.Page("无法打开", $"<h1>无法打开</h1><p class=\"error\" role=\"alert\">{Html.E(message)}</p><p><a href=\"{Html.E(options.Link("/reports"))}\">返回报告列表</a></p>", options, scope.Reviewer), (int)status);

    private static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", null, status);

    private static IAntiforgery Antiforgery(HttpContext context) => context.RequestServices.GetRequiredService<IAntiforgery>();
}
