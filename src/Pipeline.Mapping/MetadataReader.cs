using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// Title, agency, year, statistics period and publication date, from the lines before the
/// first section and the last lines of the report.
/// </summary>
public static partial class MetadataReader
{
    private const int FrontMatterLines = 8;

    /// <param name="document">The report's layout.</param>
    /// <param name="tablesFormat">The format the tables' labels follow, if they show one: it breaks a tie between the years the text states.</param>
    public static ReportMetadata Read(LayoutDocument document, Vintage? tablesFormat = null)
    {
        var paragraphs = document.Paragraphs.ToList();
        var firstHeading = paragraphs.FindIndex(p => SectionHeadings.Match(p.Text) is not null);
        var front = paragraphs.Take(firstHeading < 0 ? Math.Min(FrontMatterLines, paragraphs.Count) : firstHeading).Take(FrontMatterLines).ToList();

        var mentions = new List<YearMention>();
        var (title, agency) = ReadTitle(front, mentions);
        var period = ReadPeriod(paragraphs, mentions);
        var (published, publishedOrigin) = ReadPublished(paragraphs, mentions);
        agency ??= ReadSignature(paragraphs);

        return new ReportMetadata(title, agency, VoteYear(mentions, tablesFormat), mentions, period, published, publishedOrigin);
    }

    private static (string? Title, string? Agency) ReadTitle(List<LayoutParagraph> front, List<YearMention> mentions)
    {
        var index = front.FindIndex(p => ChineseText.Fold(p.Text) is var f && f.Contains("报告", StringComparison.Ordinal) && f.Contains("公开", StringComparison.Ordinal) && f.Length <= 80);
        if (index < 0)
        {
            return (null, null);
        }

        var line = front[index];
        var folded = ChineseText.Fold(line.Text);
        var m = TitleParts().Match(folded);
        if (!m.Success)
        {
            return (ChineseText.Tidy(line.Text), null);
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        mentions.Add(new YearMention("title", year, ChineseText.Tidy(line.Text), line.Origin));
        var agency = NonEmpty(m.Groups["pre"].Value) ?? NonEmpty(m.Groups["post"].Value);
        var title = ChineseText.Tidy(line.Text);
        if (agency is null && index > 0 && ChineseText.Fold(front[index - 1].Text) is { Length: >= 2 and <= 40 } name && !name.Contains('。'))
        {
            agency = name;
            title = name + title;
        }

        return (title, agency);
    }

    /// <summary>
    /// The statistics period. One whose month or day did not read as digits (a scan's "2022年]月1日") still
    /// states its years, which is what DOC-YEAR compares; its dates are then unknown.
    /// </summary>
    private static StatisticsPeriod? ReadPeriod(List<LayoutParagraph> paragraphs, List<YearMention> mentions)
    {
        foreach (var paragraph in paragraphs)
        {
            var m = Period().Match(ChineseText.Fold(paragraph.Text));
            if (!m.Success)
            {
                m = PeriodYears().Match(ChineseText.Fold(paragraph.Text));
                if (!m.Success)
                {
                    continue;
                }
            }

            var startYear = int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture);
            var endYear = m.Groups["y2"].Success ? int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture) : startYear;
            mentions.Add(new YearMention("period", startYear, m.Value, paragraph.Origin));
            if (m.Groups["y2"].Success)
            {
                mentions.Add(new YearMention("period", endYear, m.Value, paragraph.Origin));
            }

            return new StatisticsPeriod(
                m.Groups["m1"].Success ? Date(startYear, m.Groups["m1"].Value, m.Groups["d1"].Value) : null,
                m.Groups["m2"].Success ? Date(endYear, m.Groups["m2"].Value, m.Groups["d2"].Value) : null,
                m.Value,
                paragraph.Origin);
        }

