using Pipeline.CrossReport.Text;
using Pipeline.Model.Results;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>
/// The rules across reports (X-CARRY, X-IN-FORCE, X-DUPLICATE) over the store. One evaluation reads the same
/// body's previous year (one partition query) and the text index's candidates for the same year (a few bucket
/// lookups and at most <see cref="CrossReportOptions.MaxCandidates"/> reports), never every report.
/// </summary>
public sealed class CrossReportRules(IReportStore store, ITextIndexStore index, RuleCatalogue catalogue, CrossReportOptions? options = null)
{
    public static readonly IReadOnlyList<string> RuleIds = [CarryOverRule.Id, InForceRule.Id, DuplicateTextRule.Id];

    private readonly CrossReportOptions _options = options ?? new CrossReportOptions();

    /// <summary>The rules for a store that keeps a text index (both stores do); null for one that does not.</summary>
    public static CrossReportRules? For(IReportStore store, RuleCatalogue catalogue, CrossReportOptions? options = null) =>
        store is ITextIndexStore index ? new CrossReportRules(store, index, catalogue, options) : null;

    /// <summary>
    /// The result with its X-* findings (re)computed against what the store holds now, and its verdict from its
    /// own rules' verdict and those findings. An unreadable report is returned as it is.
    /// </summary>
    public async Task<CheckResult> EvaluateAsync(string office, string reportId, CheckResult result, CancellationToken cancellationToken = default)
    {
        var own = result.ReportVerdict ?? result.Verdict;
        if (own == Verdict.Unreadable)
        {
            return result;
        }

        var previous = result.Year is { } year ? await PreviousReport.OfYearAsync(store, office, year - 1, reportId, cancellationToken) : null;
        var hits = new List<(string Rule, RuleHit Hit)>();
        hits.AddRange(CarryOverRule.Check(result, previous).Select(h => (CarryOverRule.Id, h)));
        hits.AddRange(InForceRule.Check(result, previous).Select(h => (InForceRule.Id, h)));
        if (Enabled(DuplicateTextRule.Id))
        {
            hits.AddRange(DuplicateTextRule.AgainstPrevious(result, previous, _options).Select(h => (DuplicateTextRule.Id, h)));
            var others = await OtherBodiesAsync(office, reportId, result, cancellationToken);
            hits.AddRange(DuplicateTextRule.AgainstOthers(result, others, _options).Select(h => (DuplicateTextRule.Id, h)));
        }

        var findings = hits
            .Where(h => Enabled(h.Rule))
            .Select(h => (Finding: ReportValidator.ToFinding(catalogue.Find(h.Rule)!, h.Hit), Doubtful: Doubtful(result, previous, h.Hit)))
            .ToList();
        var kept = result.Findings.Where(f => !IsCrossReport(f)).ToList();
        return result with
        {
            ReportVerdict = own,
            Verdict = CrossVerdict.Combine(own, findings),
            Findings = [.. kept, .. findings.Select(f => f.Finding)],
        };
    }

    /// <summary>Files a stored report's text in the index, so later reports of its year can be compared with it.</summary>
    public async Task IndexAsync(StoredReport report, CancellationToken cancellationToken = default)
    {
        if (report.Result.Year is not { } year || report.Verdict == Verdict.Unreadable)
        {
            return;
        }

        var buckets = Buckets(report.Result, year);
        if (buckets.Count > 0)
        {
            await index.IndexTextAsync(new TextIndexEntry(report.Office, report.Id, year, buckets), cancellationToken);
        }
    }

    /// <summary>The reports whose X-rules look back at this one: the same body's reports of the following year.</summary>
    public async Task<IReadOnlyList<StoredReport>> FollowersAsync(StoredReport report, CancellationToken cancellationToken = default)
    {
        if (report.Result.Year is not { } year)
        {
            return [];
        }

        var next = await store.ListReportsAsync(new ReportQuery(report.Office, year + 1), cancellationToken);
        return [.. next.Where(r => r.Id != report.Id && r.Verdict != Verdict.Unreadable)];
    }

    /// <summary>Whether two results differ in what the X-rules decided (so a re-evaluation is worth a new version).</summary>
    public static bool Changed(CheckResult before, CheckResult after) =>
        before.Verdict != after.Verdict
        || !before.Findings.Where(IsCrossReport).Select(f => f.Message).SequenceEqual(after.Findings.Where(IsCrossReport).Select(f => f.Message));

    private async Task<IReadOnlyList<ReportTexts>> OtherBodiesAsync(string office, string reportId, CheckResult result, CancellationToken cancellationToken)
    {
        if (result.Year is not { } year)
        {
            return [];
        }

        var buckets = Buckets(result, year);
        if (buckets.Count == 0)
        {
            return [];
        }

        var matches = await index.FindByBucketsAsync(buckets, cancellationToken);
        var others = new List<ReportTexts>();
        foreach (var match in matches
            .Where(m => m.Office != office && m.ReportId != reportId && m.Year == year)
            .OrderByDescending(m => m.SharedBuckets).ThenBy(m => m.Office, StringComparer.Ordinal)
            .Take(_options.MaxCandidates))
        {
            // Only the candidate's texts: its whole document would be read and parsed for nothing else.
            if (await store.GetTextsAsync(match.Office, match.ReportId, cancellationToken) is { } other)
            {
                others.Add(other);
            }
        }

        return others;
    }

    private IReadOnlyList<string> Buckets(CheckResult result, int year)
    {
        var text = ComparableText.Of(DuplicateTextRule.Narrative(result));
        if (text.Length < _options.MinimumCharacters)
        {
            return [];
        }

        return MinHash.Buckets(MinHash.Signature(Shingles.Set(text)), year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private bool Enabled(string rule) => catalogue.Find(rule) is { Enabled: true };

    /// <summary>A cell a hit rests on, here or (X-CARRY) in the previous report, read with low confidence.</summary>
    private bool Doubtful(CheckResult current, StoredReport? previous, RuleHit hit)
    {
        var threshold = catalogue.Settings.ConfidenceThreshold;
        var here = hit.Cells.Any(c => current.Cells.GetValueOrDefault(c) is { } cell && cell.Confidence < threshold);
        var there = hit.Arguments.GetValueOrDefault("previousCell") is { } address
            && previous?.Result.Cells.GetValueOrDefault(address) is { } before && before.Confidence < threshold;
        return here || there;
    }

    private static bool IsCrossReport(Finding finding) => RuleIds.Contains(finding.Rule);
}
