using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;

namespace Pipeline.Corpus.Generation;

/// <summary>
/// Makes a consistent report from a seed: the same seed always gives the same report, because
/// every choice is drawn, in a fixed order, from one <see cref="Random"/> seeded with it.
/// </summary>
public static class TruthFactory
{
    public const int FirstYear = 2019;
    public const int LastYear = 2024;

    public static ReportTruth Create(int seed, TruthOptions? options = null)
    {
        options ??= new TruthOptions();
        var rng = new Random(seed);
        var year = options.Year ?? rng.Next(FirstYear, LastYear + 1);
        var vintage = VintageExtensions.ExpectedFor(year);
        var agency = AgencyNames.Pick(rng, options.Kind);
        var withApplications = options.Applications ?? rng.Chance(0.7);
        var withCases = options.Cases ?? rng.Chance(0.25);
        var tables = new ReportTables(
            ActiveDisclosureFactory.Create(rng, vintage),
            ApplicationsFactory.Create(rng, vintage, withApplications),
            ReviewLitigationFactory.Create(rng, withCases));

        // Bodies publish in January, before the 31 January deadline; a few print no date at all.
        var dated = options.Dated ?? rng.Chance(0.92);
        var published = dated ? new DateOnly(year + 1, 1, rng.Next(5, 29)) : (DateOnly?)null;

        return new ReportTruth
        {
            Seed = seed,
            Agency = agency.Name,
            AgencyKind = agency.Kind,
            Signature = agency.Signature,
            Year = year,
            Vintage = vintage,
            ActiveDisclosureVintage = vintage,
            Published = published,
            Period = new TruthPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            Sections = NarrativeWriter.Write(rng, agency, year, tables),
            Tables = tables,
        };
    }

    /// <summary>The body as the generator chose it, recovered from a truth (for the text mutations).</summary>
    public static AgencyIdentity Identity(ReportTruth truth) => new(truth.Agency, truth.AgencyKind, truth.Signature);
}
