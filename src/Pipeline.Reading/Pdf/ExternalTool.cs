using System.Diagnostics;
using System.Text;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// Runs a command-line tool (poppler's pdfinfo, pdftotext, pdftoppm, pdfimages; qpdf) with a deadline. On
/// timeout or cancellation the whole process tree is killed, so a malicious PDF cannot keep a
/// worker busy; output is capped so it cannot exhaust memory.
/// </summary>
public static class ExternalTool
{
    private const int MaxOutputBytes = 64 * 1024 * 1024;

    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
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

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UnreadableException($"服务器缺少读取 PDF 所需的程序 {program}（Debian 软件包 {(program == "qpdf" ? "qpdf" : "poppler-utils")}），请联系管理员。", e);
        }

        using var output = new MemoryStream();
        var stdout = Task.Run(() => CopyCapped(process.StandardOutput.BaseStream, output));
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
            stdout.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new ToolResult(-1, [], string.Empty, TimedOut: true);
        }

        return new ToolResult(process.ExitCode, output.ToArray(), stderr.GetAwaiter().GetResult(), TimedOut: false);
    }

    private static void CopyCapped(Stream from, MemoryStream to)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            if (to.Length + read <= MaxOutputBytes)
            {
                to.Write(buffer, 0, read);
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

/// <summary>What a tool printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, byte[] Output, string Error, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string OutputText => Encoding.UTF8.GetString(Output);
}
