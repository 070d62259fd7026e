using Pipeline.CrossReport.Text;
using Pipeline.Model.Results;
using Pipeline.Resilience;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>
/// The rules across reports (X-CARRY, X-IN-FORCE, X-DUPLICATE) over the store. One evaluation is point reads
/// only: the office's bucket (its reports by year) and the previous year's report, the text index's buckets for
/// the report's text, and at most <see cref="CrossReportOptions.MaxCandidates"/> candidate reports; never a
/// query, never every report.
/// </summary>
public sealed class CrossReportRules(IReportStore store, ITextIndexStore index, RuleCatalogue catalogue, CrossReportOptions? options = null)
{
    public static readonly IReadOnlyList<string> RuleIds = [CarryOverRule.Id, InForceRule.Id, DuplicateTextRule.Id];

    private readonly CrossReportOptions _options = options ?? new CrossReportOptions();

    private readonly OfficeReports _offices = new(store, index);

    public CrossReportOptions Options => _options;

    /// <summary>The rules for a store that keeps a text index (both stores do); null for one that does not.</summary>
    public static CrossReportRules? For(IReportStore store, RuleCatalogue catalogue, CrossReportOptions? options = null) =>
        store is ITextIndexStore index ? new CrossReportRules(store, index, catalogue, options) : null;

    /// <summary>
    /// The result with its X-* findings (re)computed against what the store holds now, and its verdict from its
    /// own rules' verdict and those findings. An unreadable report is returned as it is.
    /// </summary>
    public async Task<CheckResult> EvaluateAsync(string office, string reportId, CheckResult result, CancellationToken cancellationToken = default) =>
        (await JudgeAsync(office, reportId, result, cancellationToken)).Result;

    /// <summary>
    /// As <see cref="EvaluateAsync"/>, with the other bodies' texts the report was found to copy, as they were read
    /// (for <see cref="FollowersAsync"/>, so that the copies are not looked up twice).
    /// </summary>
    public async Task<CrossEvaluation> JudgeAsync(string office, string reportId, CheckResult result, CancellationToken cancellationToken = default)
    {
        var own = result.ReportVerdict ?? result.Verdict;
        if (own == Verdict.Unreadable)
        {
            return new CrossEvaluation(result, []);
        }

        var previous = result.Year is { } year
            ? PreviousReport.Newest(await _offices.OfYearAsync(office, year - 1, cancellationToken), year - 1, reportId)
            : null;
        var hits = new List<(string Rule, RuleHit Hit)>();
        hits.AddRange(CarryOverRule.Check(result, previous).Select(h => (CarryOverRule.Id, h)));
        hits.AddRange(InForceRule.Check(result, previous).Select(h => (InForceRule.Id, h)));
        var copies = new List<(ReportTexts Other, RepeatedText Repeated)>();
        IReadOnlyList<string>? buckets = null;
        if (Enabled(DuplicateTextRule.Id))
        {
            using (PipelineTracing.Step("cross.previous-text"))
            {
                hits.AddRange(DuplicateTextRule.AgainstPrevious(result, previous, _options).Select(h => (DuplicateTextRule.Id, h)));
            }

            buckets = result.Year is { } y ? Buckets(result, y) : [];
            var candidates = await CandidatesAsync(office, reportId, result.Year, buckets, cancellationToken);
            using (PipelineTracing.Step("cross.measure-copies"))
            {
                copies.AddRange(DuplicateTextRule.Copies(result, candidates, _options));
            }

            hits.AddRange(DuplicateTextRule.AgainstOthers(result, copies, _options).Select(h => (DuplicateTextRule.Id, h)));
        }

        var findings = hits
            .Where(h => Enabled(h.Rule))
            .Select(h => (Finding: ReportValidator.ToFinding(catalogue.Find(h.Rule)!, h.Hit), Doubtful: Doubtful(result, previous, h.Hit)))
            .ToList();
        var kept = result.Findings.Where(f => !IsCrossReport(f)).ToList();
        return new CrossEvaluation(
            result with
            {
                ReportVerdict = own,
                Verdict = CrossVerdict.Combine(own, findings),
                Findings = [.. kept, .. findings.Select(f => f.Finding)],
                Copies = [.. copies.Select(c => new CopiedReport(c.Other.Office, c.Other.Id, Math.Round(c.Repeated.Share, 3)))],
            },
            [.. copies.Select(c => c.Other)],
            buckets);
    }

