namespace Pipeline.Corpus.Mutations;

/// <summary>Every mutation, one per rule it targets, in the spec's order of rules.</summary>
public static class MutationCatalogue
{
    public static readonly IReadOnlyList<Mutation> All =
    [
        TableMutations.RowTotal,
        TableMutations.Balance,
        TableMutations.ResultSum,
        TableMutations.GroupTotal,
        TableMutations.NumberForm,
        TableMutations.Blank,
        DocumentMutations.Sections,
        DocumentMutations.Tables,
        DocumentMutations.Year,
        DocumentMutations.Vintage,
        DocumentMutations.Late,
        TextMutations.Applications,
        TextMutations.ReviewLitigation,
        TextMutations.Agency,
        TextMutations.ProblemsEmpty,
    ];

    public static Mutation Get(string rule) =>
        All.FirstOrDefault(m => m.Rule == rule) ?? throw new ArgumentOutOfRangeException(nameof(rule), rule, "No mutation targets this rule.");
}
