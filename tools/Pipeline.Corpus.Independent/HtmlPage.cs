using System.Net;
using System.Text;

namespace Pipeline.Corpus.Independent;

/// <summary>The report as an HTML page for A4 print, laid out as the official form in the draft's print style.</summary>
public static class HtmlPage
{
    public static string Render(Draft draft, PrintStyle style)
    {
        var html = new StringBuilder();
        var body = style.Body == "official" ? "'Noto Serif CJK SC', serif" : "'Noto Sans CJK SC', sans-serif";
        var heading = style.Body == "official" ? "font-family: 'Noto Sans CJK SC', sans-serif; font-weight: bold;" : "font-weight: bold;";
        var frame = style.Tables == "shaded" ? "border: 2.5px solid #000;" : "border: 1px solid #000;";
        var head = style.Tables == "shaded" ? "background: #d0d0d0;" : string.Empty;
        var number = style.Tables == "shaded" ? "text-align: right; padding-right: 4px;" : "text-align: center;";
        html.Append(
            $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{E(draft.Title)}}</title>
            <style>
            @page { size: A4; margin: 25mm 22mm; }
            body { font-family: {{body}}; font-size: 12pt; line-height: 1.6; }
            h1 { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 18pt; text-align: center; margin: 0 0 10pt; }
            h2 { {{heading}} font-size: 13pt; margin: 8pt 0 2pt; text-indent: 2em; }
            p { text-indent: 2em; margin: 0; text-align: justify; }
            p.sign { text-align: right; text-indent: 0; }
            table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 4pt 0; {{frame}} }
            td, th { border: 1px solid #000; padding: 2px; font-weight: normal; }
            th { {{head}} text-align: center; }
            td.n { {{number}} }
            tr.break { break-before: page; }
            thead { display: table-header-group; }
            </style></head><body>

            """);
        if (style.Body == "official")
        {
            html.Append($"<h1>{E(draft.Agency)}<br>{draft.Year}年政府信息公开工作年度报告</h1>\n");
        }
        else
        {
            html.Append($"<h1>{E(draft.Title)}</h1>\n");
        }

        html.Append($"<p>根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，{E(draft.Agency)}编制本报告。本报告中所列数据的{E(draft.Period)}。本报告电子版可在{E(draft.Agency)}门户网站查阅。</p>\n");
        for (var s = 0; s < 6; s++)
        {
            if (draft.Headings[s] is { } title)
            {
                html.Append($"<h2>{E(title)}</h2>\n");
            }

            foreach (var paragraph in draft.Texts[s])
            {
                html.Append($"<p>{E(paragraph)}</p>\n");
            }

            switch (s)
            {
                case 1: Disclosure(html, draft); break;
                case 2: Applications(html, draft, style); break;
                case 3: Cases(html, draft); break;
            }
        }

        html.Append($"<p class=\"sign\" style=\"margin-top: 24pt\">{E(draft.Agency)}</p>\n");
        html.Append($"<p class=\"sign\">{draft.Published.Year}年{draft.Published.Month}月{draft.Published.Day}日</p>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void Disclosure(StringBuilder html, Draft draft)
    {
        var items = draft.Format == "2021" ? OfficialTemplate.Disclosure2021 : OfficialTemplate.Disclosure2019;
        html.Append("<table>\n");
        foreach (var item in items)
        {
            var width = item.Columns.Length;
            html.Append($"<tr><th colspan=\"{width + 1}\">{E(item.Heading)}</th></tr>\n");
            html.Append("<tr><th>信息内容</th>");
            foreach (var (_, label) in item.Columns)
            {
                html.Append($"<th>{E(label)}</th>");
            }

            html.Append("</tr>\n");
            foreach (var (row, label) in item.Rows)
            {
                html.Append($"<tr><td>{E(label)}</td>");
                foreach (var (column, _) in item.Columns)
                {
                    html.Append($"<td class=\"n\">{E(draft.Cells[$"activeDisclosure.{row}.{column}"])}</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void ApplicationsHeader(StringBuilder html)
    {
        html.Append("<tr><th colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan=\"7\">申请人情况</th></tr>\n");
        html.Append("<tr><th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">总计</th></tr>\n");
        html.Append("<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>\n");
    }

    private static void Applications(StringBuilder html, Draft draft, PrintStyle style)
    {
        var rows = (draft.Format == "2021" ? OfficialTemplate.Applications2021 : OfficialTemplate.Applications2019)
            .Where(r => !draft.OmittedRows.Contains(r.Key)).ToList();
        html.Append("<table>\n");
        if (style.Split == "repeat")
        {
            html.Append("<thead>\n");
            ApplicationsHeader(html);
            html.Append("</thead><tbody>\n");
        }
        else
        {
            ApplicationsHeader(html);
        }

        // Where the table breaks when it is split: after （三）不予公开, as a long table does at a page's foot.
        var breakAt = style.Split == "none" ? -1 : rows.FindIndex(r => r.Key.StartsWith("unableToProvide.", StringComparison.Ordinal));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            html.Append(i == breakAt ? "<tr class=\"break\">" : "<tr>");
            if (row.Group is null)
            {
                html.Append($"<td colspan=\"3\">{E(row.Label)}</td>");
            }
            else if (row.Group == "三、本年度办理结果" || row.Key is "resultTotal")
            {
                // Rows straight under 三、本年度办理结果 span its two inner columns.
                var first = rows.FindIndex(r => r.Group is not null);
                html.Append(i == first || i == breakAt ? $"<td>{E(row.Group!)}</td>" : "<td></td>");
                html.Append($"<td colspan=\"2\">{E(row.Label)}</td>");
            }
            else
            {
                var groupStart = i == breakAt || rows[i - 1].Group != row.Group;
                html.Append(i == breakAt ? "<td>三、本年度办理结果</td>" : "<td></td>");
                html.Append(groupStart ? $"<td>{E(row.Group)}</td>" : "<td></td>");
                html.Append($"<td>{E(row.Label)}</td>");
            }

            foreach (var (column, _) in OfficialTemplate.ApplicantColumns)
            {
                html.Append($"<td class=\"n\">{E(draft.Cells[$"applications.{row.Key}.{column}"])}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append(style.Split == "repeat" ? "</tbody></table>\n" : "</table>\n");
    }

    private static void Cases(StringBuilder html, Draft draft)
    {
        html.Append("<table>\n<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n");
        html.Append("<tr><th rowspan=\"2\">结果维持</th><th rowspan=\"2\">结果纠正</th><th rowspan=\"2\">其他结果</th><th rowspan=\"2\">尚未审结</th><th rowspan=\"2\">总计</th>");
        html.Append("<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>");
        for (var g = 1; g < 3; g++)
        {
            foreach (var (_, label) in OfficialTemplate.CaseColumns)
            {
                html.Append($"<th>{E(label)}</th>");
            }
        }

        html.Append("</tr>\n<tr>");
        foreach (var (group, _, _) in OfficialTemplate.CaseGroups)
        {
            foreach (var (column, _) in OfficialTemplate.CaseColumns)
            {
                html.Append($"<td class=\"n\">{E(draft.Cells[$"reviewLitigation.{group}.{column}"])}</td>");
            }
        }

        html.Append("</tr>\n</table>\n");
    }
}
