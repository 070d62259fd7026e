using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Review;

/// <summary>The review pages' routes and services; both hosts register the same.</summary>
public static class ReviewEndpoints
{
    /// <summary>The services the handlers need besides the stores, the intake service and the originals (which the host gives).</summary>
    public static IServiceCollection AddReview(this IServiceCollection services, ReviewOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<PageImages>();
        services.AddSingleton<ReviewHandlers>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pipeline-review-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    /// <summary>The routes under <see cref="ReviewOptions.BasePath"/> (the Functions app declares the same routes as functions).</summary>
    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ReviewOptions>();
        var group = app.MapGroup(options.BasePath);
        group.MapGet("/", () => Results.Redirect(options.Link("/reports")));
        group.MapGet("/reports", (HttpContext c, ReviewHandlers h) => h.ListAsync(c));
        group.MapGet("/reports/{office}/{id}", (HttpContext c, ReviewHandlers h, string office, string id) => h.ReportAsync(c, office, id));
        group.MapGet("/reports/{office}/{id}/pages/{page:int}.png", (HttpContext c, ReviewHandlers h, string office, string id, int page) => h.PageImageAsync(c, office, id, page));
        group.MapGet("/reports/{office}/{id}/original", (HttpContext c, ReviewHandlers h, string office, string id) => h.OriginalAsync(c, office, id));
        group.MapPost("/reports/{office}/{id}/decisions", (HttpContext c, ReviewHandlers h, string office, string id) => h.DecideAsync(c, office, id));
        group.MapPost("/reports/{office}/{id}/settle", (HttpContext c, ReviewHandlers h, string office, string id) => h.SettleAsync(c, office, id));
        group.MapPost("/reports/{office}/{id}/reprocess", (HttpContext c, ReviewHandlers h, string office, string id) => h.ReprocessAsync(c, office, id));
        group.MapGet("/exports/findings.csv", (HttpContext c, ReviewHandlers h) => h.ExportAsync(c, "csv"));
        group.MapGet("/exports/findings.xlsx", (HttpContext c, ReviewHandlers h) => h.ExportAsync(c, "xlsx"));
        return app;
    }
}
