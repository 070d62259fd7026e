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

    /// <summary>The sum identities of the enabled rules over the report's tables: what the table itself checks.</summary>
    public IEnumerable<SumIdentity> Identities(AnnualReport report) =>
        _rules.OfType<ITableIdentities>().Where(r => catalogue.Find(((IRule)r).Id) is { Enabled: true }).SelectMany(r => r.Identities(report));

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
        var misplaced = errors.ToDictionary(e => e, e => Misplaced(report, e));
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

            foreach (var (error, doubts) in misplaced.Where(m => m.Value.Count > 0 && doubtful[m.Key].Count == 0))
            {
                var cells = error.Cells.Where(c => doubts.Any(d => d.Cells.Contains(c))).ToList();
                findings.Add(ToFinding(confidence, RuleHit.Message(
                    "layout",
                    cells,
                    ("rule", error.Rule),
                    ("reason", string.Join("；", doubts.Select(d => d.Reason).Distinct())),
                    ("cells", string.Join("、", cells.Select(c => Describe(report, c)))))));
            }
        }
        else
        {
            doubtful = errors.ToDictionary(e => e, _ => (IReadOnlyList<string>)[]);
            misplaced = errors.ToDictionary(e => e, _ => (IReadOnlyList<LayoutDoubt>)[]);
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

        var verdict = errors.Any(e => doubtful[e].Count == 0 && !textDoubt.Contains(e) && misplaced[e].Count == 0) ? Verdict.Failed
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
    /// The least paragraph confidence (PP-OCR's mean character probability) at which a scan's running text is
    /// sure enough for an error resting on it to fail the report. Measured with <c>bench --wrong</c> on the
    /// held-out seed 701: see the README's PDFs section for the figures.
    /// </summary>
    public const double RecognisedTextThreshold = 0.98;

    /// <summary>
    /// The guard of last resort: the rows an error's cells came from that did not fit the layout they were read
    /// from (more values than columns, two values under one header, a value under none). Such an error may be a
    /// column shift of the reading, not the report's; the report is not failed on it.
    /// </summary>
    private static IReadOnlyList<LayoutDoubt> Misplaced(AnnualReport report, Finding finding) =>
        [.. report.LayoutDoubts.Where(d => finding.Cells.Any(d.Cells.Contains))];

    /// <summary>
    /// An error that rests on running text read by OCR (a heading not found, a sentence that disagrees with a
    /// table, a date) where a misread character could have made it: on a scan whose least sure paragraph was
    /// read below <see cref="RecognisedTextThreshold"/>, and always from Document Intelligence, whose confidences
    /// are not measured here. It goes to a person rather than failing the report.
    /// </summary>
    private static bool RestsOnRecognisedText(AnnualReport report, Finding finding) =>
        (report.SourceKind is SourceKinds.DocumentIntelligence
            || (report.SourceKind is SourceKinds.PdfScan && report.TextConfidence < RecognisedTextThreshold))
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

    private static CellValue? Cell(AnnualReport report, string address) => report.Cell(address);

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
