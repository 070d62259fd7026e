using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Mapping;

/// <summary>The one mapper every reader feeds: layout in, <see cref="AnnualReport"/> out.</summary>
public sealed class ReportMapper
{
    public AnnualReport Map(LayoutDocument document)
    {
        var sections = SectionReader.Read(document);
        var streams = TableStreams.From(document);

        // The labels the tables print show their format whatever year the text states; it breaks
        // a tie between the years the text states.
        var printed = Printed(Labels(streams, Vintage.Format2021));
        var meta = MetadataReader.Read(document, printed);
        var expected = meta.Year is int year ? VintageExtensions.ExpectedFor(year) : Vintage.Format2021;

        // The year's format is the tables' fallback where their labels show none.
        var disclosure = ActiveDisclosureMapper.Map(streams[TableKeys.ActiveDisclosure], expected);
        var applications = ApplicationsMapper.Map(streams[TableKeys.Applications], expected);
        var review = ReviewLitigationMapper.Map(streams[TableKeys.ReviewLitigation]);

        var labels = disclosure.VintageLabels.Concat(applications.VintageLabels).ToList();
        Vintage? vintage = disclosure.Table is null && applications.Table is null && review.Table is null ? null
            : Printed(labels) ?? expected;

        return new AnnualReport
        {
            SourceKind = document.SourceKind,
            Title = meta.Title,
            Agency = meta.Agency,
            Year = meta.Year,
            YearMentions = meta.YearMentions,
            Period = meta.Period,
            Published = meta.Published,
            PublishedOrigin = meta.PublishedOrigin,
            Vintage = vintage,
            VintageLabels = labels,
            Preamble = SectionReader.Preamble(document),
            Sections = sections,
            TextConfidence = document.Paragraphs.Select(p => p.Origin.Confidence).DefaultIfEmpty(1).Min(),
            ActiveDisclosure = disclosure.Table,
            Applications = applications.Table,
            ReviewLitigation = review.Table,
            Gaps = [.. disclosure.Gaps, .. applications.Gaps, .. review.Gaps],
            LayoutDoubts = [.. disclosure.Doubts, .. applications.Doubts, .. review.Doubts],
        };
    }

    private static List<VintageLabel> Labels(TableStreams streams, Vintage fallback) =>
    [
        .. ActiveDisclosureMapper.Map(streams[TableKeys.ActiveDisclosure], fallback).VintageLabels,
        .. ApplicationsMapper.Map(streams[TableKeys.Applications], fallback).VintageLabels,
    ];

    /// <summary>The format most of the labels belong to; null when they show none or are split evenly.</summary>
    private static Vintage? Printed(List<VintageLabel> labels) =>
        labels.Count(l => l.Vintage == Vintage.Format2019) * 2 > labels.Count ? Vintage.Format2019
        : labels.Count(l => l.Vintage == Vintage.Format2021) * 2 > labels.Count ? Vintage.Format2021
        : null;
}
