using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Tests.Corpus;

public sealed class TextRendererTests
{
    public static TheoryData<TextStyle, int> StylesAndYears { get; } = new()
    {
        { TextStyle.TabPerLine, 2021 },
        { TextStyle.TabPerLine, 2020 },
        { TextStyle.Pipe, 2022 },
        { TextStyle.Pipe, 2019 },
        { TextStyle.TabRows, 2023 },
        { TextStyle.TabRows, 2020 },
    };

    [Theory]
    [MemberData(nameof(StylesAndYears))]
    public void EveryLabelOfTheFormatIsPrintedAndNoneOfTheOther(TextStyle style, int year)
    {
        var truth = TruthFactory.Create(year, new TruthOptions(year, Applications: true, Cases: true));
        var cells = Lines(TextRenderer.Render(truth, style))
            .SelectMany(l => l.Split('\t'))
            .Select(c => ChineseText.Fold(c).TrimEnd('|'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(FormatLabels.Of(truth.Vintage), label => Assert.Contains(ChineseText.Fold(label), cells));
        Assert.All(FormatLabels.OnlyIn(Other(truth.Vintage)), label => Assert.DoesNotContain(ChineseText.Fold(label), cells));
    }

    [Theory]
    [MemberData(nameof(StylesAndYears))]
    public void TitleStatisticsPeriodSignatureAndDateAreWhereTheTemplatePutsThem(TextStyle style, int year)
    {
        var truth = TruthFactory.Create(year, new TruthOptions(year, Dated: true));
        var lines = Lines(TextRenderer.Render(truth, style)).Where(l => l.Length > 0).ToList();

        Assert.Equal(truth.Title, lines[0]);
        Assert.Contains(lines, l => ChineseText.Fold(l).Contains(ChineseText.Fold($"统计期限为{year}年1月1日至12月31日"), StringComparison.Ordinal));
        Assert.Equal(truth.Signature, lines[^2]);
        Assert.Equal($"{year + 1}年1月{truth.Published!.Value.Day}日", lines[^1]);
        var headings = SectionSchema.Sections.Select(s => lines.FindIndex(l => ChineseText.Fold(l) == ChineseText.Fold(s.Heading))).ToList();
        Assert.DoesNotContain(-1, headings);
        Assert.Equal(headings.Order(), headings);
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2020)]
    public void TabRowsPrintsEachRowOfTableThreeWithItsSevenNumbersInColumnOrder(int year)
    {
        var truth = TruthFactory.Create(5, new TruthOptions(year, Applications: true));
        var lines = Section(Lines(TextRenderer.Render(truth, TextStyle.TabRows)), "applications");

        foreach (var row in ApplicationsSchema.Rows(truth.Vintage))
        {
            var line = lines.Single(l => l.Split('\t').Contains(row.Label));
            var cells = line.Split('\t');
            Assert.Equal(10, cells.Length);
            Assert.Equal(Values(truth.Tables.Applications, row.Key), cells[^7..]);
        }
    }

    [Fact]
    public void TabRowsPrintsTableFourAsOneRowOfFifteenNumbers()
    {
        var truth = TruthFactory.Create(6, new TruthOptions(2021, Cases: true));
        var lines = Section(Lines(TextRenderer.Render(truth, TextStyle.TabRows)), "reviewLitigation");

        var expected = ReviewLitigationSchema.Groups.SelectMany(g => Values(truth.Tables.ReviewLitigation, g.Key, ReviewLitigationSchema.Columns.Select(c => c.Key)));
        Assert.Equal(expected, lines.Single(l => l.Split('\t').Length == 15 && l.Split('\t').All(c => c.All(char.IsAsciiDigit) && c.Length > 0)).Split('\t'));
    }

    [Fact]
    public void TabPerLinePrintsALineForEachWordCellWithMergedCellsEmpty()
    {
        var truth = TruthFactory.Create(7, new TruthOptions(2021, Applications: true));
        var lines = Section(Lines(TextRenderer.Render(truth, TextStyle.TabPerLine)), "applications");

        foreach (var row in ApplicationsSchema.Rows(truth.Vintage))
        {
            var at = lines.IndexOf("\t" + row.Label);
            Assert.True(at >= 0, row.Label);
            Assert.Equal(Values(truth.Tables.Applications, row.Key).Select(v => "\t" + v), lines[(at + 1)..(at + 8)]);
            Assert.Equal(string.Empty, lines[at + 8]);
        }

        // 1.属于国家秘密 follows the cells merged down from 三、本年度办理结果 and （三）不予公开, as in seed 000.
        var secret = lines.IndexOf("\t1.属于国家秘密");
        Assert.Equal(["\t", "\t（三）不予公开"], lines[(secret - 2)..secret]);
        var legal = lines.IndexOf("\t2.其他法律行政法规禁止公开");
        Assert.Equal(["", "\t", "\t"], lines[(legal - 3)..legal]);
    }

    [Fact]
    public void PipePrintsCellsAsBarredLinesWithHalfWidthPunctuation()
    {
        var truth = TruthFactory.Create(8, new TruthOptions(2019, Applications: true));
        var text = TextRenderer.Render(truth, TextStyle.Pipe);
        var lines = Section(Lines(text), "applications");

        Assert.DoesNotContain("（", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
        foreach (var row in ApplicationsSchema.Rows(truth.Vintage))
        {
            var at = lines.FindIndex(l => ChineseText.Fold(l) == ChineseText.Fold(row.Label) + "|");
            Assert.True(at >= 0, row.Label);
            Assert.Equal(Values(truth.Tables.Applications, row.Key).Select(v => v + " |"), lines.Skip(at + 1).Where(l => !IsBars(l)).Take(7));
        }

        Assert.All(lines.Where(IsBars), l => Assert.InRange(l.Length, 1, 10));
    }

    [Fact]
    public void TableTwoPrintsItsBlocksWithTheirHeaderRows()
    {
        var truth = TruthFactory.Create(9, new TruthOptions(2021));
        var lines = Section(Lines(TextRenderer.Render(truth, TextStyle.TabRows)), "activeDisclosure");

        Assert.Equal(
            ["第二十条第（一）项\t\t\t", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"],
            lines.Where(l => l.Length > 0).Take(2));
        var fees = truth.Tables.ActiveDisclosure.Get("fees", "amount")!.Value.Printed;
        Assert.Contains($"行政事业性收费\t{fees}\t\t", lines);
        Assert.Contains("信息内容\t本年收费金额（单位：万元）\t\t", lines);
    }

    [Fact]
    public void MutatedTruthsPrintTheirMutation()
    {
        var truth = TruthFactory.Create(10, new TruthOptions(2021, AgencyKind.Town, Applications: true, Cases: true));

        var blank = TableMutations.Blank.Apply(truth, new Random(1));
        var dropped = DocumentMutations.Tables.Apply(truth, new Random(1));
        var headless = DocumentMutations.Sections.Apply(truth, new Random(1));
        var late = DocumentMutations.Late.Apply(truth, new Random(1));

        Assert.Contains(blank.Tables.ReviewLitigation.Rows.SelectMany(r => r.Cells).Single(c => !c.Value.IsNumber).Value.Text, TextRenderer.Render(blank, TextStyle.TabRows).Split('\t', '\n'));
        var missing = truth.Tables.ActiveDisclosure.RowKeys.Except(dropped.Tables.ActiveDisclosure.RowKeys).Single();
        var label = ActiveDisclosureSchema.Items2021.SelectMany(i => i.Rows).Single(r => r.Key == missing).Label;
        Assert.DoesNotContain("\t" + label, TextRenderer.Render(dropped, TextStyle.TabPerLine), StringComparison.Ordinal);
        var omitted = SectionSchema.Get(headless.OmittedHeadings.Single()).Heading;
        Assert.DoesNotContain(omitted, TextRenderer.Render(headless, TextStyle.TabPerLine), StringComparison.Ordinal);
        Assert.EndsWith($"{truth.Year + 1}年3月{late.Published!.Value.Day}日\n\n", TextRenderer.Render(late, TextStyle.TabPerLine), StringComparison.Ordinal);
    }

    private static bool IsBars(string line) => line.Length > 0 && line.All(c => c == '|');

    private static Vintage Other(Vintage vintage) => vintage == Vintage.Format2021 ? Vintage.Format2019 : Vintage.Format2021;

    private static List<string> Lines(string text) => [.. text.TrimEnd('\n').Split('\n')];

    /// <summary>The lines from a section's heading up to the next heading.</summary>
    private static List<string> Section(List<string> lines, string key)
    {
        var index = SectionSchema.Sections.ToList().FindIndex(s => s.Key == key);
        var from = lines.FindIndex(l => ChineseText.Fold(l) == ChineseText.Fold(SectionSchema.Sections[index].Heading));
        var to = lines.FindIndex(l => ChineseText.Fold(l) == ChineseText.Fold(SectionSchema.Sections[index + 1].Heading));
        return lines[(from + 1)..to];
    }

    private static IEnumerable<string> Values(TruthTable table, string row) =>
        Values(table, row, ApplicationsSchema.Columns.Select(c => c.Key));

    private static IEnumerable<string> Values(TruthTable table, string row, IEnumerable<string> columns) =>
        columns.Select(c => table.Get(row, c)!.Value.Printed);
}
