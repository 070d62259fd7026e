using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Review;

namespace Pipeline.Functions;

/// <summary>
/// The review pages in Azure: the same handlers as <c>pipeline serve</c>, under <c>/api/review</c>
/// (PublicBaseUrl = https://{app}/api/review, so the email's {PublicBaseUrl}/reports/{office}/{id} lands
/// here). Anonymous at the function level: App Service authentication (Entra ID) signs people in and
/// sets X-MS-CLIENT-PRINCIPAL; the handlers trust that header only when it is on (see ReviewComposition).
/// </summary>
public sealed class ReviewPages(ReviewHandlers handlers)
{
    public const string Prefix = "review";

    [Function("ReviewList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "/reports")] HttpRequest request) =>
        new Handled(await handlers.ListAsync(request.HttpContext));

    [Function("ReviewReport")]
    public async Task<IActionResult> Report(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "/reports/{office}/{id}")] HttpRequest request, string office, string id) =>
        new Handled(await handlers.ReportAsync(request.HttpContext, office, id));

    [Function("ReviewPageImage")]
    public async Task<IActionResult> PageImage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "/reports/{office}/{id}/pages/{page:int}.png")] HttpRequest request, string office, string id, int page) =>
        new Handled(await handlers.PageImageAsync(request.HttpContext, office, id, page));

    [Function("ReviewOriginal")]
    public async Task<IActionResult> Original(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "/reports/{office}/{id}/original")] HttpRequest request, string office, string id) =>
        new Handled(await handlers.OriginalAsync(request.HttpContext, office, id));

    [Function("ReviewDecide")]
    public async Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + "/reports/{office}/{id}/decisions")] HttpRequest request, string office, string id) =>
        new Handled(await handlers.DecideAsync(request.HttpContext, office, id));

    [Function("ReviewSettle")]
    public async Task<IActionResult> Settle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + "/reports/{office}/{id}/settle")] HttpRequest request, string office, string id) =>
        new Handled(await handlers.SettleAsync(request.HttpContext, office, id));

    [Function("ReviewReprocess")]
    public async Task<IActionResult> Reprocess(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Prefix + "/reports/{office}/{id}/reprocess")] HttpRequest request, string office, string id) =>
        new Handled(await handlers.ReprocessAsync(request.HttpContext, office, id));

    [Function("ReviewExportCsv")]
    public async Task<IActionResult> ExportCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "/exports/findings.csv")] HttpRequest request) =>
        new Handled(await handlers.ExportAsync(request.HttpContext, "csv"));

    [Function("ReviewExportXlsx")]
    public async Task<IActionResult> ExportXlsx(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "/exports/findings.xlsx")] HttpRequest request) =>
        new Handled(await handlers.ExportAsync(request.HttpContext, "xlsx"));

    /// <summary>A minimal-API result run as an MVC result, which the Functions ASP.NET Core integration executes.</summary>
    public sealed class Handled(IResult result) : IActionResult
    {
        public IResult Result => result;

        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
