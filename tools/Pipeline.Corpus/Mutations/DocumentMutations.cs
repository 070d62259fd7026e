using System.Globalization;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Mutations;

/// <summary>Errors in the document's make-up: headings, rows, dates and the table format.</summary>
public static class DocumentMutations
{
    /// <summary>
    /// The heading of section 一 or 二 goes missing; its text stays. Only these two follow
    /// prose: the headings of 三 and 四 follow a table and tell a reader where it ends, so
    /// dropping them cuts tables short too (DOC-TABLES). Without 五's heading TXT-PROBLEMS-EMPTY
    /// would fire, and without 六's the fee sentence would fall into 五, where TXT-FEES takes it
    /// for talk of charging.
    /// </summary>
    public static readonly Mutation Sections = new("DOC-SECTIONS", true, Mutation.Always, (truth, rng) =>
    {
        var key = rng.Pick(SectionSchema.Sections.Take(2).Select(s => s.Key).ToList());
        return (truth with { OmittedHeadings = [.. truth.OmittedHeadings, key] }, $"heading of {key} omitted");
    });

    /// <summary>
    /// A row of table 二 goes missing, from a block that keeps another row. Table 二 has no sum
    /// inside a report, so nothing else breaks; the documents' rows are kept for X-IN-FORCE.
    /// </summary>
    public static readonly Mutation Tables = new("DOC-TABLES", true, Mutation.Always, (truth, rng) =>
    {
        var candidates = ActiveDisclosureSchema.Items(truth.ActiveDisclosureVintage)
            .Where(i => i.Rows.Count > 1)
            .SelectMany(i => i.Rows.Select(r => r.Key))
            .Where(r => r is not ("regulations" or "normativeDocuments") && truth.Tables.ActiveDisclosure.HasRow(r))
            .ToList();
        var row = rng.Pick(candidates);
        return (truth with { Tables = truth.Tables with { ActiveDisclosure = truth.Tables.ActiveDisclosure.WithoutRow(row) } }, $"activeDisclosure.{row} omitted");
    });

    /// <summary>
    /// The statistics period keeps last year's dates. The title and the date line still agree,
    /// so the report's year stays the title's and only the period is out of line; a date is
    /// printed so that two statements outvote the period.
    /// </summary>
    public static readonly Mutation Year = new("DOC-YEAR", true, Mutation.Always, (truth, rng) =>
    {
        var last = truth.Year - 1;
        var published = truth.Published ?? new DateOnly(truth.Year + 1, 1, rng.Next(5, 29));
        return (truth with { Period = new TruthPeriod(new DateOnly(last, 1, 1), new DateOnly(last, 12, 31)), Published = published }, $"statistics period in {last}");
    });

    /// <summary>
    /// Table 二 is printed in the other format (a 2021 report with the 2019 columns); table 三
    /// keeps the year's, so the labels are mixed. Its rows are complete for the format it uses.
    /// </summary>
    public static readonly Mutation Vintage = new("DOC-VINTAGE", false, Mutation.Always, (truth, rng) =>
    {
        var other = truth.Vintage == Model.Reports.Vintage.Format2021 ? Model.Reports.Vintage.Format2019 : Model.Reports.Vintage.Format2021;
        var table = ActiveDisclosureFactory.Create(rng, other);
        return (truth with { ActiveDisclosureVintage = other, Tables = truth.Tables with { ActiveDisclosure = table } }, $"table 二 in the {other.Key()} format");
    });

    /// <summary>Published in March of the next year: late, but still the year after, so DOC-YEAR holds.</summary>
    public static readonly Mutation Late = new("DOC-LATE", false, Mutation.Always, (truth, rng) =>
    {
        var published = new DateOnly(truth.Year + 1, 3, rng.Next(1, 32));
        return (truth with { Published = published }, $"published {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    });
}