    /// <summary>
    /// Files a stored report under its office, and its text in the index, so that later reports (its next year, other
    /// bodies of its year) are compared with it.
    /// </summary>
    public async Task IndexAsync(StoredReport report, CrossEvaluation? judged = null, CancellationToken cancellationToken = default)
    {
        if (report.Result.Year is not { } year || report.Verdict == Verdict.Unreadable)
        {
            return;
        }

        await _offices.FileAsync(report, year, cancellationToken);
        var buckets = judged?.Buckets ?? Buckets(report.Result, year);
        if (buckets.Count > 0)
        {
            await index.IndexTextAsync(new TextIndexEntry(report.Office, report.Id, year, buckets), _options.BucketCapacity, cancellationToken);
        }
    }

    /// <summary>
    /// The reports whose X-rules change now that this one is stored: the same body's reports of the following year
    /// (when this year arrived late), and the other bodies' reports of its year that it nearly copies and that carry
    /// no copy warning yet, so both copies of a pair are warned. A report already warned is not judged again for each
    /// later copy: thirty towns filing one county template would otherwise judge every earlier one at every arrival.
    /// <paramref name="copied"/> is what <see cref="JudgeAsync"/> found, when the caller has it; otherwise the copies
    /// the stored result names are read again.
    /// </summary>
    public async Task<IReadOnlyList<StoredReport>> FollowersAsync(StoredReport report, IReadOnlyList<ReportTexts>? copied = null, CancellationToken cancellationToken = default)
    {
        if (report.Result.Year is not { } year || report.Verdict == Verdict.Unreadable)
        {
            return [];
        }

        var next = await _offices.OfYearAsync(report.Office, year + 1, cancellationToken);
        var unwarned = Enabled(DuplicateTextRule.Id)
            ? (copied ?? await CopiedAsync(report, year, cancellationToken)).Where(t => t.Copies is not { Count: > 0 })
            : [];
        var copies = await Task.WhenAll(unwarned.Select(t => store.GetReportAsync(t.Office, t.Id, cancellationToken)));
        return [.. next.Where(r => r.Id != report.Id && r.Verdict != Verdict.Unreadable && r.Result.Year == year + 1).Concat(copies.OfType<StoredReport>())];
    }

    /// <summary>The texts of the reports a stored result names as copied; for a result stored before copies were kept, found again.</summary>
    private async Task<IReadOnlyList<ReportTexts>> CopiedAsync(StoredReport report, int year, CancellationToken cancellationToken)
    {
        if (report.Result.Copies is not { } named)
        {
            var candidates = await CandidatesAsync(report.Office, report.Id, year, Buckets(report.Result, year), cancellationToken);
            return [.. DuplicateTextRule.Copies(report.Result, candidates, _options).Select(c => c.Other)];
        }

        var read = await Task.WhenAll(named.Select(c => store.GetTextsAsync(c.Office, c.Id, cancellationToken)));
        return [.. read.OfType<ReportTexts>()];
    }

    /// <summary>Whether two results differ in what the X-rules decided (so a re-evaluation is worth a new version).</summary>
    public static bool Changed(CheckResult before, CheckResult after) =>
        before.Verdict != after.Verdict
        || !before.Findings.Where(IsCrossReport).Select(f => f.Message).SequenceEqual(after.Findings.Where(IsCrossReport).Select(f => f.Message));

    /// <summary>
    /// Other bodies' reports of the same year that share LSH buckets with this text, most shared first. Full buckets
    /// (more than <see cref="CrossReportOptions.BucketCapacity"/> members) are passed over: a band that many texts
    /// fall into is made of common phrasing and would put forward reports that repeat nothing of this one.
    /// </summary>
    private async Task<IReadOnlyList<ReportTexts>> CandidatesAsync(string office, string reportId, int? year, IReadOnlyList<string> buckets, CancellationToken cancellationToken)
    {
        if (year is null || buckets.Count == 0)
        {
            return [];
        }

        var shared = new Dictionary<(string Office, string ReportId), int>();
        foreach (var bucket in await index.ReadBucketsAsync(buckets, cancellationToken))
        {
            if (bucket.Members.Count > _options.BucketCapacity)
            {
                continue;
            }

            foreach (var member in bucket.Members.Where(m => m.Office != office && m.ReportId != reportId && m.Year == year))
            {
                var key = (member.Office, member.ReportId);
                shared[key] = shared.GetValueOrDefault(key) + 1;
            }
        }

        var chosen = shared
            .OrderByDescending(m => m.Value).ThenBy(m => m.Key.Office, StringComparer.Ordinal).ThenBy(m => m.Key.ReportId, StringComparer.Ordinal)
            .Take(_options.MaxCandidates)
            // Only the candidates' texts: a whole document, every cell and finding, costs ten times as much to read.
            .Select(m => store.GetTextsAsync(m.Key.Office, m.Key.ReportId, cancellationToken));
        return [.. (await Task.WhenAll(chosen)).OfType<ReportTexts>()];
    }

    private IReadOnlyList<string> Buckets(CheckResult result, int year)
    {
        using var step = PipelineTracing.Step("cross.minhash");
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
