namespace Pipeline.Review;

/// <summary>How a host serves the review pages.</summary>
public sealed record ReviewOptions
{
    /// <summary>Where the pages live under the host: empty for <c>pipeline serve</c>, <c>/api/review</c> in the Functions app.</summary>
    public string BasePath { get; init; } = "";

    /// <summary>
    /// Who is asking comes from App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header. Only a host
    /// behind an authenticating front end that removes a client's own copy of the header may turn this on
    /// (App Service does, when its authentication is enabled). Off: the loopback host, whose one user is the
    /// machine's operator, ignores the header entirely, so a forged one grants nothing.
    /// </summary>
    public bool TrustPrincipalHeader { get; init; }

    /// <summary>Off the principal header: refuse any caller that is not on this machine (loopback).</summary>
    public bool LoopbackOnly { get; init; } = true;

    /// <summary>The name decisions are recorded under on one machine.</summary>
    public string LocalOperator { get; init; } = Environment.UserName;

    /// <summary>Rendered page images, kept between requests (rendering a page takes a second or two).</summary>
    public string CacheFolder { get; init; } = Path.Combine(Path.GetTempPath(), "pipeline-review-pages");

    /// <summary>Below this a cell's reading is marked doubtful (the rules' own threshold).</summary>
    public double ConfidenceThreshold { get; init; } = 0.8;

    /// <summary>The store can list reports of every office at once (SQLite); Cosmos DB is asked office by office.</summary>
    public bool ListAcrossOffices { get; init; }

    /// <summary>Reports per page of the list.</summary>
    public int PageSize { get; init; } = 50;

    public string Link(string path) => BasePath.TrimEnd('/') + path;
}
