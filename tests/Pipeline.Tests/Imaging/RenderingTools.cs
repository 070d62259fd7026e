using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Tests.Imaging;

/// <summary>
/// Chromium, poppler's pdftoppm and ImageMagick, for turning HTML into a page image as a scanner
/// would see it. ImageMagick is called as /usr/bin/convert: /usr/local/bin/convert is a stand-in.
/// </summary>
internal static class RenderingTools
{
    public const string Chromium = "/usr/bin/chromium";
    public const string PdfToPpm = "/usr/bin/pdftoppm";
    public const string ImageMagick = "/usr/bin/convert";

    public static bool Available => File.Exists(Chromium) && File.Exists(PdfToPpm) && File.Exists(ImageMagick);

    /// <summary>
    /// The PDF Chromium prints for an HTML text. Chromium takes about two seconds to start, most
    /// of a test's budget, so the PDF is kept under the temp folder by the hash of the HTML and
    /// printed again only when the HTML changes.
    /// </summary>
    public static string PrintToPdf(string html)
    {
        var cache = Path.Combine(Path.GetTempPath(), "pipeline-tests-chromium");
        Directory.CreateDirectory(cache);
        var pdf = Path.Combine(cache, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html))) + ".pdf");
        if (File.Exists(pdf))
        {
            return pdf;
        }

        var work = TestFiles.TempFolder();
        try
        {
            var page = Path.Combine(work, "page.html");
            File.WriteAllText(page, html, Encoding.UTF8);
            var printed = Path.Combine(work, "page.pdf");
            PrintToPdf(page, printed, Path.Combine(work, "profile"));

            // Moved into place whole, so that a test running alongside never reads half a file.
            File.Move(printed, pdf, overwrite: true);
            return pdf;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Prints an HTML file to PDF with headless Chromium, in a profile of its own.</summary>
    public static void PrintToPdf(string html, string pdf, string profile) =>
        Run(
            Chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            "--user-data-dir=" + profile,
            "--print-to-pdf=" + pdf,
            html);

    /// <summary>Runs a tool to completion; a non-zero exit or a hang fails the test with the tool's own words.</summary>
    public static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + tool);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(tool)} did not finish within 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
