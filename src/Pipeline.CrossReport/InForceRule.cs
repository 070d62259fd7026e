using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Rules;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>
/// X-IN-FORCE: for 规章 and 行政规范性文件 in the 2021 format, inForce(N) = inForce(N−1) + issued(N) − repealed(N).
/// A 2019-format previous year counts 对外公开总数量, not documents in force: there is no comparable stock, and it says so.
/// </summary>
public static class InForceRule
{
    public const string Id = "X-IN-FORCE";

    private static readonly string[] Rows = ["regulations", "normativeDocuments"];

    public static IEnumerable<RuleHit> Check(CheckResult current, StoredReport? previous)
    {
        if (current.Vintage != "2021")
        {
            yield return RuleHit.CannotCheck([], "本报告表二不是2021年格式，没有“现行有效件数”");
            yield break;
        }

        if (current.Year is null || previous is null)
        {
            yield return RuleHit.CannotCheck([], current.Year is null
                ? "报告年度未能确定，找不到上一年度的报告"
                : $"库中没有本单位{current.Year - 1}年度的报告，未能核对现行有效件数");
            yield break;
        }

        if (previous.Result.Vintage != "2021")
        {
            yield return RuleHit.CannotCheck([], $"本单位{previous.Result.Year}年度报告（编号{PreviousReport.ShortId(previous.Id)}）使用2019年格式，表二只有“对外公开总数量”，没有可比的现行有效件数");
            yield break;
        }

        foreach (var row in Rows)
        {
            var now = Row(current, row);
            var before = Row(previous.Result, row);
            var inForce = now?.GetValueOrDefault("inForce");
            var issued = now?.GetValueOrDefault("issued");
            var repealed = now?.GetValueOrDefault("repealed");
            var previousInForce = before?.GetValueOrDefault("inForce");
            var address = $"{TableKeys.ActiveDisclosure}.{row}.inForce";
            if (inForce is null || issued is null || repealed is null || previousInForce is null)
            {
                yield return RuleHit.CannotCheck([address], $"表二“{CellNames.Row(TableKeys.ActiveDisclosure, row)}”本年或上年的件数没有读出数字");
                continue;
            }

            var expected = previousInForce.Value + issued.Value - repealed.Value;
            if (expected != inForce)
            {
                yield return RuleHit.Of(
                    [address, $"{TableKeys.ActiveDisclosure}.{row}.issued", $"{TableKeys.ActiveDisclosure}.{row}.repealed"],
                    expected, inForce,
                    ("row", CellNames.Row(TableKeys.ActiveDisclosure, row)),
                    ("previousYear", previous.Result.Year),
                    ("previousId", PreviousReport.ShortId(previous.Id)),
                    ("previousInForce", previousInForce),
                    ("issued", issued),
                    ("repealed", repealed));
            }
        }
    }

    private static IReadOnlyDictionary<string, decimal?>? Row(CheckResult result, string row) =>
        result.Tables.GetValueOrDefault(TableKeys.ActiveDisclosure)?.GetValueOrDefault(row);
}
