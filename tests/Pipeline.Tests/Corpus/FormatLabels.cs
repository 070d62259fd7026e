using Pipeline.Corpus.Documents;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Tests.Corpus;

/// <summary>Every label a report of one format prints, taken from the schema rather than from the layout.</summary>
public static class FormatLabels
{
    public static IEnumerable<string> Of(Vintage vintage) =>
        SectionSchema.Sections.Select(s => s.Heading)
            .Concat(ActiveDisclosureSchema.Items(vintage).SelectMany(i =>
                i.Rows.Select(r => r.Label).Concat(i.Columns.Select(c => c.Label)).Append($"第二十条第{i.Item}项")))
            .Append("信息内容")
            .Concat(ApplicationsSchema.Rows(vintage).SelectMany(r => new[] { r.Label, r.Parent }.OfType<string>()))
            .Concat(ApplicationsSchema.Columns.Select(c => c.Label))
            .Append(ApplicationsLayout.IdentityNote)
            .Append("申请人情况")
            .Append("法人或其他组织")
            .Concat(ReviewLitigationSchema.HeaderLabels)
            .Distinct();

    /// <summary>Labels only the other format prints: 2019's 本年新制作数量 in a 2021 report, and so on.</summary>
    public static IEnumerable<string> OnlyIn(Vintage vintage)
    {
        var other = vintage == Vintage.Format2021 ? Vintage.Format2019 : Vintage.Format2021;
        return Of(vintage).Except(Of(other));
    }
}
