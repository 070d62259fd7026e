using Microsoft.Playwright;

namespace Pipeline.Review.Tests;

/// <summary>
/// Labels, visible keyboard focus, WCAG AA contrast (computed from the styles Chromium applies), the pages
/// without JavaScript, and the print stylesheet — checked in the real Chromium on the list and a report page.
/// </summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class AccessibilityTests(ReviewSite site)
{
    private IEnumerable<string> Pages => [site.LocalUrl + "/reports", site.PageOf("edu-failed")];

    [Fact]
    public async Task Every_form_control_has_a_label()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            var controls = await page.Locator("input:not([type=hidden]), select, textarea").CountAsync();
            Assert.True(controls > 0, $"{url} has no form controls to check");
            var unlabelled = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                  .map(e => e.outerHTML.slice(0, 120))
                """);
            Assert.True(unlabelled.Length == 0, $"{url}: unlabelled controls: {string.Join(" | ", unlabelled)}");
        }
    }

    [Fact]
    public async Task Text_contrast_meets_WCAG_AA()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            var failures = await page.EvaluateAsync<string[]>(ContrastScript);
            Assert.True(failures.Length == 0, $"{url}: {string.Join(" | ", failures.Take(10))}");
        }
    }

    [Fact]
    public async Task Keyboard_focus_is_visible_on_every_stop()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            var stops = 0;
            for (var i = 0; i < 25; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focus = await page.EvaluateAsync<string?>("""
                    () => {
                      const e = document.activeElement;
                      if (!e || e === document.body) return null;
                      const s = getComputedStyle(e);
                      const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                      const shadowed = s.boxShadow && s.boxShadow !== 'none';
                      return (outlined || shadowed) ? '' : e.outerHTML.slice(0, 120);
                    }
                    """);
                if (focus is null)
                {
                    continue;
                }

                stops++;
                Assert.True(focus.Length == 0, $"{url}: focus not visible on {focus}");
            }

            Assert.True(stops >= 5, $"{url}: only {stops} keyboard stops");
        }
    }

    [Fact]
    public async Task Without_JavaScript_the_list_filters_and_the_report_shows_its_findings_and_forms()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.LocalUrl + "/reports");
        await page.GetByLabel("单位（含下级）").SelectOptionAsync("edu");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("office=edu"));
        Assert.Equal(["edu", "edu"], await page.Locator("#reports tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.office)"));

        await page.GotoAsync(site.PageOf("edu-failed"));
        Assert.Equal("failed", await page.Locator("#verdict").GetAttributeAsync("data-verdict"));
        Assert.True(await page.Locator("form[method=post] button").CountAsync() > 0);
        Assert.Contains("T3", await page.ContentAsync());
    }

    [Fact]
    public async Task The_print_stylesheet_hides_navigation_and_forms_and_keeps_the_content()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var (url, content) in new[] { (site.LocalUrl + "/reports", "#reports"), (site.PageOf("edu-failed"), "#verdict") })
        {
            await page.GotoAsync(url);
            var shown = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('form, nav, .top, .skip')]
                  .filter(e => getComputedStyle(e).display !== 'none').map(e => e.outerHTML.slice(0, 80))
                """);
            Assert.True(shown.Length == 0, $"{url} prints: {string.Join(" | ", shown)}");
            Assert.True(await page.Locator("form").CountAsync() > 0, $"{url} has no form to hide");
            Assert.True(await page.Locator(content).IsVisibleAsync(), $"{url} does not print {content}");
        }
    }

    /// <summary>
    /// Each element with its own text: its colour against the first opaque background up its ancestors, as WCAG 2
    /// defines the ratio (relative luminance of sRGB); 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
    /// </summary>
    private const string ContrastScript = """
        () => {
          const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = e => {
            for (; e; e = e.parentElement) {
              const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const failures = [];
          for (const e of document.querySelectorAll('body *')) {
            const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            const s = getComputedStyle(e);
            if (!own || s.display === 'none' || s.visibility === 'hidden' || e.getClientRects().length === 0) continue;
            const [a, b] = [lum(rgb(s.color).slice(0, 3)), lum(background(e))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) failures.push(`${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 20)}" ${ratio.toFixed(2)}:1 < ${needed}`);
          }
          return failures;
        }
        """;
}
