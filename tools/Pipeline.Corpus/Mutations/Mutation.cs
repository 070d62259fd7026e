using Pipeline.Corpus.Truth;
using Pipeline.Model.Results;

namespace Pipeline.Corpus.Mutations;

/// <summary>
/// One kind of error injected into a consistent report, and the rule that should catch it.
/// <paramref name="change"/> alters the truth and says, in a line, what it did.
/// </summary>
public sealed class Mutation(
    string rule,
    bool isError,
    Func<ReportTruth, bool> appliesTo,
    Func<ReportTruth, Random, (ReportTruth Truth, string Note)> change)
{
    public string Rule { get; } = rule;

    /// <summary>File-name form of the rule id: t3-balance.</summary>
    public string Slug => Rule.ToLowerInvariant();

    /// <summary>Whether the rule's default severity is error, which makes the verdict failed.</summary>
    public bool IsError { get; } = isError;

    public bool AppliesTo(ReportTruth truth) => appliesTo(truth);

    public ReportTruth Apply(ReportTruth truth, Random rng)
    {
        if (!AppliesTo(truth))
        {
            throw new InvalidOperationException($"{Rule} does not apply to seed {truth.Seed}.");
        }

        var (changed, note) = change(truth, rng);
        return changed with
        {
            ExpectedRules = [.. truth.ExpectedRules, Rule],
            Mutations = [.. truth.Mutations, $"{Rule}: {note}"],
            ExpectedVerdict = IsError ? Verdict.Failed : truth.ExpectedVerdict,
        };
    }

    /// <summary>For mutations that fit every report.</summary>
    public static readonly Func<ReportTruth, bool> Always = _ => true;
}
