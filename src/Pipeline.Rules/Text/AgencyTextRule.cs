using System.Text.RegularExpressions;
using Pipeline.Model.Text;

namespace Pipeline.Rules.Text;

/// <summary>
/// TXT-AGENCY: the text speaks of itself as the body that publishes it. Copied reports give
/// themselves away: a 街道 saying 我镇 or 全镇, or another town's name where this one's belongs
/// (生态北郊微平台 in 南郊镇's report). A department or a government above the towns (a 局, a 委, a 区政府办公室)
/// is never a town or a 街道, so its text calling itself 我镇 or 本街道 was pasted from one.
/// </summary>
public sealed partial class AgencyTextRule : IRule
{
    public string Id => "TXT-AGENCY";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        if (context.Report.Agency is not { } agency)
        {
            yield break;
        }

        var text = ChineseText.Fold(context.Report.NarrativeText);
        var folded = ChineseText.Fold(agency);
        var kind = KindOf(folded);
        if (kind is null)
        {
            // A body inside a town (镇农业服务中心) may well speak of 我镇; one with no town in its name may not.
            // 全镇 is left out: a district's text may say it of one town.
            var pasted = Territorial().IsMatch(folded) ? []
                : SelfReference().Matches(text).Select(m => m.Value).Where(w => !w.StartsWith('全')).Distinct().ToList();
            if (pasted.Count > 0)
            {
                yield return RuleHit.Message("selfReference", [], ("agency", agency), ("kind", "机关"), ("words", string.Join("、", pasted.Select(w => $"“{w}”"))));
            }

            yield break;
        }

        var wrong = SelfReference().Matches(text)
            .Select(m => m.Value)
            .Where(word => !word.EndsWith(kind, StringComparison.Ordinal))
            .Distinct()
            .ToList();
        if (wrong.Count > 0)
        {
            yield return RuleHit.Message("selfReference", [], ("agency", agency), ("kind", kind), ("words", string.Join("、", wrong.Select(w => $"“{w}”"))));
        }

        var core = CoreName(ChineseText.Fold(agency), kind);
        var others = core is null ? [] : SiblingNames(text, core).ToList();
        if (others.Count > 0)
        {
            yield return RuleHit.Message("otherName", [], ("agency", agency), ("names", string.Join("、", others.Select(n => $"“{n}”"))));
        }
    }

    /// <summary>街道, 镇 or 乡: the level whose reports are most often copied from a neighbour's.</summary>
    private static string? KindOf(string agency) =>
        agency.Contains("街道", StringComparison.Ordinal) ? "街道"
        : TownSuffix().Match(agency) is { Success: true } m ? m.Groups[1].Value
        : null;

    /// <summary>南郊镇 → 南郊; 西工区汉屯路街道办事处 → 汉屯路.</summary>
    private static string? CoreName(string agency, string kind)
    {
        var at = agency.LastIndexOf(kind, StringComparison.Ordinal);
        var name = agency[..at];
        var cut = name.LastIndexOfAny(['区', '县', '市', '旗', ')']);
        name = name[(cut + 1)..];
        return name.Length >= 2 && name.All(ChineseText.IsHan) ? name : null;
    }

    /// <summary>
    /// Names built like this body's own (same length, same ending, another beginning) standing
    /// where a body or its account is named: before 镇/街道/乡, or in a platform's name.
    /// </summary>
    private static IEnumerable<string> SiblingNames(string text, string core)
    {
        var ending = core.Length == 2 ? core[1..] : core[^2..];
        var start = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while ((start = text.IndexOf(ending, start, StringComparison.Ordinal)) >= 0)
        {
            var from = start - (core.Length - ending.Length);
            var end = from + core.Length;
            start++;
            if (from < 0)
            {
                continue;
            }

            var candidate = text[from..end];
            if (candidate == core || !candidate.All(ChineseText.IsHan) || !NamedPlace(text, from, end))
            {
                continue;
            }

            if (seen.Add(candidate))
            {
                yield return candidate;
            }
        }
    }

    private static bool NamedPlace(string text, int from, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 4)];
        var before = text[Math.Max(0, from - 2)..from];
        return PlaceAfter().IsMatch(after) || PlaceBefore().IsMatch(before);
    }

    [GeneratedRegex(@"(我|本|全)(街道|镇|乡)(?![街镇村级])")]
    private static partial Regex SelfReference();

    [GeneratedRegex(@"街道|镇|(?<!城)乡")]
    private static partial Regex Territorial();

    [GeneratedRegex(@"(镇|乡)(人民政府|政府)?$")]
    private static partial Regex TownSuffix();

    [GeneratedRegex(@"^(镇|街道|乡|办事处|微|公众号|平台|网站|政府|发布)")]
    private static partial Regex PlaceAfter();

    [GeneratedRegex(@"(生态|幸福|美丽|智慧|平安|数字|魅力|"")$")]
    private static partial Regex PlaceBefore();
}
