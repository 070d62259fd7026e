using System.Text.RegularExpressions;
using Pipeline.Model.Text;

namespace Pipeline.Rules.Text;

/// <summary>
/// Reads the numbers a report's running text states about applications and about review
/// and litigation cases. It reads clause by clause and only well-marked phrasings, because a
/// false alarm costs a supervisor's trust: a sentence it cannot read is left alone.
/// </summary>
public static partial class NarrativeReader
{
    public const string Received = "received";
    public const string Answered = "answered";
    public const string CarriedOver = "carriedOver";
    public const string CarriedForward = "carriedForward";
    public const string Review = "review";
    public const string Litigation = "litigation";

    private const string Count = @"(?<n>\d+|[零一二两三四五六七八九十]+)";

    public static IReadOnlyList<Statement> Applications(string text)
    {
        var found = new List<Statement>();
        foreach (var (sentence, folded) in Sentences(text).Where(s => s.Folded.Contains("申请", StringComparison.Ordinal)))
        {
            foreach (var clause in Clauses(folded).Where(c => !c.Contains("复议", StringComparison.Ordinal) && !c.Contains("诉讼", StringComparison.Ordinal)))
            {
                if (NoneReceived().IsMatch(clause))
                {
                    found.Add(new Statement(Received, 0, sentence));
                    continue;
                }

                Add(found, Received, ReceivedCount().Match(clause), sentence);
                Add(found, Received, ReceivedCountFirst().Match(clause), sentence);
                Add(found, Answered, AnsweredCount().Match(clause), sentence);
                // 上年结转248件 is what came in from last year, 结转下年度16件 what goes on to the
                // next: the carried-forward patterns refuse a 结转 that a past year leads.
                Add(found, CarriedOver, CarriedOverCount().Match(clause), sentence);
                Add(found, CarriedOver, CarriedOverCountFirst().Match(clause), sentence);
                Add(found, CarriedForward, CarriedCount().Match(clause), sentence);
                Add(found, CarriedForward, CarriedCountAfter().Match(clause), sentence);
            }
        }

        return found;
    }

