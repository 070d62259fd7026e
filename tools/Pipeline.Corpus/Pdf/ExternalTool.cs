using System.Diagnostics;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Runs one of the programs the PDF stage leans on (chromium, pdftoppm, pdftotext, convert,
/// img2pdf) with a time limit: a hung Chromium must not hang the generator.
/// </summary>
public static class ExternalTool
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the program and returns what it wrote to standard output; throws when it fails or overruns.</summary>
    public static string Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");

        // Read both streams while waiting: a full pipe would otherwise block the program.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} took longer than {(timeout ?? DefaultTimeout).TotalSeconds:0} s");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {error.Result.Trim()}");
        }

        return output.Result;
    }
}
