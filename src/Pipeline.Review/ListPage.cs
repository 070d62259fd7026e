using System.Globalization;
using System.Text;
using Pipeline.Model.Results;
using Pipeline.Storage;
using static Pipeline.Review.Html;

namespace Pipeline.Review;

/// <summary>The report list: filters, counts per verdict, the review queue first, sortable columns, pages.</summary>
public static class ListPage
{
    /// <summary>The years offered: from the first reports under the 2008 regulations to this one.</summary>
    private const int FirstYear = 2008;

    public static string Render(ReviewListPage listed, ReportFilter filter, OfficeScope scope, ReviewOptions options, int thisYear)
    {
        var pages = Math.Max(1, (listed.Matching + options.PageSize - 1) / options.PageSize);
        var page = filter.Page;

        var body = new StringBuilder();
        body.Append("<h1>年度报告复核</h1>");
        body.Append($"""<form class="filters" method="get" action="{E(options.Link("/reports"))}" role="search" aria-label="筛选报告">""");
        body.Append("""<div><label for="office">单位（含下级）</label><select id="office" name="office"><option value="">全部单位</option>""");
        foreach (var office in scope.Registry.Where(o => scope.CanSee(o.Code)))
        {
            var selected = office.Code == filter.Office ? " selected" : "";
            body.Append($"""<option value="{E(office.Code)}"{selected}>{E(office.Name)}（{E(office.Code)}）</option>""");
        }

        if (filter.Office is { } typed && scope.Find(typed) is null)
        {
            body.Append($"""<option value="{E(typed)}" selected>{E(typed)}（未登记）</option>""");
        }

        body.Append("</select></div>");
        var years = Enumerable.Range(FirstYear, Math.Max(0, thisYear - FirstYear + 1)).Append(filter.Year ?? 0).Where(y => y > 0).Distinct().OrderDescending();
        body.Append("""<div><label for="year">年度</label><select id="year" name="year"><option value="">全部年度</option>""");
        foreach (var year in years)
        {
            body.Append($"""<option value="{year}"{(year == filter.Year ? " selected" : "")}>{year}</option>""");
        }

        body.Append("</select></div>");
        body.Append("""<div><label for="verdict">结论</label><select id="verdict" name="verdict"><option value="">全部结论</option>""");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            body.Append($"""<option value="{ReportFilter.VerdictKey(verdict)}"{(verdict == filter.Verdict ? " selected" : "")}>{VerdictName(verdict)}</option>""");
        }

        body.Append("</select></div>");
        body.Append($"""<div><label for="rule">规则</label><input id="rule" name="rule" value="{E(filter.Rule)}" placeholder="如 T3-BALANCE" size="14"></div>""");
        body.Append("""<div><button type="submit">筛选</button></div></form>""");

        body.Append("""<h2 id="counts">各结论数量</h2><ul class="counts" aria-labelledby="counts">""");
        foreach (var verdict in new[] { Verdict.NeedsReview, Verdict.Failed, Verdict.Unreadable, Verdict.Passed })
        {
            var count = listed.Counts.GetValueOrDefault(verdict);
            body.Append($"""<li><a href="{E(options.Link("/reports") + (filter with { Verdict = verdict, Page = 1 }).Query())}">{Badge(verdict)} <span data-count="{ReportFilter.VerdictKey(verdict)}">{count}</span> 份</a></li>""");
        }

        body.Append($"<li>合计 {listed.Total} 份</li></ul>");

        if (filter.Office is { } exportOffice && filter.Year is { } exportYear)
        {
            var query = $"?office={Uri.EscapeDataString(exportOffice)}&year={exportYear}";
            body.Append($"""<p class="no-print">导出 {E(scope.NameOf(exportOffice))} 及下级单位 {exportYear} 年度的问题：<a href="{E(options.Link("/exports/findings.csv") + query)}">CSV</a> · <a href="{E(options.Link("/exports/findings.xlsx") + query)}">Excel（.xlsx）</a></p>""");
        }
        else
        {
            body.Append("<p class=\"note no-print\">选定单位和年度后可导出该单位及下级单位的问题清单（CSV、Excel）。</p>");
        }

        body.Append($"<p>共 {listed.Matching} 份符合条件，第 {page}/{pages} 页。</p>");
        body.Append("""<table id="reports"><caption class="note">默认排序：需人工复核的排在最前。点击列名排序。</caption><thead><tr>""");
        foreach (var (key, label) in new[] { (ReviewSort.Office, "单位"), (ReviewSort.Name, "文件"), (ReviewSort.Year, "年度"), (ReviewSort.Verdict, "结论"), (ReviewSort.Stored, "检查时间") })
        {
            var descending = filter.Sort == key && !filter.Descending;
            var sortState = filter.Sort == key ? (filter.Descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : "";
            body.Append($"""<th scope="col"{sortState}><a href="{E(options.Link("/reports") + filter.Query(sort: key, descending: descending, page: 1))}">{label}</a></th>""");
        }

        body.Append("<th scope=\"col\">问题</th></tr></thead><tbody>");
        foreach (var row in listed.Reports)
        {
            var report = row.Report;
            var link = options.Link($"/reports/{Uri.EscapeDataString(report.Office)}/{report.Id}");
            var rules = string.Join("、", report.ViolatedRules);
            var machine = row.Standing != report.Verdict ? $" <span class=\"note\">（检查结论：{VerdictName(report.Verdict)}）</span>" : "";
            body.Append($"""
                <tr data-office="{E(report.Office)}" data-verdict="{ReportFilter.VerdictKey(row.Standing)}">
                <td>{E(scope.NameOf(report.Office))}<br><span class="note">{E(report.Office)}</span></td>
                <td><a href="{E(link)}">{E(report.Name)}</a></td>
                <td>{E(report.Result.Year?.ToString(CultureInfo.InvariantCulture))}</td>
                <td>{Badge(row.Standing)}{machine}</td>
                <td>{report.StoredAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}</td>
                <td>{E(rules)}</td></tr>
                """);
        }

        body.Append("</tbody></table>");
        if (pages > 1)
        {
            body.Append("<nav aria-label=\"分页\" class=\"no-print\">");
            if (page > 1)
            {
                body.Append($"""<a href="{E(options.Link("/reports") + filter.Query(page: page - 1))}" rel="prev">上一页</a> """);
            }

            if (page < pages)
            {
                body.Append($"""<a href="{E(options.Link("/reports") + filter.Query(page: page + 1))}" rel="next">下一页</a>""");
            }

            body.Append("</nav>");
        }

        return Html.Page("报告列表", body.ToString(), options, scope.Reviewer);
    }
}
