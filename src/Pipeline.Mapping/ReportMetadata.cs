using Pipeline.Model.Layout;
using Pipeline.Model.Reports;

namespace Pipeline.Mapping;

/// <summary>What the report says about itself outside its tables.</summary>
public sealed record ReportMetadata(
    string? Title,
    string? Agency,
    int? Year,
    IReadOnlyList<YearMention> YearMentions,
    StatisticsPeriod? Period,
    DateOnly? Published,
    LayoutOrigin? PublishedOrigin);
