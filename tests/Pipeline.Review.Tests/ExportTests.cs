using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Pipeline.Review.Tests;

/// <summary>Exports of a year's findings for an office and the offices under it, as a browser downloads them.</summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class ExportTests(ReviewSite site)
{
    [Fact]
    public async Task The_csv_and_xlsx_hold_the_findings_of_the_office_and_those_under_it_only()
    {
        await using var context = await site.NewContextAsync();
        var csv = await context.APIRequest.GetAsync(site.LocalUrl + "/exports/findings.csv?office=town&year=2021");
        Assert.Equal(200, csv.Status);
        var bytes = await csv.BodyAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("单位代码,单位名称,文件", lines[0], StringComparison.Ordinal);
        var offices = lines.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.Equal(["town", "village"], offices.Order().ToArray());
        var expected = new[] { "town-failed-html", "town-scan", "village-scan-review" }.Sum(k => site.Reports[k].Result.Findings.Count(f => f.IsViolation));
        Assert.True(expected == lines.Length - 1, $"expected {expected} findings, exported:\n{string.Join('\n', lines.Skip(1))}");
        Assert.Contains(lines, l => l.Contains("T3-BALANCE", StringComparison.Ordinal) && l.Contains("表三", StringComparison.Ordinal));

        var xlsx = await context.APIRequest.GetAsync(site.LocalUrl + "/exports/findings.xlsx?office=town&year=2021");
        Assert.Equal(200, xlsx.Status);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.BodyAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(lines.Length, rows.Count);
        Assert.Equal("单位代码", rows[0].Descendants<Cell>().First().InnerText);
        Assert.Equal(["town", "village"], rows.Skip(1).Select(r => r.Descendants<Cell>().First().InnerText).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task A_clerk_cannot_export_another_office()
    {
        var clerk = BrowserTests.Principal("王文员", "clerk@example.cn", "Clerk.edu");
        await using var context = await site.NewContextAsync(new Dictionary<string, string> { [Pipeline.Review.ClientPrincipal.Header] = clerk });
        Assert.Equal(403, (await context.APIRequest.GetAsync(site.TrustedUrl + "/exports/findings.csv?office=city&year=2021")).Status);
        Assert.Equal(200, (await context.APIRequest.GetAsync(site.TrustedUrl + "/exports/findings.csv?office=edu&year=2021")).Status);
    }
}
