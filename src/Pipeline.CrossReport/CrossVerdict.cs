using Pipeline.Model.Results;

namespace Pipeline.CrossReport;

/// <summary>
/// The verdict once the X-* findings are added to the report's own: an X error on confidently read cells
/// fails the report; one resting on a cell read with low confidence (in either report) sends it to review.
/// </summary>
public static class CrossVerdict
{
    public static Verdict Combine(Verdict own, IEnumerable<(Finding Finding, bool Doubtful)> findings)
    {
        if (own is Verdict.Unreadable or Verdict.Failed)
        {
            return own;
        }

        var errors = findings.Where(f => f.Finding.Checked && f.Finding.Severity == Severity.Error).ToList();
        return errors.Any(e => !e.Doubtful) ? Verdict.Failed
            : errors.Count > 0 ? Verdict.NeedsReview
            : own;
    }
}
