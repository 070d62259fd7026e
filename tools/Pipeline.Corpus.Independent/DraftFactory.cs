using System.Globalization;

namespace Pipeline.Corpus.Independent;

/// <summary>
/// Makes a report that keeps every identity of the official form (row totals, 第一项加第二项之和等于第三项加第四项之和,
/// the results' sum, each case group's total), with numbers sparse (mostly zeros) or dense (seven-digit counts
/// in table 二, four-digit applications), and running text in the phrasings offices use.
/// </summary>
public static class DraftFactory
{
    private static readonly (string Name, string Kind)[] Agencies =
    [
        ("青石镇人民政府", "town"), ("柳河镇人民政府", "town"), ("东湖街道办事处", "street"), ("南门街道办事处", "street"),
        ("江州市交通运输局", "bureau"), ("临川县自然资源局", "bureau"), ("白沙市市场监督管理局", "bureau"),
    ];

    public static Draft Make(int seed, bool dense)
    {
        var random = new Random(seed);
        var (agency, kind) = Agencies[random.Next(Agencies.Length)];
        var year = 2019 + random.Next(6);
        var draft = new Draft
        {
            Seed = seed,
            Year = year,
            Format = year >= 2021 ? "2021" : "2019",
            Agency = agency,
            Kind = kind,
            Period = random.Next(2) == 0 ? $"统计期限为{year}年1月1日至12月31日" : $"统计期限自{year}年1月1日起至{year}年12月31日止",
            Published = new DateOnly(year + 1, 1, 5 + random.Next(20)),
        };
        Disclosure(draft, random, dense);
        Applications(draft, random, dense);
        Cases(draft, random, dense);
        return draft;
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static int Count(Random random, bool dense, int sparseMax, int denseMax) =>
        dense ? random.Next(denseMax + 1) : random.Next(4) == 0 ? random.Next(sparseMax + 1) : 0;

    /// <summary>Table 二 in the draft's form.</summary>
    public static void Disclosure(Draft draft, Random random, bool dense)
    {
        var items = draft.Format == "2021" ? OfficialTemplate.Disclosure2021 : OfficialTemplate.Disclosure2019;
        foreach (var item in items)
        {
            foreach (var (row, _) in item.Rows)
            {
                foreach (var (column, _) in item.Columns)
                {
                    draft.Cells[$"activeDisclosure.{row}.{column}"] = column switch
                    {
                        "amount" => (random.Next(dense ? 500000 : 300) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
                        "change" => (random.Next(7) - 3) is var c && c > 0 ? "+" + N(c) : N(c),
                        "decisions" when dense => N(random.Next(2) == 0 ? 1000000 + random.Next(8999999) : random.Next(99999)),
                        "inForce" or "totalPublished" or "previousCount" => N(random.Next(dense ? 900 : 40)),
                        _ => N(Count(random, dense, 5, 300)),
                    };
                }
            }
        }
    }

    private static void Applications(Draft draft, Random random, bool dense)
    {
        var rows = draft.Format == "2021" ? OfficialTemplate.Applications2021 : OfficialTemplate.Applications2019;
        var results = OfficialTemplate.ResultRows(rows).ToList();
        var columns = OfficialTemplate.ApplicantColumns.Select(c => c.Key).Where(c => c != "total").ToList();
        foreach (var column in columns)
        {
            var big = column is "naturalPerson" || (dense && random.Next(2) == 0);
            var sum = 0;
            foreach (var row in results)
            {
                var n = row is "granted" && big ? random.Next(dense ? 3000 : 12) : Count(random, dense && big, 2, 300);
                draft.Cells[$"applications.{row}.{column}"] = N(n);
                sum += n;
            }

            var forward = big ? random.Next(dense ? 50 : 3) : 0;
            var over = Math.Min(sum + forward, big ? random.Next(dense ? 300 : 3) : 0);
            draft.Cells[$"applications.resultTotal.{column}"] = N(sum);
            draft.Cells[$"applications.carriedForward.{column}"] = N(forward);
            draft.Cells[$"applications.carriedOver.{column}"] = N(over);
            draft.Cells[$"applications.newReceived.{column}"] = N(sum + forward - over);
        }

        foreach (var row in rows)
        {
            draft.Cells[$"applications.{row.Key}.total"] = N(columns.Sum(c => draft.Number($"applications.{row.Key}.{c}")));
        }
    }

    private static void Cases(Draft draft, Random random, bool dense)
    {
        foreach (var (group, _, _) in OfficialTemplate.CaseGroups)
        {
            var sum = 0;
            foreach (var (column, _) in OfficialTemplate.CaseColumns.SkipLast(1))
            {
                var n = Count(random, dense, 2, 40);
                draft.Cells[$"reviewLitigation.{group}.{column}"] = N(n);
                sum += n;
            }

            draft.Cells[$"reviewLitigation.{group}.total"] = N(sum);
        }
    }

    /// <summary>The running text, written from the tables as printed (so text and tables agree unless an error is injected into one).</summary>
    public static void Write(Draft draft, Random random)
    {
        var self = draft.Self;
        var y = draft.Year;
        draft.Texts[0].AddRange(
        [
            $"{y}年，{self}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全面推进政务公开工作，各项工作取得新的进展。",
            $"（一）主动公开。{self}通过门户网站、政务新媒体等渠道主动公开政府信息，及时回应社会关切。",
        ]);
        var received = draft.Cells.GetValueOrDefault("applications.newReceived.total");
        var over = draft.Cells.GetValueOrDefault("applications.carriedOver.total");
        var answered = draft.Cells.GetValueOrDefault("applications.resultTotal.total");
        var forward = draft.Cells.GetValueOrDefault("applications.carriedForward.total");
        draft.Texts[0].Add(random.Next(3) switch
        {
            0 => $"（二）依申请公开。本年度共收到政府信息公开申请{received}件，上年结转{over}件，本年度办结{answered}件，结转下年度继续办理{forward}件。",
            1 => $"（二）依申请公开。{y}年新收政府信息公开申请{received}件，上年度结转{over}件，已办结{answered}件，{forward}件结转至下一年度办理。",
            _ => $"（二）依申请公开。全年受理政府信息公开申请{received}件，上一年度结转{over}件，办结{answered}件，结转下年度{forward}件。",
        });
        draft.Texts[0].Add($"（三）政府信息管理。{self}严格落实信息发布审查制度，规范政府信息公开工作流程。");
        draft.Texts[1].Add($"{y}年，{self}主动公开各类政府信息，具体情况如下：");
        draft.Texts[2].Add($"{y}年，{self}收到和处理政府信息公开申请情况如下：");
        var review = draft.Cells.GetValueOrDefault("reviewLitigation.review.total");
        var suits = (int.TryParse(draft.Cells.GetValueOrDefault("reviewLitigation.litigationDirect.total"), out var a) ? a : 0)
            + (int.TryParse(draft.Cells.GetValueOrDefault("reviewLitigation.litigationAfterReview.total"), out var b) ? b : 0);
        draft.Texts[3].Add(random.Next(2) == 0
            ? $"全年因政府信息公开引发行政复议{review}件、行政诉讼{suits}件。"
            : $"{y}年，{self}发生政府信息公开行政复议案件{review}件，行政诉讼案件{suits}件。");
        draft.Texts[4].Add($"{y}年，{self}政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容不够全面；二是信息更新不够及时。");
        draft.Texts[4].Add($"下一步，{self}将进一步加强政府信息公开工作，提升公开质量。");
        draft.Texts[5].Add(draft.Format == "2021"
            ? $"本年度{self}未收取信息处理费。无其他需要报告的事项。"
            : "无其他需要报告的事项。");
    }
}
