using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>The texts-only read of a report: a one-partition query that projects the few fields X-DUPLICATE compares.</summary>
public sealed partial class CosmosStore
{
    public Task<ReportTexts?> GetTextsAsync(string office, string id, CancellationToken cancellationToken = default) =>
        Run(async ct =>
        {
            var definition = new QueryDefinition("""
                SELECT c.result.agency AS agency, c.result.year AS year, c.result.texts AS texts, c.result.copies AS copies
                FROM c WHERE c.office = @office AND c.id = @id AND c.type = 'report'
                """).WithParameter("@office", office).WithParameter("@id", id);
            var found = (await QueryAsync<TextsDocument>(Reports, definition, office, ct)).FirstOrDefault();
            return found is null ? null : new ReportTexts(office, id, found.Agency, found.Year, found.Texts ?? [], found.Copies);
        }, cancellationToken);

    private sealed record TextsDocument(
        [property: JsonPropertyName("agency")] string? Agency,
        [property: JsonPropertyName("year")] int? Year,
        [property: JsonPropertyName("texts")] Dictionary<string, string>? Texts,
        [property: JsonPropertyName("copies")] List<CopiedReport>? Copies);
}
