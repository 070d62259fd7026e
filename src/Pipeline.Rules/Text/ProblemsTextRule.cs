using Pipeline.Model.Text;

namespace Pipeline.Rules.Text;

/// <summary>TXT-PROBLEMS-EMPTY: section 五 names problems and improvements; it is not empty or "无".</summary>
public sealed class ProblemsTextRule : IRule
{
    private static readonly string[] Empty = ["", "无", "暂无", "无。", "暂无。", "/"];

    public string Id => "TXT-PROBLEMS-EMPTY";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        if (context.Report.Section("problems") is { } section && Empty.Contains(ChineseText.Fold(section.Text)))
        {
            yield return RuleHit.Message(RuleHit.Default, [], ("text", section.Text.Length == 0 ? "（空白）" : section.Text));
        }
    }
}
