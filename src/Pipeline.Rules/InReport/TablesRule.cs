using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>DOC-TABLES: tables 二, 三 and 四 are present with all their rows and cells.</summary>
public sealed class TablesRule : IRule
{
    public string Id => "DOC-TABLES";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var report = context.Report;
        foreach (var key in TableKeys.All)
        {
            if (report.Table(key) is null)
            {
                yield return RuleHit.Message("missingTable", [], ("table", TableKeys.DisplayName(key)));
                continue;
            }

            var gaps = report.Gaps.Where(g => g.Table == key).ToList();
            var rows = gaps.Where(g => g.RowMissing).ToList();
            if (rows.Count > 0)
            {
                yield return RuleHit.Message(
                    "missingRows",
                    rows.SelectMany(g => g.MissingCells).ToList(),
                    ("table", CellNames.Short(key)),
                    ("rows", string.Join("、", rows.Select(g => $"“{CellNames.Row(key, g.Row)}”"))));
            }

            foreach (var gap in gaps.Where(g => !g.RowMissing))
            {
                yield return RuleHit.Message(
                    "missingCells",
                    gap.MissingCells,
                    ("table", CellNames.Short(key)),
                    ("row", CellNames.Row(key, gap.Row)),
                    ("columns", string.Join("、", gap.MissingCells.Select(a => $"“{CellNames.Column(key, CellNames.Split(a).Column, gap.Row)}”"))));
            }
        }
    }
}
