using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Mutations;

/// <summary>Errors in the running text; the tables are left as they are.</summary>
public static class TextMutations
{
    /// <summary>
    /// The sentence on applications states numbers the table does not hold: either last year's
    /// "未收到" left in, or one more application than table 三 counts.
    /// </summary>
    public static readonly Mutation Applications = new("TXT-APPLICATIONS", false, Mutation.Always, (truth, rng) =>
    {
        var self = truth.AgencyKind.SelfReference();
        var table = truth.Tables.Applications;
        var received = table.Number(ApplicationsFactory.NewReceived, "total");
        var answered = table.Number(ApplicationsFactory.ResultTotal, "total");
        var forward = table.Number(ApplicationsFactory.CarriedForward, "total");
        var d = rng.Next(1, 4);
        var wrong = received == 0 ? Statements.Applications(self, truth.Year, d, d, 0)
            : rng.Chance(0.5) ? Statements.Applications(self, truth.Year, 0, 0, 0)
            : Statements.Applications(self, truth.Year, received + d, answered, forward);
        return Replace(truth, "overview", Statements.Applications(self, truth.Year, table), wrong);
    });

    /// <summary>The sentence on review and litigation disagrees with table 四's totals.</summary>
    public static readonly Mutation ReviewLitigation = new("TXT-REVIEW-LITIGATION", false, Mutation.Always, (truth, rng) =>
    {
        var self = truth.AgencyKind.SelfReference();
        var table = truth.Tables.ReviewLitigation;
        var review = table.Number("review", "total");
        var litigation = table.Number("litigationDirect", "total") + table.Number("litigationAfterReview", "total");
        var d = rng.Next(1, 4);
        var wrong = review == 0 && litigation == 0 ? Statements.ReviewLitigation(self, truth.Year, d, 0)
            : rng.Chance(0.5) ? Statements.ReviewLitigation(self, truth.Year, 0, 0)
            : Statements.ReviewLitigation(self, truth.Year, review + d, litigation);
        return Replace(truth, "reviewLitigation", Statements.ReviewLitigation(self, truth.Year, table), wrong);
    });

    /// <summary>
    /// Copy-paste from a neighbour: section 五 calls a 镇 我街道 (a 街道 我镇) once. Only towns,
    /// townships and subdistricts: their self-reference is what gives such copies away. Section 五
    /// holds none of the sentences the other text rules read.
    /// </summary>
    public static readonly Mutation Agency = new(
        "TXT-AGENCY",
        false,
        truth => truth.AgencyKind is AgencyKind.Town or AgencyKind.Township or AgencyKind.Subdistrict,
        (truth, _) =>
        {
            var self = truth.AgencyKind.SelfReference();
            var wrong = truth.AgencyKind == AgencyKind.Subdistrict ? AgencyKind.Town.SelfReference() : AgencyKind.Subdistrict.SelfReference();
            var problems = truth.Sections.Problems;
            var at = problems.IndexOf(self, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"Section 五 of seed {truth.Seed} never says {self}.");
            }

            var text = string.Concat(problems.AsSpan(0, at), wrong, problems.AsSpan(at + self.Length));
            return (truth with { Sections = truth.Sections with { Problems = text } }, $"section 五 says {wrong} once");
        });

    /// <summary>Section 五's heading is printed with nothing under it.</summary>
    public static readonly Mutation ProblemsEmpty = new("TXT-PROBLEMS-EMPTY", false, Mutation.Always, (truth, _) =>
        (truth with { Sections = truth.Sections with { Problems = string.Empty } }, "section 五 left empty"));

    private static (ReportTruth, string) Replace(ReportTruth truth, string section, string sentence, string wrong)
    {
        var text = truth.Sections.Get(section);
        if (!text.Contains(sentence, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Seed {truth.Seed}: section {section} lacks \"{sentence}\".");
        }

        return (truth with { Sections = truth.Sections.With(section, text.Replace(sentence, wrong, StringComparison.Ordinal)) }, $"text says \"{wrong}\"");
    }
}
