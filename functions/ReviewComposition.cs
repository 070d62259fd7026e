using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Review;
using Pipeline.Storage;

namespace Pipeline.Functions;

/// <summary>The review pages' services in the Functions app (beside <see cref="PipelineComposition"/>).</summary>
public static class ReviewComposition
{
    public const string BasePath = "/api/" + ReviewPages.Prefix;

    /// <summary>
    /// X-MS-CLIENT-PRINCIPAL is trusted only where App Service authentication is on (WEBSITE_AUTH_ENABLED,
    /// set by the platform): then the front end strips any copy a client sends and sets its own. Anywhere
    /// else the header could be forged, so it is ignored and only loopback callers are served.
    /// </summary>
    public static bool TrustsPrincipalHeader(IConfiguration config) =>
        string.Equals(config["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddReviewPages(this IServiceCollection services, IConfiguration config)
    {
        var trusted = TrustsPrincipalHeader(config);
        services.AddSingleton<IReviewStore>(sp => new CosmosReviewStore(
            sp.GetRequiredService<CosmosClient>(), config[SettingKeys.Path(SettingKeys.CosmosDatabase)] is { Length: > 0 } db ? db : "pipeline"));
        services.AddReview(new ReviewOptions
        {
            BasePath = BasePath,
            TrustPrincipalHeader = trusted,
            LoopbackOnly = !trusted,
            ListAcrossOffices = false,
            LocalOperator = "本机调试",
            CacheFolder = Path.Combine(Environment.GetEnvironmentVariable("TEMP") ?? Path.GetTempPath(), "pipeline-review-pages"),
        });
        return services;
    }
}
