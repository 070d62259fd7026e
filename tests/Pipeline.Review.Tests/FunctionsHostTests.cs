using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Functions;
using Pipeline.Intake;
using Pipeline.Notification;
using Pipeline.Storage;

namespace Pipeline.Review.Tests;

/// <summary>
/// The Functions app's review functions (the Functions host cannot run here): the email's link, resolved
/// against the routes the functions declare (under the host's default <c>api</c> prefix), reaches the function
/// that renders that report, through the same handlers, with App Service authentication's principal.
/// </summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class FunctionsHostTests(ReviewSite site)
{
    private static readonly Uri PublicBaseUrl = new("https://pipeline-func.azurewebsites.net" + ReviewComposition.BasePath);

    [Fact]
    public async Task The_emails_link_reaches_the_review_function_for_that_report()
    {
        var report = site.Reports["town-failed-html"];
        var link = new Uri(SupervisorEmail.ReportLink(PublicBaseUrl, report.Office, report.Id));
        var (method, values) = Route(link.AbsolutePath, "get");
        Assert.Equal(nameof(ReviewPages.Report), method.Name);

        var supervisor = BrowserTests.Principal("李主任", "town-boss@example.cn");
        var (status, body) = await InvokeAsync(method, link, values, supervisor, trusted: true);
        Assert.Equal(200, status);
        Assert.Contains(Html(report.Name), body);
        Assert.Contains("南郊镇人民政府", body);
        // Links on the page stay under the functions' prefix.
        Assert.Contains($"href=\"{ReviewComposition.BasePath}/reports/{report.Office}/{report.Id}/original\"", body);
    }

    [Fact]
    public async Task Without_App_Service_authentication_the_principal_header_is_not_trusted()
    {
        Assert.False(ReviewComposition.TrustsPrincipalHeader(new ConfigurationBuilder().Build()));
        Assert.True(ReviewComposition.TrustsPrincipalHeader(new ConfigurationBuilder().AddInMemoryCollection([new("WEBSITE_AUTH_ENABLED", "True")]).Build()));

        // Not trusted: a caller from elsewhere is refused whatever principal it claims.
        var report = site.Reports["town-failed-html"];
        var link = new Uri(SupervisorEmail.ReportLink(PublicBaseUrl, report.Office, report.Id));
        var (method, values) = Route(link.AbsolutePath, "get");
        var (status, body) = await InvokeAsync(method, link, values, BrowserTests.Principal("伪造", "town-boss@example.cn"), trusted: false);
        Assert.Equal(403, status);
        Assert.Contains("只允许本机访问", body);

        var clerk = BrowserTests.Principal("王文员", "clerk@example.cn", "Clerk.edu");
        Assert.Equal(403, (await InvokeAsync(method, link, values, clerk, trusted: true)).Status);
    }

    /// <summary>The function whose declared route and method match the path, as the host routes it.</summary>
    private static (MethodInfo Method, RouteValueDictionary Values) Route(string path, string verb)
    {
        foreach (var method in typeof(ReviewPages).GetMethods())
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger?.Route is null || !trigger.Methods!.Contains(verb))
            {
                continue;
            }

            var values = new RouteValueDictionary();
            if (new TemplateMatcher(TemplateParser.Parse("api/" + trigger.Route), []).TryMatch(path, values))
            {
                return (method, values);
            }
        }

        throw new InvalidOperationException($"no review function serves {path}");
    }

    private async Task<(int Status, string Body)> InvokeAsync(MethodInfo method, Uri link, RouteValueDictionary values, string principal, bool trusted)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IPipelineStore>(site.Store);
        services.AddSingleton<IReviewStore>(new SqliteReviewStore(site.Database));
        services.AddSingleton(site.Local.Services.GetRequiredService<IntakeService>());
        services.AddSingleton<IOriginals>(new FolderOriginals());
        services.AddSingleton(TimeProvider.System);
        services.AddReview(new ReviewOptions { BasePath = ReviewComposition.BasePath, TrustPrincipalHeader = trusted, LoopbackOnly = !trusted, ListAcrossOffices = false, CacheFolder = Path.Combine(site.Folder, "function-pages") });
        await using var provider = services.BuildServiceProvider();

        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = "GET";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString(link.Host);
        context.Request.Path = link.AbsolutePath;
        context.Request.Headers[ClientPrincipal.Header] = principal;
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.7"); // from the internet, through the front end
        context.Response.Body = new MemoryStream();

        var pages = new ReviewPages(provider.GetRequiredService<ReviewHandlers>());
        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request : values[p.Name!]).ToArray();
        var result = await (Task<Microsoft.AspNetCore.Mvc.IActionResult>)method.Invoke(pages, arguments)!;
        await ((ReviewPages.Handled)result).Result.ExecuteAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
