using System.Text;
using Pipeline.Mapping;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;
using Pipeline.Reading;

namespace Pipeline.Tests.Reading;

/// <summary>
/// Part of table 三 of seed 003 (南郊镇 2021) as the printed table has it, with its merged header
/// and label cells, for the readers' end-to-end tests: each reader builds the table its own way,
/// maps it, and must find the numbers the seed's text file gives.
/// </summary>
internal static class Seed003Applications
{
    private static readonly int[] Zeros = [0, 0, 0, 0, 0, 0, 0];

    /// <summary>Rows HTML-style: a cell covered by a span from above is not repeated.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<Cell>> Table =
    [
        [new("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new("申请人情况", 1, 7)],
        [new("自然人", 2), new("法人或其他组织", 1, 5), new("总计", 2)],
        [new("商业企业"), new("科研机构"), new("社会公益组织"), new("法律服务机构"), new("其他")],
        Values([new("一、本年新收政府信息公开申请数量", 1, 3)], [4, 0, 0, 0, 0, 0, 4]),
        Values([new("二、上年结转政府信息公开申请数量", 1, 3)], Zeros),
        Values([new("三、本年度办理结果", 6), new("（一）予以公开", 1, 2)], Zeros),
        Values([new("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)], Zeros),
        Values([new("（四）无法提供", 2), new("1.本机关不掌握相关政府信息")], [2, 0, 0, 0, 0, 0, 2]),
        Values([new("2.没有现成信息需要另行制作")], Zeros),
        Values([new("（五）不予处理"), new("1.信访举报投诉类申请")], [1, 0, 0, 0, 0, 0, 1]),
        Values([new("（七）总计", 1, 2)], [3, 0, 0, 0, 0, 0, 3]),
        Values([new("四、结转下年度继续办理", 1, 3)], [1, 0, 0, 0, 0, 0, 1]),
    ];

    /// <summary>The table's rows by key, in the order above.</summary>
    public static readonly IReadOnlyList<string> RowKeys =
        ["newReceived", "carriedOver", "granted", "partiallyGranted", "unableToProvide.notHeld", "unableToProvide.needsCreation", "notProcessed.petition", "resultTotal", "carriedForward"];

    /// <summary>Asserts the mapped table 三 holds these rows' numbers, and that they are the seed text's.</summary>
    public static void AssertMapped(AnnualReport report)
    {
        var applications = report.Applications;
        Assert.NotNull(applications);
        Assert.Equal(4m, applications.Get("newReceived", "total")!.Number);
        Assert.Equal(2m, applications.Get("unableToProvide.notHeld", "naturalPerson")!.Number);
        Assert.Equal(1m, applications.Get("notProcessed.petition", "total")!.Number);
        Assert.Equal(3m, applications.Get("resultTotal", "total")!.Number);
        Assert.Equal(1m, applications.Get("carriedForward", "naturalPerson")!.Number);

        var fromText = SeedText().Applications;
        Assert.NotNull(fromText);
        var values = Table.Skip(3).Select(r => r.Where(c => c.IsNumber).Select(c => decimal.Parse(c.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList()).ToList();
        for (var r = 0; r < RowKeys.Count; r++)
        {
            for (var c = 0; c < ApplicationsSchema.Columns.Count; c++)
            {
                var column = ApplicationsSchema.Columns[c].Key;
                var address = ReportTable.Address(TableKeys.Applications, RowKeys[r], column);
                Assert.True(values[r][c] == applications.Get(RowKeys[r], column)?.Number, address);
                Assert.True(fromText.Get(RowKeys[r], column)?.Number == applications.Get(RowKeys[r], column)?.Number, address);
            }
        }
    }

    private static AnnualReport SeedText()
    {
        var file = new InputFile("003.txt", File.ReadAllBytes(TestFiles.Seed("003")));
        return new ReportMapper().Map(new PlainTextReader().Read(file));
    }

    private static Cell[] Values(Cell[] labels, int[] numbers) =>
        [.. labels, .. numbers.Select(n => new Cell(n.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    internal sealed record Cell(string Text, int RowSpan = 1, int ColumnSpan = 1)
    {
        public bool IsNumber => Text.All(char.IsAsciiDigit);

        public string Html
        {
            get
            {
                var spans = new StringBuilder();
                spans.Append(RowSpan > 1 ? $" rowspan={RowSpan}" : string.Empty);
                spans.Append(ColumnSpan > 1 ? $" colspan={ColumnSpan}" : string.Empty);
                return $"<td{spans}>{Text}</td>";
            }
        }
    }
}
