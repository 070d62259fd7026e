namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Runs one of the programs the PDF stage leans on (chromium, pdftoppm, pdftotext, convert, img2pdf) through
/// the pipeline's own runner, with a time limit (a hung Chromium must not hang the generator); a failure or an
/// overrun is an exception here, since a corpus that could not be made must not be half written.
/// </summary>
public static class ExternalTool
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the program and returns what it wrote to standard output; throws when it fails or overruns.</summary>
    public static string Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var result = Pipeline.Reading.Pdf.ExternalTool.Run(program, arguments, limit);
        return result.TimedOut ? throw new TimeoutException($"{program} took longer than {limit.TotalSeconds:0} s")
            : result.Succeeded ? result.OutputText
            : throw new InvalidOperationException($"{program} exited with {result.ExitCode}: {result.Error.Trim()}");
    }
}
