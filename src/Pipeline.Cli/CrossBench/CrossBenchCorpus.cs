using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Storage;

namespace Pipeline.Cli.CrossBench;

/// <summary>
/// Deterministic reports of many bodies over consecutive years, as the store keeps them: tables 二 and 三 carried
/// from year to year (a few broken on purpose), and running text written from phrase pools, with known copies:
/// some bodies repeat their previous year with only the numbers changed, some copy another body's report of the
/// same year with the name replaced and a few sentences rewritten.
/// </summary>
public static partial class CrossBenchCorpus
{
    public const int FirstYear = 2021;

    private static readonly string[] Kinds = ["镇", "街道", "乡", "局", "委员会"];
    private static readonly string[] Places = ["东", "西", "南", "北", "中", "新", "青", "白", "黄", "长", "永", "安", "和", "平", "兴", "福", "金", "石", "龙", "凤", "清", "明", "华", "光", "丰", "宁", "泰", "康", "盛", "春"];
    private static readonly string[] Places2 = ["山", "河", "湖", "桥", "林", "阳", "港", "川", "坪", "塘", "湾", "岭", "沟", "营", "庄", "坝", "口", "滩", "原", "峰"];

    private static readonly string[] Manners = ["认真", "持续", "扎实", "全面", "积极", "深入", "切实", "不断", "稳步", "着力", "进一步", "大力", "严格", "坚持", "主动"];
    private static readonly string[] Actions = ["推进", "落实", "完善", "规范", "加强", "优化", "健全", "拓展", "深化", "强化", "提升", "细化", "创新", "改进", "统筹"];
    private static readonly string[] Objects = ["基层政务公开标准化建设", "重点领域信息发布", "政策解读和回应关切", "依申请公开办理流程", "政府网站栏目管理", "公开平台日常维护", "村务公开与党务公开衔接", "涉农资金使用情况公开", "行政执法公示制度", "重大决策预公开", "财政预决算信息公开", "民生实事项目公示", "疫情防控信息发布", "安全生产监管信息公开", "惠企政策宣传推送", "人事任免信息公开", "征地拆迁补偿公示", "环境保护信息公开", "教育医疗服务信息", "社会救助信息公示", "政务新媒体管理", "公开工作考核评议", "档案资料归集整理", "公开目录动态更新", "保密审查机制"];
    private static readonly string[] Results = ["群众满意度明显提高", "公开质量稳步提升", "工作透明度进一步增强", "办事效率显著提高", "社会关注问题得到及时回应", "公开内容更加规范", "信息发布更加及时准确", "群众知情权得到有效保障", "营商环境持续优化", "工作机制日趋完善", "公开渠道不断拓宽", "干部公开意识普遍增强", "各项任务按期完成", "监督作用充分发挥", "基层治理水平有所提升"];
    private static readonly string[] Means = ["政务公开栏", "门户网站", "微信公众号", "村务公开栏", "便民服务大厅", "新闻发布会", "政务微博", "电子显示屏", "宣传手册", "入户走访"];
    private static readonly string[] Problems = ["公开内容不够全面", "信息更新不够及时", "政策解读形式单一", "工作人员业务能力有待提高", "公开平台互动性不强", "基层公开规范化程度不高", "主动公开意识仍需加强", "解读回应深度不够"];
    private static readonly string[] Fixes = ["加强业务培训", "完善考核机制", "丰富解读形式", "压实工作责任", "健全更新机制", "拓展公开渠道", "强化督促检查", "提高公开时效"];

    private static readonly string[] DocumentRows = ["regulations", "normativeDocuments"];

