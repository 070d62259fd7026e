using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Rules;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>
/// X-CARRY: this year's 上年结转 (applications.carriedOver) equals last year's 结转下年度继续办理
/// (applications.carriedForward), column by column, for the same body. The rows have the same keys in the
/// 2019 and 2021 formats, so a 2021 report after a 2019-format one is compared the same way.
/// </summary>
public static class CarryOverRule
{
    public const string Id = "X-CARRY";

    public static IEnumerable<RuleHit> Check(CheckResult current, StoredReport? previous)
    {
        var carriedOver = Row(current, "carriedOver");
        if (current.Year is null)
        {
            yield return RuleHit.CannotCheck([], "报告年度未能确定，找不到上一年度的报告");
            yield break;
        }

        if (previous is null)
        {
            yield return RuleHit.CannotCheck([], $"库中没有本单位{current.Year - 1}年度的报告，未能核对本年“上年结转”数");
            yield break;
        }

        var carriedForward = Row(previous.Result, "carriedForward");
        if (carriedOver is null || carriedForward is null)
        {
            yield return RuleHit.CannotCheck([], carriedOver is null
                ? "本报告表三没有读出“二、上年结转政府信息公开申请数量”行"
                : $"本单位{previous.Result.Year}年度报告（编号{PreviousReport.ShortId(previous.Id)}）表三没有读出“四、结转下年度继续办理”行");
            yield break;
        }

        var unread = new List<string>();
        foreach (var column in ApplicationsSchema.Columns)
        {
            var address = $"{TableKeys.Applications}.carriedOver.{column.Key}";
            var now = carriedOver.GetValueOrDefault(column.Key);
            var before = carriedForward.GetValueOrDefault(column.Key);
            if (now is null || before is null)
            {
                unread.Add(address);
                continue;
            }

            if (now != before)
            {
                yield return RuleHit.Of([address], before, now,
                    ("column", column.Label),
                    ("previousYear", previous.Result.Year),
                    ("previousId", PreviousReport.ShortId(previous.Id)),
                    ("previousCell", $"{TableKeys.Applications}.carriedForward.{column.Key}"));
            }
        }

        if (unread.Count > 0)
        {
            yield return RuleHit.CannotCheck(unread, $"{string.Join("、", unread.Select(CellNames.Cell))}或上年报告同列没有读出数字");
        }
    }

    private static IReadOnlyDictionary<string, decimal?>? Row(CheckResult result, string row) =>
        result.Tables.GetValueOrDefault(TableKeys.Applications)?.GetValueOrDefault(row);
}
