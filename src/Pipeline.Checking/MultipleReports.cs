using Pipeline.Model.Layout;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;

namespace Pipeline.Checking;

/// <summary>
/// A file that holds more than one report (the same report pasted twice, a year's reports of several offices
/// bound together) is checked as one and could pass: the mapper reads the first tables it finds. It is named as
/// such (rule DOC-MULTIPLE) and sent to review. A report starts again when 一、总体情况 comes back after later
/// sections and a table were read: a table of contents lists the headings but holds no table between them.
/// </summary>
public static class MultipleReports
{
    public const string RuleId = "DOC-MULTIPLE";

    /// <summary>How many reports the layout holds, by its restarts at section one.</summary>
    public static int Count(LayoutDocument layout)
    {
        var reports = 0;
        var laterSections = 0;
        var tables = 0;
        foreach (var block in layout.Blocks)
        {
            if (block is LayoutTable)
            {
                tables++;
                continue;
            }

            if (block is not LayoutParagraph paragraph || SectionHeadings.Match(paragraph.Text) is not { } section)
            {
                continue;
            }

            if (section.Key == SectionSchema.Sections[0].Key)
            {
                if (reports == 0 || (laterSections >= 2 && tables > 0))
                {
                    reports++;
                    laterSections = 0;
                    tables = 0;
                }
            }
            else
            {
                laterSections++;
            }
        }

        return Math.Max(reports, 1);
    }

    /// <summary>The result with the finding added and the verdict no better than needsReview.</summary>
    public static CheckResult Flag(CheckResult result, int count) => result with
    {
        Verdict = result.Verdict == Verdict.Passed ? Verdict.NeedsReview : result.Verdict,
        Findings =
        [
            new Finding(RuleId, Severity.Error, $"一个文件中含有 {count} 份年度报告（“一、总体情况”等六个部分出现了 {count} 次）。请每份报告单独提交一个文件；本文件只检查了第一份，需人工复核。", []),
            .. result.Findings,
        ],
    };
}
