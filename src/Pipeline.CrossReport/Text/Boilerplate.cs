using System.Text.RegularExpressions;
using Pipeline.Model.Schema;

namespace Pipeline.CrossReport.Text;

/// <summary>
/// What every report shares and so proves nothing about copying: the template's section headings and table
/// labels, and the stock legal phrases. It is left out before repeated text is measured.
/// </summary>
public static partial class Boilerplate
{
    private static readonly string[] StockPhrases =
    [
        "根据《中华人民共和国政府信息公开条例》", "按照《中华人民共和国政府信息公开条例》", "依据《中华人民共和国政府信息公开条例》",
        "《中华人民共和国政府信息公开条例》", "中华人民共和国政府信息公开条例", "《政府信息公开条例》", "《条例》",
        "以下简称《条例》", "政府信息公开工作年度报告", "政府信息公开年度报告", "本年度报告", "本报告",
        "国务院办公厅政府信息公开办公室", "现将有关情况报告如下", "现将本年度政府信息公开工作情况报告如下", "特此报告",
        "报告中所列数据统计期限为", "本报告中所列数据的统计期限自", "统计期限为", "如对本报告有任何疑问",
        "本报告的电子版可在", "网站上下载", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项",
        "政府信息公开", "信息公开", "政务公开",
    ];

    /// <summary>Phrases longest first, so a long phrase is taken out whole before a phrase inside it.</summary>
    public static IReadOnlyList<string> Phrases { get; } = BuildPhrases();

    /// <summary>Dates and periods, whose digits change every year: 2021年1月1日至12月31日.</summary>
    public static Regex DatePattern { get; } = Dates();

    private static string[] BuildPhrases()
    {
        var labels = new List<string>(StockPhrases);
        labels.AddRange(SectionSchema.Sections.SelectMany(s => new[] { s.Heading, s.Title }));
        labels.AddRange(ApplicationsSchema.Columns.SelectMany(c => c.Labels));
        labels.AddRange(ApplicationsSchema.Rows2021.Concat(ApplicationsSchema.Rows2019).SelectMany(r => r.Labels.Append(r.Parent ?? "")));
        labels.AddRange(ActiveDisclosureSchema.Items2021.Concat(ActiveDisclosureSchema.Items2019)
            .SelectMany(i => i.Rows.SelectMany(r => r.Labels).Concat(i.Columns.SelectMany(c => c.Labels))));
        labels.AddRange(ReviewLitigationSchema.HeaderLabels);
        labels.Add("第一项加第二项之和，等于第三项加第四项之和");
        return [.. labels.Where(l => l.Length >= 3).Distinct(StringComparer.Ordinal).OrderByDescending(l => l.Length)];
    }

    [GeneratedRegex(@"\d{2,4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?(\s*(至|到|—|-|~)\s*(\d{2,4}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?")]
    private static partial Regex Dates();
}
