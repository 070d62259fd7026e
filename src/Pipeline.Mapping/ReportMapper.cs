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
        var meta = MetadataReader.Read(document);
        var expected = meta.Year is int year ? VintageExtensions.ExpectedFor(year) : Vintage.Format2021;

        var streams = TableStreams.From(document);
        var disclosure = ActiveDisclosureMapper.Map(streams[TableKeys.ActiveDisclosure], expected);
        var applications = ApplicationsMapper.Map(streams[TableKeys.Applications], expected);
        var review = ReviewLitigationMapper.Map(streams[TableKeys.ReviewLitigation]);

        var labels = disclosure.VintageLabels.Concat(applications.VintageLabels).ToList();
        Vintage? vintage = disclosure.Table is null && applications.Table is null && review.Table is null ? null
            : labels.Count == 0 ? expected
            : labels.Count(l => l.Vintage == Vintage.Format2019) * 2 > labels.Count ? Vintage.Format2019
            : labels.Count(l => l.Vintage == Vintage.Format2021) * 2 > labels.Count ? Vintage.Format2021
            : expected;

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
            Sections = sections,
            ActiveDisclosure = disclosure.Table,
            Applications = applications.Table,
            ReviewLitigation = review.Table,
            Gaps = [.. disclosure.Gaps, .. applications.Gaps, .. review.Gaps],
        };
    }
}