    public static IReadOnlyList<Statement> ReviewLitigation(string text)
    {
        var found = new List<Statement>();
        foreach (var (sentence, folded) in Sentences(text))
        {
            foreach (var clause in Clauses(folded))
            {
                var subjects = CaseSubject().Matches(clause).ToList();
                if (subjects.Count == 0)
                {
                    continue;
                }

                var counted = new HashSet<string>();
                foreach (var (subject, count) in Pair(clause, subjects, CaseCount().Matches(clause).ToList()))
                {
                    Add(found, subject.Value == "行政复议" ? Review : Litigation, count, sentence);
                    counted.Add(subject.Value);
                }

                // "无…行政复议" with no number for it in the clause states zero cases.
                var negation = Negated().Match(clause);
                foreach (var kind in new[] { ("行政复议", Review), ("行政诉讼", Litigation) })
                {
                    var at = clause.IndexOf(kind.Item1, StringComparison.Ordinal);
                    if (at >= 0 && negation.Success && negation.Index < at && !counted.Contains(kind.Item1))
                    {
                        found.Add(new Statement(kind.Item2, 0, sentence));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Pairs each case count with the subject (行政复议 / 行政诉讼) it is written next to. A count
    /// stands either right after its subject (行政复议11件) or right before it (11件行政复议); in
    /// "行政复议11件、行政诉讼17件" 17 is nearer to 行政诉讼 than 11 is, so the closest pairs are
    /// taken first and each subject and count is used once. "分别" with as many counts as subjects
    /// pairs them in order.
    /// </summary>
    private static IEnumerable<(Match Subject, Match Count)> Pair(string clause, List<Match> subjects, List<Match> counts)
    {
        if (clause.Contains("分别", StringComparison.Ordinal) && subjects.Count == counts.Count && subjects[^1].Index < counts[0].Index)
        {
            return subjects.Zip(counts);
        }

        var candidates = new List<(int Gap, int Order, Match Subject, Match Count)>();
        foreach (var subject in subjects)
        {
            foreach (var count in counts)
            {
                var after = count.Index >= subject.Index + subject.Length;
                var (from, to) = after ? (subject.Index + subject.Length, count.Index) : (count.Index + count.Length, subject.Index);
                if (to < from)
                {
                    continue;
                }

                var between = clause[from..to];
                var limit = after ? 8 : 6;
                if (between.Length <= limit && !between.Any(char.IsAsciiDigit) && !subjects.Any(s => s.Index >= from && s.Index < to))
                {
                    candidates.Add((between.Length, after ? 0 : 1, subject, count));
                }
            }
        }

        var pairs = new List<(Match, Match)>();
        foreach (var (_, _, subject, count) in candidates.OrderBy(c => c.Gap).ThenBy(c => c.Order))
        {
            if (!pairs.Any(p => p.Item1 == subject || p.Item2 == count))
            {
                pairs.Add((subject, count));
            }
        }

        return pairs.OrderBy(p => p.Item2.Index);
    }

    private static void Add(List<Statement> found, string subject, Match match, string sentence)
    {
        if (match.Success && ChineseText.ParseChineseNumeral(match.Groups["n"].Value.Replace('两', '二')) is int n)
        {
            found.Add(new Statement(subject, n, sentence));
        }
    }

    /// <summary>Sentences as printed (for quoting) and folded (for matching).</summary>
    private static IEnumerable<(string Printed, string Folded)> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => (ChineseText.Tidy(s), ChineseText.Fold(s))).Where(s => s.Item2.Length > 0);

    private static IEnumerable<string> Clauses(string sentence) => sentence.Split(',', ';', ':');

    [GeneratedRegex(@"[。！？；!?;\n]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(未收到|没有收到|未接到|未受理|没有受理|无)[^,]{0,10}?申请")]
    private static partial Regex NoneReceived();

    [GeneratedRegex(@"(收到|接到|受理|新收|接收)[^,\d]{0,16}?申请[^,\d]{0,10}?" + Count + "(件|个|条|宗)")]
    private static partial Regex ReceivedCount();

    [GeneratedRegex(@"(收到|接到|受理|新收|接收)[^,\d]{0,4}?" + Count + @"(件|个|条|宗)[^,\d]{0,12}?申请")]
    private static partial Regex ReceivedCountFirst();

    [GeneratedRegex(@"(答复|办结|办理完毕|已办理|处理完毕)[^,\d]{0,4}?" + Count + "(件|个|条|宗)")]
    private static partial Regex AnsweredCount();

    /// <summary>A past year leading 结转: 上年, 上一年度, 去年, 2023年(度).</summary>
    private const string PastYear = @"(上一?年度?|去年|往年|前一年度?|\d{4}年度?)(度)?";

    [GeneratedRegex(Count + @"(件|个|条|宗)[^,\d]{0,4}?((?<!" + PastYear + ")结转|转接至|转入|转至|留待)")]
    private static partial Regex CarriedCount();

    [GeneratedRegex(@"((?<!" + PastYear + @")结转(至|到)?(下一?年度?|\d{4}年度?)?(继续)?(办理)?)[^,\d]{0,4}?" + Count + "(件|个|条|宗)")]
    private static partial Regex CarriedCountAfter();

    [GeneratedRegex(PastYear + @"(结转|转入|遗留|未办结)[^,\d]{0,16}?" + Count + "(件|个|条|宗)")]
    private static partial Regex CarriedOverCount();

    [GeneratedRegex(Count + @"(件|个|条|宗)[^,\d]{0,4}?(为|系|是|属)?" + PastYear + "(结转|转入|遗留)")]
    private static partial Regex CarriedOverCountFirst();

    [GeneratedRegex(@"(无|未发生|未出现|没有|未有|未收到|未涉及|零)")]
    private static partial Regex Negated();

    [GeneratedRegex("行政复议|行政诉讼")]
    private static partial Regex CaseSubject();

    [GeneratedRegex(Count + "(件|起|宗|次)")]
    private static partial Regex CaseCount();
}
