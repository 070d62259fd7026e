using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Model.Results;

namespace Pipeline.Review;

/// <summary>The pages' shell and the one way text gets into them: escaped, always.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string E(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "—";

    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "通过",
        Verdict.Failed => "未通过",
        Verdict.NeedsReview => "需人工复核",
        _ => "无法读取",
    };

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => severity.ToString(),
    };

    public static string Badge(Verdict verdict) =>
        $"<span class=\"badge v-{ReportFilter.VerdictKey(verdict)}\">{VerdictName(verdict)}</span>";

    public static string Page(string title, string body, ReviewOptions options, Reviewer reviewer)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} — 年度报告复核</title>
            <style>{Styles}</style>
            </head>
            <body>
            <a class="skip" href="#main">跳到正文</a>
            <header class="top"><nav aria-label="主导航"><a href="{E(options.Link("/reports"))}">报告列表</a></nav>
            <p class="who">当前用户：{E(reviewer.Name)}（{RoleName(reviewer.Role)}）</p></header>
            <main id="main">
            """);
        html.Append(body);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    public static string RoleName(ReviewerRole role) => role switch
    {
        ReviewerRole.Operator => "本机管理员",
        ReviewerRole.Supervisor => "监督人员",
        _ => "填报人员",
    };

    // Contrast: every text colour against its background is at least 4.5:1 (WCAG AA); focus is always visible.
    private const string Styles = """
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
        main { padding: 1rem 1.5rem; max-width: 1400px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem; }
        .top { display: flex; justify-content: space-between; align-items: center; padding: .5rem 1.5rem; background: #0b3d91; color: #fff; }
        .top a { color: #fff; font-weight: bold; } .who { margin: 0; }
        a { color: #0b3d91; } a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #d35400; outline-offset: 2px; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #e8eef8; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; padding: 0 .5rem; border-radius: .25rem; font-weight: bold; border: 1px solid currentColor; }
        .v-passed { color: #1b5e20; background: #e8f5e9; } .v-failed { color: #b71c1c; background: #ffebee; }
        .v-needsReview { color: #7a4100; background: #fff3e0; } .v-unreadable { color: #37474f; background: #eceff1; }
        .counts { display: flex; gap: 1rem; list-style: none; padding: 0; flex-wrap: wrap; }
        form.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; }
        form.filters label, form.decide label { display: block; font-weight: bold; }
        button { font: inherit; padding: .25rem .75rem; border: 1px solid #0b3d91; background: #0b3d91; color: #fff; border-radius: .25rem; cursor: pointer; }
        button.secondary { background: #fff; color: #0b3d91; }
        .page-view { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: flex-start; }
        .page-view svg { border: 1px solid #767676; max-width: 100%; height: auto; }
        .selected { background: #fff8c4; }
        td.low { background: #fff3e0; } td.hit { outline: 3px solid #d0021b; outline-offset: -3px; }
        .legend span { display: inline-block; margin-right: 1rem; }
        .box-hit { border: 3px solid #e6007e; padding: 0 .5rem; } .box-low { border: 2px dashed #c25e00; padding: 0 .5rem; }
        .note { color: #444; }
        .error { color: #b71c1c; font-weight: bold; }
        .side-by-side { display: flex; gap: 2rem; flex-wrap: wrap; }
        @media print {
          .top, .skip, form, .no-print, nav { display: none !important; }
          main { padding: 0; max-width: none; } a { color: #000; text-decoration: none; }
          .page-view svg { max-width: 100%; page-break-inside: avoid; } table { page-break-inside: auto; } tr { page-break-inside: avoid; }
        }
        """;
}
