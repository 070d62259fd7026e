using Pipeline.Cli.CrossBench;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Cli.ReviewBench;

/// <summary>
/// The review list's load: the cross-report bench's generated reports (real tables and text, so documents are
/// of a real size), given a mix of verdicts and findings, under a registry of one city, its districts and the
/// bodies under them. What it makes is counted as it is made, the oracle the bench checks the pages against.
/// </summary>
public sealed class ReviewBenchCorpus
{
    public const string City = "city";

    public static readonly string[] RulePool = ["T3-BALANCE", "T2-SUM", "T3-RESULT", "T4-TOTAL", "TEXT-T3"];

    private ReviewBenchCorpus(int bodies)
    {
        Districts = Math.Max(1, bodies / 25);
        Registry =
        [
            new Office { Code = City, Name = "示例市人民政府", Kind = "government" },
            .. Enumerable.Range(0, Districts).Select(d => new Office { Code = District(d), Name = $"第{d + 1}区人民政府", Kind = "government", Parent = City }),
            .. Enumerable.Range(0, bodies).Select(b => new Office { Code = $"b{b:D5}", Name = $"单位{b:D5}", Kind = "department", Parent = District(b % Districts) }),
        ];
    }

    public int Districts { get; }

    public IReadOnlyList<Office> Registry { get; }

    /// <summary>Reports made per verdict as the check gave it.</summary>
    public Dictionary<Verdict, int> Checked { get; } = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => 0);

    /// <summary>Reports made per verdict that stands after the settlements below.</summary>
    public Dictionary<Verdict, int> Standing { get; } = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => 0);

    public static string District(int d) => $"d{d:D3}";

    public static ReviewBenchCorpus For(int bodies) => new(bodies);

    /// <summary>The reports, each with the settlement a person took on it (a third of those sent to review).</summary>
    public IEnumerable<(StoredReport Report, DecisionAction? Settlement)> Generate(int reports, int bodies)
    {
        var rng = new Random(16);
        var reviewed = 0;
        foreach (var generated in CrossBenchCorpus.Generate(reports, bodies))
        {
            var roll = rng.NextDouble();
            var verdict = roll < 0.10 ? Verdict.NeedsReview : roll < 0.35 ? Verdict.Failed : roll < 0.40 ? Verdict.Unreadable : Verdict.Passed;
            List<Finding> findings = verdict switch
            {
                Verdict.Failed => [.. RulePool.OrderBy(_ => rng.Next()).Take(1 + rng.Next(2))
                    .Select(r => new Finding(r, Severity.Error, "表三：本年新收申请数与各项之和不符", ["applications.newReceived.total"], 12, 11))],
                Verdict.NeedsReview => [new Finding("OCR-CONFIDENCE", Severity.Review, "部分单元格识别置信度低，需人工核对", ["applications.newReceived.total"])],
                _ => [],
            };
            var report = generated.Report with { Result = generated.Report.Result with { Verdict = verdict, ReportVerdict = verdict, Findings = findings } };
            DecisionAction? settlement = verdict == Verdict.NeedsReview && reviewed++ % 3 == 0
                ? (reviewed % 2 == 0 ? DecisionAction.SettlePassed : DecisionAction.SettleFailed)
                : null;
            Checked[verdict]++;
            Standing[settlement switch { DecisionAction.SettleFailed => Verdict.Failed, DecisionAction.SettlePassed => Verdict.Passed, _ => verdict }]++;
            yield return (report, settlement);
        }
    }
}
