using System.Globalization;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Documents;

/// <summary>
/// The report as the official template orders it: title, preamble with the 统计期限, the six
/// sections with their tables, the signature and the date. Every renderer prints these blocks.
/// </summary>
public static class DocumentLayout
{
    public static IReadOnlyList<DocumentBlock> Build(ReportTruth truth)
    {
        var blocks = new List<DocumentBlock>
        {
            new(BlockKind.Title, truth.Title),
            new(BlockKind.Paragraph, Preamble(truth)),
        };

        foreach (var section in SectionSchema.Sections)
        {
            if (!truth.OmittedHeadings.Contains(section.Key))
            {
                blocks.Add(new DocumentBlock(BlockKind.Heading, section.Heading));
            }

            blocks.AddRange(truth.Sections.Get(section.Key)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => new DocumentBlock(BlockKind.Paragraph, line)));

            if (Table(truth, section.Key) is { } table)
            {
                blocks.Add(new DocumentBlock(BlockKind.Table, string.Empty, table));
            }
        }

        blocks.Add(new DocumentBlock(BlockKind.Signature, truth.Signature));
        if (truth.Published is { } published)
        {
            blocks.Add(new DocumentBlock(BlockKind.Date, Date(published)));
        }

        return blocks;
    }

    /// <summary>2022年1月20日: no leading zeros, as reports print dates.</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>2021年1月1日至12月31日, the year repeated only when the period crosses one.</summary>
    public static string Period(TruthPeriod period) =>
        period.Start.Year == period.End.Year
            ? Date(period.Start) + "至" + string.Create(CultureInfo.InvariantCulture, $"{period.End.Month}月{period.End.Day}日")
            : Date(period.Start) + "至" + Date(period.End);

    private static string Preamble(ReportTruth truth) =>
        string.Create(CultureInfo.InvariantCulture, $"根据《中华人民共和国政府信息公开条例》要求，现发布{truth.Agency}{truth.Year}年政府信息公开工作年度报告。本报告中所列数据的统计期限为{Period(truth.Period)}。");

    private static GridTable? Table(ReportTruth truth, string section) => section switch
    {
        TableKeys.ActiveDisclosure => ActiveDisclosureLayout.Build(truth.Tables.ActiveDisclosure, truth.ActiveDisclosureVintage),
        TableKeys.Applications => ApplicationsLayout.Build(truth.Tables.Applications, truth.Vintage),
        TableKeys.ReviewLitigation => ReviewLitigationLayout.Build(truth.Tables.ReviewLitigation),
        _ => null,
    };
}
