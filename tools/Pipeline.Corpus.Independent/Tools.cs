using System.Diagnostics;

namespace Pipeline.Corpus.Independent;

/// <summary>The programs the corpus is printed and scanned with: Chromium, poppler, ImageMagick, img2pdf.</summary>
public static class Tools
{
    /// <summary>/usr/local/bin/convert may be a stand-in on build machines; the real one is in /usr/bin.</summary>
    public const string Convert = "/usr/bin/convert";

    public static void Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} took too long");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {stderr.Result}");
        }
    }

    /// <summary>Prints an HTML page to a text-layer PDF with headless Chromium, in a throw-away profile.</summary>
    public static void PrintToPdf(string html, string pdf, string scratch)
    {
        var page = Path.Combine(scratch, "page.html");
        File.WriteAllText(page, html);
        Run("chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(scratch, "profile"),
            "--no-pdf-header-footer", "--print-to-pdf=" + pdf, page,
        ]);
        if (!File.Exists(pdf))
        {
            throw new InvalidOperationException("chromium wrote no PDF");
        }
    }
}
