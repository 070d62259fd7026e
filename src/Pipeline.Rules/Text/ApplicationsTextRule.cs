using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.Text;

/// <summary>
/// TXT-APPLICATIONS: what the text says about applications received, answered and carried
/// forward ("未收到" counts as 0) agrees with table 三's totals.
/// </summary>
public sealed class ApplicationsTextRule : IRule
{
    private static readonly (string Subject, string Row, string Name)[] Subjects =
    [
        (NarrativeReader.Received, "newReceived", "本年新收政府信息公开申请数量"),
        (NarrativeReader.Answered, "resultTotal", "本年度办理结果总计"),
        (NarrativeReader.CarriedForward, "carriedForward", "结转下年度继续办理"),
    ];

    public string Id => "TXT-APPLICATIONS";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var statements = NarrativeReader.Applications(context.Report.NarrativeText);
        if (statements.Count == 0)
        {
            yield break;
        }

        foreach (var (subject, row, name) in Subjects)
        {
            // Every number the text states is compared, not only the first: a report may say
            // 未收到 in one place and 受理申请2件 in another.
            var stated = statements.Where(s => s.Subject == subject).DistinctBy(s => s.Value).ToList();
            if (stated.Count == 0)
            {
                continue;
            }

            var address = ReportTable.Address(TableKeys.Applications, row, ApplicationsSchema.Total);
            var cell = context.Report.Applications?.Get(row, ApplicationsSchema.Total);
            if (cell?.Number is not { } actual)
            {
                yield return RuleHit.CannotCheck([address], $"表三“{name}”总计未能读取，无法与正文“{stated[0].Sentence}”核对");
                continue;
            }

            // "共受理申请6124件，其中上年结转248件" counts what came in from last year as well: a
            // sentence that names the carried-over number may state received as their sum.
            var withCarriedOver = subject == NarrativeReader.Received
                ? context.Report.Applications?.Get("carriedOver", ApplicationsSchema.Total)?.Number + actual
                : null;
            foreach (var statement in stated.Where(s => s.Value != actual && !(s.Value == withCarriedOver && statements.Any(o => o.Subject == NarrativeReader.CarriedOver && o.Sentence == s.Sentence))))
            {
                yield return RuleHit.Of([address], statement.Value, actual, ("sentence", statement.Sentence), ("row", name));
            }
        }
    }
}