        return null;
    }

    /// <summary>The date printed on its own line at the end, under the signature; or a 发布日期.</summary>
    private static (DateOnly?, LayoutOrigin?) ReadPublished(List<LayoutParagraph> paragraphs, List<YearMention> mentions)
    {
        foreach (var paragraph in paragraphs.TakeLast(6).Reverse().Concat(paragraphs))
        {
            var folded = ChineseText.Fold(paragraph.Text);
            var m = DateLine().Match(folded);
            if (!m.Success)
            {
                m = PublishedLabel().Match(folded);
            }

            if (m.Success && Date(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } date)
            {
                mentions.Add(new YearMention("published", date.Year, ChineseText.Tidy(paragraph.Text), paragraph.Origin));
                return (date, paragraph.Origin);
            }
        }

        return (null, null);
    }

    /// <summary>The body's name printed above the closing date, when the title does not carry it.</summary>
    private static string? ReadSignature(List<LayoutParagraph> paragraphs)
    {
        var tail = paragraphs.TakeLast(3).Select(p => ChineseText.Fold(p.Text)).ToList();
        return tail.LastOrDefault(t => t.Length is >= 3 and <= 30 && AgencySuffix().IsMatch(t));
    }

    /// <summary>
    /// The year most of the report's statements agree on. A tie goes to the year whose format the
    /// tables are printed in (a title saying 2020 against a period saying 2021, over tables in the
    /// 2021 format, is a 2021 report), and then to the title.
    /// </summary>
    private static int? VoteYear(List<YearMention> mentions, Vintage? tablesFormat)
    {
        // One vote per statement: a period that prints its year at both ends ("2020年1月1日至
        // 2020年12月31日") is one statement and must not outvote the title on its own. A period
        // spanning two years votes for the year it ends in.
        var votes = mentions
            .GroupBy(m => (m.Where, m.Text, m.Origin))
            .Select(statement => statement.Last())
            .Select(m => m.Where == "published" ? m.Year - 1 : m.Year)
            .ToList();
        if (votes.Count == 0)
        {
            return null;
        }

        var title = mentions.FirstOrDefault(m => m.Where == "title")?.Year;
        return votes.GroupBy(v => v)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => tablesFormat is { } format && VintageExtensions.ExpectedFor(g.Key) == format)
            .ThenByDescending(g => g.Key == title)
            .First().Key;
    }

    private static string? NonEmpty(string text)
    {
        var trimmed = text.Trim('度', ':', ',', '—', '-');
        return trimmed.Length >= 2 ? trimmed : null;
    }

    private static DateOnly? Date(string year, string month, string day) =>
        Date(int.Parse(year, CultureInfo.InvariantCulture), month, day);

    private static DateOnly? Date(int year, string month, string day)
    {
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, m) && year is > 1900 and < 2200
            ? new DateOnly(year, m, d)
            : null;
    }

    [GeneratedRegex(@"^(?<pre>.*?)(?<year>20\d{2})年度?(?<post>.*?)(政府信息公开|政务公开|信息公开)")]
    private static partial Regex TitleParts();

    [GeneratedRegex(@"(统计期限|统计时限|数据时限|统计期间|统计区间|统计时间|统计周期)[为是:]{0,2}(自|从|由)?(?<y1>\d{4})年(?<m1>\d{1,2})月(?<d1>\d{1,2})日起?(至|到|-|—|~)((?<y2>\d{4})年)?(?<m2>\d{1,2})月(?<d2>\d{1,2})日")]
    private static partial Regex Period();

    /// <summary>A period's years alone: the start's, and the end's when it prints one, in the same sentence.</summary>
    [GeneratedRegex(@"(统计期限|统计时限|数据时限|统计期间|统计区间|统计时间|统计周期)[为是:]{0,2}(自|从|由)?(?<y1>\d{4})年[^。;]{1,12}?(至|到|-|—|~)((?<y2>\d{4})年)?")]
    private static partial Regex PeriodYears();

    [GeneratedRegex(@"^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(发布|印发|公开|成文)(日期|时间)[:]?(?<y>\d{4})[年\-./](?<m>\d{1,2})[月\-./](?<d>\d{1,2})")]
    private static partial Regex PublishedLabel();

    [GeneratedRegex(@"(办事处|人民政府|政府|街道|镇|乡|局|委员会|办公室|中心)$")]
    private static partial Regex AgencySuffix();
}
