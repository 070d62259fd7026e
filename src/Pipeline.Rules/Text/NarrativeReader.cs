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
                var review = clause.Contains("行政复议", StringComparison.Ordinal);
                var litigation = clause.Contains("行政诉讼", StringComparison.Ordinal);
                if (!review && !litigation)
                {
                    continue;
                }

                var reviewCount = ReviewCount().Match(clause);
                var litigationCount = LitigationCount().Match(clause);
                Add(found, Review, reviewCount, sentence);
                Add(found, Litigation, litigationCount, sentence);

                // "无…行政复议" with no number in the clause states zero cases.
                var negation = Negated().Match(clause);
                if (review && !reviewCount.Success && negation.Success && negation.Index < clause.IndexOf("行政复议", StringComparison.Ordinal))
                {
                    found.Add(new Statement(Review, 0, sentence));
                }

                if (litigation && !litigationCount.Success && negation.Success && negation.Index < clause.IndexOf("行政诉讼", StringComparison.Ordinal))
                {
                    found.Add(new Statement(Litigation, 0, sentence));
                }
            }
        }

        return found;
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

    [GeneratedRegex(Count + @"(件|个|条|宗)[^,\d]{0,4}?(结转|转接至|转入|转至|留待)")]
    private static partial Regex CarriedCount();

    [GeneratedRegex(@"(结转(至)?(下一?年度?|\d{4}年度?)?(继续)?(办理)?)[^,\d]{0,4}?" + Count + "(件|个|条|宗)")]
    private static partial Regex CarriedCountAfter();

    [GeneratedRegex(@"(无|未发生|未出现|没有|未有|未收到|未涉及|零)")]
    private static partial Regex Negated();

    [GeneratedRegex(@"行政复议[^,\d]{0,8}?" + Count + "(件|起|宗|次)|" + Count + @"(件|起|宗|次)[^,\d]{0,6}?行政复议")]
    private static partial Regex ReviewCount();

    [GeneratedRegex(@"行政诉讼[^,\d]{0,8}?" + Count + "(件|起|宗|次)|" + Count + @"(件|起|宗|次)[^,\d]{0,6}?行政诉讼")]
    private static partial Regex LitigationCount();
}
