using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>Finds the six sections by their headings and gathers each one's running text.</summary>
public static class SectionReader
{
    public static IReadOnlyList<ReportSection> Read(LayoutDocument document)
    {
        var found = new List<(SectionDefinition Definition, LayoutParagraph Heading, List<string> Text)>();
        foreach (var paragraph in document.Paragraphs)
        {
            var heading = SectionHeadings.Match(paragraph.Text);
            if (heading is not null && found.All(f => f.Definition.Key != heading.Key))
            {
                found.Add((heading, paragraph, [RunOn(paragraph.Text, heading)]));
            }
            else if (found.Count > 0)
            {
                found[^1].Text.Add(paragraph.Text);
            }
        }

        return found
            .Select((f, i) => new ReportSection(
                f.Definition.Key,
                f.Heading.Text,
                string.Join('\n', f.Text.Where(t => t.Length > 0)),
                i,
                f.Heading.Origin))
            .ToList();
    }

    /// <summary>The paragraphs before the first section heading.</summary>
    public static string Preamble(LayoutDocument document) =>
        string.Join('\n', document.Paragraphs.TakeWhile(p => SectionHeadings.Match(p.Text) is null).Select(p => p.Text));

    /// <summary>Text printed on the heading's line after its title, e.g. 六、无其他需要报告的事项 → 无.</summary>
    private static string RunOn(string heading, SectionDefinition section)
    {
        var folded = ChineseText.Fold(heading);
        var title = ChineseText.Fold(section.Title);
        var at = folded.IndexOf(title, StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var before = folded[..at].TrimStart('一', '二', '三', '四', '五', '六', '、', '.', ',', ':');
        var after = folded[(at + title.Length)..].TrimStart('。', ':', ',');
        return (before + after).Trim();
    }
}
