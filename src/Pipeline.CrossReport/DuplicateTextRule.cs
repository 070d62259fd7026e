using System.Globalization;
using Pipeline.CrossReport.Text;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Rules;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>
/// X-DUPLICATE: a report whose sections repeat the same body's previous report (share of repeated text per
/// section, with the longest repeated passages), or whose text repeats another body's report of the same year.
/// Boilerplate is left out first (<see cref="Boilerplate"/>); digits do not count, so a copy with only its
/// numbers and year changed is still a copy.
/// </summary>
public static class DuplicateTextRule
{
    public const string Id = "X-DUPLICATE";

    public const string OtherBody = "otherBody";

    /// <summary>Section by section against the same body's previous report.</summary>
    public static IEnumerable<RuleHit> AgainstPrevious(CheckResult current, StoredReport? previous, CrossReportOptions options)
    {
        if (current.Texts.Count == 0)
        {
            yield return RuleHit.CannotCheck([], "本报告的检查结果没有保存正文（保存于开始保存正文之前），未能比对重复文字；重新检查原件后即可比对");
            yield break;
        }

        if (previous is null)
        {
            yield return RuleHit.CannotCheck([], current.Year is null
                ? "报告年度未能确定，找不到上一年度的报告"
                : $"库中没有本单位{current.Year - 1}年度的报告，未能与上年正文比对");
            yield break;
        }

        if (previous.Result.Texts.Count == 0)
        {
            yield return RuleHit.CannotCheck([], $"本单位{previous.Result.Year}年度报告（编号{PreviousReport.ShortId(previous.Id)}）的检查结果没有保存正文（保存于开始保存正文之前），未能比对本年与上年的正文；重新检查该报告后即可比对");
            yield break;
        }

        foreach (var section in SectionSchema.Sections)
        {
            if (current.Texts.GetValueOrDefault(section.Key) is not { } text || previous.Result.Texts.GetValueOrDefault(section.Key) is not { } before)
            {
                continue;
            }

            var comparable = ComparableText.Of(text);
            if (comparable.Length < options.MinimumCharacters)
            {
                continue;
            }

            var repeated = RepeatedText.Measure(comparable, Shingles.Set(ComparableText.Of(before)));
            if (repeated.Share >= options.DuplicateThreshold)
            {
                yield return Hit(RuleHit.Default, repeated, options.DuplicateThreshold,
                    ("heading", section.Heading),
                    ("section", section.Key),
                    ("previousYear", previous.Result.Year),
                    ("previousId", PreviousReport.ShortId(previous.Id)));
            }
        }
    }

    /// <summary>The warnings for the other bodies' reports of the same year that <see cref="Copies"/> found this one copies.</summary>
    public static IEnumerable<RuleHit> AgainstOthers(CheckResult current, IEnumerable<(ReportTexts Other, RepeatedText Repeated)> copies, CrossReportOptions options) =>
        copies.Select(c => Hit(OtherBody, c.Repeated, options.OtherBodyThreshold,
            ("otherBody", c.Other.Agency ?? c.Other.Office),
            ("otherOffice", c.Other.Office),
            ("otherId", PreviousReport.ShortId(c.Other.Id)),
            ("year", current.Year)));

    /// <summary>The other bodies' reports whose text this one repeats at least at the threshold, with what repeats.</summary>
    public static IEnumerable<(ReportTexts Other, RepeatedText Repeated)> Copies(CheckResult current, IEnumerable<ReportTexts> others, CrossReportOptions options)
    {
        var comparable = ComparableText.Of(Narrative(current));
        if (comparable.Length < options.MinimumCharacters)
        {
            yield break;
        }

        var positions = Shingles.Positions(comparable);
        foreach (var other in others)
        {
            var repeated = RepeatedText.Measure(comparable, positions, Shingles.Set(ComparableText.Of(Narrative(other.Texts))));
            if (repeated.Share >= options.OtherBodyThreshold)
            {
                yield return (other, repeated);
            }
        }
    }

    /// <summary>The running text X-DUPLICATE compares across bodies: all sections, in the template's order.</summary>
    public static string Narrative(CheckResult result) => Narrative(result.Texts);

    /// <summary>The same running text from the section texts alone (a stored candidate read as <see cref="ReportTexts"/>).</summary>
    public static string Narrative(IReadOnlyDictionary<string, string> texts) =>
        string.Join('\n', SectionSchema.Sections.Select(s => texts.GetValueOrDefault(s.Key)).OfType<string>());

    private static RuleHit Hit(string variant, RepeatedText repeated, double threshold, params (string Name, object? Value)[] arguments)
    {
        var share = Math.Round((decimal)repeated.Share, 2);
        var passages = repeated.LongestPassages.Count == 0 ? "（无较长的连续段落）"
            : string.Join("；", repeated.LongestPassages.Select(p => $"“{Shorten(p)}”"));
        var all = arguments.Append(("share", repeated.Share.ToString("0%", CultureInfo.InvariantCulture))).Append(("passages", passages)).ToArray();
        return RuleHit.Message(variant, [], all) with { Expected = (decimal)threshold, Actual = share };
    }

    private static string Shorten(string passage) => passage.Length <= 60 ? passage : passage[..60] + "…";
}
