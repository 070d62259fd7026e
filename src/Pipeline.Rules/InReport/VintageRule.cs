using Pipeline.Model.Reports;

namespace Pipeline.Rules.InReport;

/// <summary>
/// DOC-VINTAGE: the tables follow the format of the report's year (2021 format from the 2021
/// reports on); labels of the other format are named.
/// </summary>
public sealed class VintageRule : IRule
{
    public string Id => "DOC-VINTAGE";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var report = context.Report;
        if (report.Vintage is null)
        {
            yield break;
        }

        if (report.Year is not int year)
        {
            yield return RuleHit.CannotCheck([], "报告未写明年度，无法判断应使用的表格格式");
            yield break;
        }

        var expected = VintageExtensions.ExpectedFor(year);
        var foreign = report.VintageLabels.Where(l => l.Vintage != expected).Select(l => $"“{l.Label}”").Distinct().ToList();
        if (foreign.Count > 0)
        {
            yield return RuleHit.Message(
                report.VintageLabels.Any(l => l.Vintage == expected) ? "mixed" : RuleHit.Default,
                [],
                ("year", year),
                ("expected", Name(expected)),
                ("found", Name(expected == Vintage.Format2021 ? Vintage.Format2019 : Vintage.Format2021)),
                ("labels", string.Join("、", foreign)));
        }
    }

    private static string Name(Vintage vintage) =>
        vintage == Vintage.Format2021 ? "2021年版格式（国办公开办函〔2021〕30号）" : "2019年版格式（国办公开办函〔2019〕60号）";
}
