using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Functions;

/// <summary>The HTTP API: stored results by office, one report, reprocess after a rules change, and health.</summary>
public sealed class ReportsApi(IPipelineStore store, IntakeService intake, IOriginals originals)
{
    [Function("ListReports")]
    public async Task<IActionResult> ListReports(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports")] HttpRequest request, CancellationToken cancellationToken)
    {
        var office = request.Query["office"].ToString();
        if (office.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "请指定单位：/api/reports?office=单位代码（可加 &year=2024&verdict=failed）。");
        }

        int? year = null;
        if (request.Query["year"].ToString() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, out var parsed))
            {
                return Problem(StatusCodes.Status400BadRequest, $"year 应为年份数字，而不是“{y}”。");
            }

            year = parsed;
        }

        Verdict? verdict = null;
        if (request.Query["verdict"].ToString() is { Length: > 0 } v)
        {
            try
            {
                verdict = JsonSerializer.Deserialize<Verdict>($"\"{v}\"");
            }
            catch (JsonException)
            {
                return Problem(StatusCodes.Status400BadRequest, $"verdict 只能是 passed、failed、needsReview 或 unreadable，而不是“{v}”。");
            }
        }

        var reports = await store.ListReportsAsync(new ReportQuery(office, year, verdict), cancellationToken);
        return Json(reports);
    }

    [Function("GetReport")]
    public async Task<IActionResult> GetReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{office}/{id}")] HttpRequest request, string office, string id, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(office, id, cancellationToken);
        return report is null ? Problem(StatusCodes.Status404NotFound, $"找不到单位 {office} 的报告 {id}。") : Json(report);
    }

    [Function("ReprocessReport")]
    public async Task<IActionResult> ReprocessReport(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/{office}/{id}/reprocess")] HttpRequest request, string office, string id, CancellationToken cancellationToken)
    {
        var report = await intake.ReprocessAsync(office, id, originals, cancellationToken);
        return report is null ? Problem(StatusCodes.Status404NotFound, $"找不到单位 {office} 的报告 {id}。") : Json(report);
    }

    [Function("Health")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var pending = await store.ListPendingAsync(cancellationToken);
        return Json(new { status = "ok", rulesVersion = intake.RulesVersion, pendingNotices = pending.Count });
    }

    private static ContentResult Json<T>(T value) => new()
    {
        Content = JsonSerializer.Serialize(value, StoreJson.Options),
        ContentType = "application/json; charset=utf-8",
        StatusCode = StatusCodes.Status200OK,
    };

    private static ContentResult Problem(int status, string detail) => new()
    {
        Content = JsonSerializer.Serialize(new { status, detail }, StoreJson.Options),
        ContentType = "application/problem+json; charset=utf-8",
        StatusCode = status,
    };
}
