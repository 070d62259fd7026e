namespace Pipeline.Model.Schema;

/// <summary>The six numbered sections, in order.</summary>
public static class SectionSchema
{
    public static readonly IReadOnlyList<SectionDefinition> Sections =
    [
        new("overview", "一", "总体情况"),
        new("activeDisclosure", "二", "主动公开政府信息情况"),
        new("applications", "三", "收到和处理政府信息公开申请情况"),
        new("reviewLitigation", "四", "政府信息公开行政复议、行政诉讼情况"),
        new("problems", "五", "存在的主要问题及改进情况"),
        new("other", "六", "其他需要报告的事项"),
    ];

    public static SectionDefinition Get(string key) => Sections.First(s => s.Key == key);
}

public sealed record SectionDefinition(string Key, string Numeral, string Title)
{
    public string Heading => $"{Numeral}、{Title}";
}
