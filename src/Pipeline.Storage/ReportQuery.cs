using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>A filter on stored reports. Cosmos DB needs the office: every query names the partition key.</summary>
public sealed record ReportQuery(string? Office = null, int? Year = null, Verdict? Verdict = null);
