namespace Pipeline.Corpus.Truth;

/// <summary>The statistics period (统计期限) the report states.</summary>
public sealed record TruthPeriod(DateOnly Start, DateOnly End);
