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
            var stated = statements.FirstOrDefault(s => s.Subject == subject);
            if (stated is null)
            {
                continue;
            }

            var address = ReportTable.Address(TableKeys.Applications, row, ApplicationsSchema.Total);
            var cell = context.Report.Applications?.Get(row, ApplicationsSchema.Total);
            if (cell?.Number is not { } actual)
            {
                yield return RuleHit.CannotCheck([address], $"表三“{name}”总计未能读取，无法与正文“{stated.Sentence}”核对");
                continue;
            }

            if (actual != stated.Value)
            {
                yield return RuleHit.Of([address], stated.Value, actual, ("sentence", stated.Sentence), ("row", name));
            }
        }
    }
}
