using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.Text;

/// <summary>TXT-REVIEW-LITIGATION: the numbers of 行政复议 and 行政诉讼 cases in the text agree with table 四.</summary>
public sealed class ReviewLitigationTextRule : IRule
{
    public string Id => "TXT-REVIEW-LITIGATION";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var statements = NarrativeReader.ReviewLitigation(context.Report.NarrativeText);
        if (statements.Count == 0)
        {
            yield break;
        }

        var subjects = new (string Subject, string Name, string[] Groups)[]
        {
            (NarrativeReader.Review, "行政复议", ["review"]),
            (NarrativeReader.Litigation, "行政诉讼", ["litigationDirect", "litigationAfterReview"]),
        };
        foreach (var (subject, name, groups) in subjects)
        {
            // Every number the text states is compared, not only the first.
            var stated = statements.Where(s => s.Subject == subject).DistinctBy(s => s.Value).ToList();
            if (stated.Count == 0)
            {
                continue;
            }

            var cells = groups.Select(g => ReportTable.Address(TableKeys.ReviewLitigation, g, "total")).ToList();
            var values = groups.Select(g => context.Report.ReviewLitigation?.Get(g, "total")?.Number).ToList();
            if (values.Any(v => v is null))
            {
                yield return RuleHit.CannotCheck(cells, $"表四“{name}”总计未能读取，无法与正文“{stated[0].Sentence}”核对");
                continue;
            }

            var actual = values.Sum()!.Value;
            foreach (var statement in stated.Where(s => s.Value != actual))
            {
                yield return RuleHit.Of(cells, statement.Value, actual, ("sentence", statement.Sentence), ("kind", name));
            }
        }
    }
}
