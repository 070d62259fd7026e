using Pipeline.Model.Reports;

namespace Pipeline.Rules.InReport;

/// <summary>
/// DOC-YEAR: the title, the statistics period and the publication date agree on the year. The
/// report's year is what most of them say; each statement that disagrees is named.
/// </summary>
public sealed class YearRule : IRule
{
    public string Id => "DOC-YEAR";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var report = context.Report;
        if (report.Year is not int year)
        {
            yield return RuleHit.CannotCheck([], "报告的标题、统计期限和日期都没有写明年度");
            yield break;
        }

        foreach (var mention in report.YearMentions.DistinctBy(m => (m.Where, m.Year)))
        {
            var agrees = mention.Where == "published" ? mention.Year > year : mention.Year == year;
            if (!agrees)
            {
                yield return RuleHit.Message(
                    mention.Where,
                    [],
                    ("year", year),
                    ("stated", mention.Year),
                    ("text", mention.Text),
                    ("where", Where(mention)));
            }
        }
    }

    private static string Where(YearMention mention) => mention.Origin.Line is int line ? $"第{line}行" : mention.Origin.Location ?? string.Empty;
}