    public static IEnumerable<GeneratedReport> Generate(int reports, int bodies, int seed = 15)
    {
        var rng = new Random(seed);
        var names = Names(rng, bodies);
        var years = (reports + bodies - 1) / bodies;
        var state = new BodyState[bodies];
        var made = 0;
        for (var y = 0; y < years; y++)
        {
            var year = FirstYear + y;
            var ofYear = new List<(int Body, StoredReport Report, int Lineage)>();
            for (var b = 0; b < bodies && made < reports; b++, made++)
            {
                var previous = state[b];
                var tables = Tables(rng, previous, out var brokenCarry, out var brokenInForce, out var carried);
                string? copiedFrom = null;
                var repeats = false;
                int lineage;
                Dictionary<string, string> texts;
                var roll = rng.NextDouble();
                if (previous is not null && roll < 0.08)
                {
                    texts = previous.Texts.ToDictionary(t => t.Key, t => Renumber(rng, t.Value));
                    repeats = true;
                    lineage = previous.Lineage;
                }
                else if (ofYear.Count > 0 && roll < 0.11)
                {
                    var source = ofYear[rng.Next(ofYear.Count)];
                    texts = source.Report.Result.Texts.ToDictionary(t => t.Key, t => Rewrite(rng, t.Value.Replace(names[source.Body], names[b], StringComparison.Ordinal)));
                    copiedFrom = source.Report.Id;
                    lineage = source.Lineage;
                }
                else
                {
                    texts = Texts(rng, names[b], year);
                    lineage = made;
                }

                var office = $"b{b:D5}";
                var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}|{office}|{year}")));
                var report = new StoredReport
                {
                    Id = id,
                    Office = office,
                    Name = $"{names[b]}{year}年政府信息公开工作年度报告.pdf",
                    Path = $"drop/{office}/{year}.pdf",
                    RulesVersion = "bench",
                    StoredAt = new DateTimeOffset(year + 1, 1, 20, 0, 0, 0, TimeSpan.Zero).AddSeconds(b),
                    Result = new CheckResult
                    {
                        Id = id,
                        Source = new SourceDescription($"{year}.pdf", "pdf-text"),
                        Agency = names[b],
                        Year = year,
                        Vintage = "2021",
                        Verdict = Verdict.Passed,
                        ReportVerdict = Verdict.Passed,
                        Tables = tables,
                        Texts = texts,
                    },
                };
                state[b] = new BodyState(carried, tables, texts, lineage);
                ofYear.Add((b, report, lineage));
                yield return new GeneratedReport(report, copiedFrom, lineage, repeats, previous is null ? [] : brokenCarry, previous is null ? [] : brokenInForce);
            }
        }
    }

    private static string[] Names(Random rng, int bodies)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < bodies)
        {
            names.Add(Places[rng.Next(Places.Length)] + Places2[rng.Next(Places2.Length)] + (rng.Next(3) == 0 ? Places[rng.Next(Places.Length)] : "") + Kinds[rng.Next(Kinds.Length)]);
        }

        return [.. names];
    }

    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>>> Tables(
        Random rng, BodyState? previous, out List<string> brokenCarry, out List<string> brokenInForce, out Dictionary<string, decimal> carriedForward)
    {
        brokenCarry = [];
        brokenInForce = [];
        var columns = ApplicationsSchema.Columns.Where(c => c.Key != ApplicationsSchema.Total).Select(c => c.Key).ToList();
        var over = columns.ToDictionary(c => c, c => previous?.CarriedForward[c] ?? (decimal)rng.Next(0, 3));
        if (previous is not null && rng.NextDouble() < 0.02)
        {
            var column = columns[rng.Next(columns.Count)];
            over[column] += rng.Next(1, 4);
            brokenCarry.Add($"{TableKeys.Applications}.carriedOver.{column}");
            brokenCarry.Add($"{TableKeys.Applications}.carriedOver.{ApplicationsSchema.Total}");
        }

        var received = columns.ToDictionary(c => c, c => rng.Next(0, c == "naturalPerson" ? 30 : 4));
        carriedForward = columns.ToDictionary(c => c, c => (decimal)rng.Next(0, (int)Math.Min(over[c] + received[c], 3m) + 1));
        var forward = carriedForward;
        var applications = new Dictionary<string, IReadOnlyDictionary<string, decimal?>>
        {
            ["newReceived"] = Row(columns, c => received[c]),
            ["carriedOver"] = Row(columns, c => over[c]),
            ["resultTotal"] = Row(columns, c => over[c] + received[c] - forward[c]),
            ["carriedForward"] = Row(columns, c => forward[c]),
        };

        var disclosure = new Dictionary<string, IReadOnlyDictionary<string, decimal?>>();
        var broken = previous is not null && rng.NextDouble() < 0.02 ? DocumentRows[rng.Next(DocumentRows.Length)] : null;
        foreach (var row in DocumentRows)
        {
            decimal before = previous?.Tables[TableKeys.ActiveDisclosure][row]["inForce"] ?? rng.Next(0, 60);
            var issued = rng.Next(0, 8);
            var repealed = rng.Next(0, (int)Math.Min(before, 3m) + 1);
            var inForce = before + issued - repealed;
            if (row == broken)
            {
                inForce += rng.Next(1, 6);
                brokenInForce.Add($"{TableKeys.ActiveDisclosure}.{row}.inForce");
            }

            disclosure[row] = new Dictionary<string, decimal?> { ["issued"] = issued, ["repealed"] = repealed, ["inForce"] = inForce };
        }

        return new()
        {
            [TableKeys.ActiveDisclosure] = disclosure,
            [TableKeys.Applications] = applications,
        };
    }

    private static Dictionary<string, decimal?> Row(List<string> columns, Func<string, decimal> value)
    {
        var row = columns.ToDictionary(c => c, c => (decimal?)value(c));
        row[ApplicationsSchema.Total] = columns.Sum(c => value(c));
        return row;
    }

    private static Dictionary<string, string> Texts(Random rng, string name, int year) => new()
    {
        ["overview"] = $"{year}年，{name}" + Paragraph(rng, name, 6),
        ["activeDisclosure"] = $"全年通过{Pick(rng, Means)}、{Pick(rng, Means)}等渠道主动公开信息{rng.Next(20, 900)}条。" + Paragraph(rng, name, 3),
        ["applications"] = $"本年度共收到政府信息公开申请{rng.Next(0, 40)}件，均在法定期限内答复。" + Paragraph(rng, name, 2),
        ["reviewLitigation"] = $"本年度因政府信息公开引起的行政复议{rng.Next(0, 3)}件、行政诉讼{rng.Next(0, 2)}件。" + Paragraph(rng, name, 1),
        ["problems"] = $"一是{Pick(rng, Problems)}，二是{Pick(rng, Problems)}。" + Paragraph(rng, "下一步，我单位", 2),
        ["other"] = $"本年度未收取信息处理费。{name}" + Paragraph(rng, name, 1),
    };

    private static string Paragraph(Random rng, string name, int sentences) =>
        string.Concat(Enumerable.Range(0, sentences).Select(i => Sentence(rng, i == 0 ? "" : rng.Next(3) == 0 ? name : "我单位")));

    private static string Sentence(Random rng, string subject) => rng.Next(4) switch
    {
        0 => $"{subject}{Pick(rng, Manners)}{Pick(rng, Actions)}{Pick(rng, Objects)}，{Pick(rng, Manners)}{Pick(rng, Actions)}{Pick(rng, Objects)}，{Pick(rng, Results)}。",
        1 => $"{subject}围绕{Pick(rng, Objects)}，依托{Pick(rng, Means)}发布信息{rng.Next(3, 300)}条，{Pick(rng, Manners)}{Pick(rng, Actions)}{Pick(rng, Objects)}。",
        2 => $"针对{Pick(rng, Problems)}的情况，{subject}{Pick(rng, Fixes)}，{Pick(rng, Actions)}{Pick(rng, Objects)}，{Pick(rng, Results)}。",
        _ => $"{subject}把{Pick(rng, Objects)}作为{Pick(rng, Actions)}重点，通过{Pick(rng, Means)}和{Pick(rng, Means)}{Pick(rng, Manners)}{Pick(rng, Actions)}，{Pick(rng, Results)}。",
    };

    private static string Pick(Random rng, string[] pool) => pool[rng.Next(pool.Length)];

    /// <summary>Last year's text with every number and year written anew: what a body repeating itself sends.</summary>
    private static string Renumber(Random rng, string text) => Digits().Replace(text, m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + rng.Next(1, 9)).ToString(CultureInfo.InvariantCulture));

    /// <summary>A copy with about one sentence in six written anew, as a body touching up a neighbour's report does.</summary>
    private static string Rewrite(Random rng, string text) =>
        string.Concat(text.Split('。', StringSplitOptions.RemoveEmptyEntries).Select(s => rng.NextDouble() < 0.16 ? Sentence(rng, "我单位") : s + "。"));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private sealed record BodyState(
        Dictionary<string, decimal> CarriedForward,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>>> Tables,
        IReadOnlyDictionary<string, string> Texts,
        int Lineage);
}
