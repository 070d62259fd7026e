using System.Text.RegularExpressions;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Rules.Catalogue;
using Pipeline.Rules.InReport;
using Pipeline.Rules.Text;

namespace Pipeline.Rules;

/// <summary>
/// Runs every enabled rule over a report, collecting all findings, then decides the verdict:
/// an error that rests on a value read with low confidence sends the report to a person
/// (EXT-CONFIDENCE) instead of failing it.
/// </summary>
public sealed partial class ReportValidator(RuleCatalogue catalogue, IEnumerable<IRule> rules)
{
    public const string ConfidenceRule = "EXT-CONFIDENCE";

    private readonly IReadOnlyList<IRule> _rules = rules.ToList();

    public ReportValidator(RuleCatalogue catalogue)
        : this(catalogue, InReportRules())
    {
    }

    /// <summary>The rules that need only the report itself (the X-* rules need the store).</summary>
    public static IReadOnlyList<IRule> InReportRules() =>
    [
        new ApplicationsRowTotalRule(),
        new ApplicationsBalanceRule(),
        new ApplicationsResultSumRule(),
        new ReviewLitigationTotalRule(),
        new NumberFormRule(),
        new BlankCellRule(),
        new SectionsRule(),
        new TablesRule(),
        new YearRule(),
        new VintageRule(),
        new LatePublicationRule(),
        new ApplicationsTextRule(),
        new ReviewLitigationTextRule(),
        new FeesTextRule(),
        new AgencyTextRule(),
        new ProblemsTextRule(),
    ];

    public Validation Validate(AnnualReport report)
    {
        var context = new RuleContext(report, catalogue.Settings);
        var findings = new List<Finding>();
        foreach (var rule in _rules)
        {
            if (catalogue.Find(rule.Id) is not { Enabled: true } definition)
            {
                continue;
            }

            findings.AddRange(rule.Check(context).Select(hit => ToFinding(definition, hit)));
        }

        var errors = findings.Where(f => f.Checked && f.Severity == Severity.Error).ToList();
        var doubtful = errors.ToDictionary(e => e, e => DoubtfulCells(report, e));
        var textDoubt = errors.Where(e => RestsOnRecognisedText(report, e)).ToHashSet();
        if (catalogue.Find(ConfidenceRule) is { Enabled: true } confidence)
        {
            foreach (var (error, cells) in doubtful.Where(d => d.Value.Count > 0))
            {
                findings.Add(ToFinding(confidence, RuleHit.Message(
                    RuleHit.Default,
                    cells,
                    ("rule", error.Rule),
                    ("cells", string.Join("、", cells.Select(c => Describe(report, c)))),
                    ("threshold", catalogue.Settings.ConfidenceThreshold))));
            }

            foreach (var error in textDoubt.Where(e => doubtful[e].Count == 0))
            {
                findings.Add(ToFinding(confidence, RuleHit.Message("text", [], ("rule", error.Rule))));
            }
        }
        else
        {
            doubtful = errors.ToDictionary(e => e, _ => (IReadOnlyList<string>)[]);
            textDoubt.Clear();
        }

        // A table that could only partly be read is not a passed one: the unread cells may hide an error.
        var unread = Unread(report).Except(doubtful.Values.SelectMany(c => c)).ToList();
        if (unread.Count > 0 && catalogue.Find(ConfidenceRule) is { Enabled: true } partly)
        {
            findings.Add(ToFinding(partly, RuleHit.Message(
                "unread",
                unread,
                ("cells", string.Join("、", unread.Select(c => Describe(report, c)))),
                ("threshold", catalogue.Settings.ConfidenceThreshold))));
        }
        else
        {
            unread.Clear();
        }

        var verdict = errors.Any(e => doubtful[e].Count == 0 && !textDoubt.Contains(e)) ? Verdict.Failed
            : errors.Count > 0 || unread.Count > 0 ? Verdict.NeedsReview
            : Verdict.Passed;
        return new Validation(findings, verdict);
    }

    /// <summary>
    /// The cells of a finding that were read with low confidence, or, from a recognised
    /// (OCR) source, not read at all: such an error may be the reading's, not the report's.
    /// </summary>
    private IReadOnlyList<string> DoubtfulCells(AnnualReport report, Finding finding)
    {
        var recognised = report.SourceKind is SourceKinds.PdfScan or SourceKinds.DocumentIntelligence;
        return finding.Cells.Where(address =>
        {
            var cell = Cell(report, address);
            return cell is null ? recognised : cell.Confidence < catalogue.Settings.ConfidenceThreshold;
        }).ToList();
    }

    /// <summary>
    /// An error that rests on running text read by OCR (a heading not found, a sentence that disagrees with a
    /// table, a date): a misread character can make it, and OCR gives no per-character confidence the rule
    /// could weigh, so on a scan it goes to a person rather than failing the report.
    /// </summary>
    private static bool RestsOnRecognisedText(AnnualReport report, Finding finding) =>
        report.SourceKind is SourceKinds.PdfScan or SourceKinds.DocumentIntelligence
        && (finding.Cells.Count == 0 || finding.Rule.StartsWith("TXT-", StringComparison.Ordinal));

    /// <summary>Cells of a recognised source with ink but no number read with confidence: neither a value nor a blank.</summary>
    private IReadOnlyList<string> Unread(AnnualReport report)
    {
        if (report.SourceKind is not (SourceKinds.PdfScan or SourceKinds.DocumentIntelligence))
        {
            return [];
        }

        return [.. new[] { report.ActiveDisclosure, report.Applications, report.ReviewLitigation }
            .SelectMany(t => t?.AllCells ?? [])
            .Where(c => c.Number is null && c.Confidence < catalogue.Settings.ConfidenceThreshold)
            .Select(c => c.Address)];
    }

    private static CellValue? Cell(AnnualReport report, string address)
    {
        var (table, row, column) = CellNames.Split(address);
        return report.Table(table)?.Get(row, column);
    }

    private static string Describe(AnnualReport report, string address) =>
        Cell(report, address) is { } cell
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{CellNames.Cell(address)}（读作“{cell.RawText}”，置信度{cell.Confidence:0.00}）")
            : $"{CellNames.Cell(address)}（未能读出）";

    /// <summary>A hit in the words and severity its rules-file entry gives it (the X-* rules use it too).</summary>
    public static Finding ToFinding(RuleDefinition definition, RuleHit hit)
    {
        var template = definition.Messages.GetValueOrDefault(hit.Variant)
            ?? (hit.IsUnchecked ? "{title}无法核对：{what}。" : definition.Messages.GetValueOrDefault(RuleHit.Default))
            ?? definition.Id;
        var message = Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "title" => definition.Title ?? definition.Id,
            "expected" when hit.Expected is { } expected => Number(expected),
            "actual" when hit.Actual is { } actual => Number(actual),
            var name => hit.Arguments.GetValueOrDefault(name, m.Value),
        });
        return new Finding(
            definition.Id,
            hit.IsUnchecked ? Severity.Info : definition.Severity,
            message,
            hit.Cells,
            hit.Expected,
            hit.Actual,
            !hit.IsUnchecked);
    }

    private static string Number(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
