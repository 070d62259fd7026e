using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Generation;

/// <summary>Choices the caller fixes instead of the seed: the samples pin them so they show what they should.</summary>
public sealed record TruthOptions(
    int? Year = null,
    AgencyKind? Kind = null,
    bool? Applications = null,
    bool? Cases = null,
    bool? Dated = null);
