using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// Runs a command-line tool (poppler's pdfinfo, pdftotext, pdftoppm, pdfimages; qpdf) with a deadline and a hard
/// memory limit. Each tool runs in a session (and so a process group) of its own, under an address-space limit
/// (<c>prlimit --as</c>) and with a parent-death signal (<c>setpriv --pdeathsig KILL</c>): on timeout or cancellation
/// its whole group is killed, and when the host itself dies, killed outright or not, the kernel kills the tool.
/// Output is capped so it cannot exhaust the host's memory either.
/// </summary>
public static class ExternalTool
{
    /// <summary>Address space for one tool: a 300 dpi A1 page renders in about a third of it.</summary>
    public const long DefaultMemoryBytes = 768L * 1024 * 1024;

    private const int MaxOutputBytes = 64 * 1024 * 1024;

    private const int SigKill = 9;

    /// <summary>util-linux (essential on Debian): setpriv sets the parent-death signal, setsid the process group, prlimit the limits.</summary>
    private static readonly bool Confinable = File.Exists("/usr/bin/setpriv") && File.Exists("/usr/bin/setsid") && File.Exists("/usr/bin/prlimit");

    /// <summary>
    /// Runs a tool in its own process group with the parent-death signal but no memory limit: for programs such as
    /// Chromium (the corpus generator's), which reserve far more address space than they use.
    /// </summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Run(program, arguments, timeout, null, cancellationToken);

    /// <summary>Runs a tool under an address-space limit of <paramref name="memoryBytes"/> (none when null) and a CPU-time limit.</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, long? memoryBytes, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        var result = Run(program, arguments, timeout, memoryBytes, stream => CopyCapped(stream, output), cancellationToken);
        return result with { Output = output.ToArray() };
    }

    /// <summary>
    /// Runs a tool whose output is consumed as it streams (never held whole). <paramref name="consume"/> may stop
    /// early, returning false: the tool is then killed and the result says <see cref="ToolResult.Stopped"/>.
    /// </summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, long? memoryBytes, Func<Stream, bool> consume, CancellationToken cancellationToken = default)
    {
        using var process = new Process { StartInfo = Confined(program, arguments, timeout, memoryBytes) };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Missing(program, e);
        }

        var stdout = Task.Run(() => consume(process.StandardOutput.BaseStream));
        var stderr = ReadCapped(process.StandardError);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var finished = Task.WhenAny(process.WaitForExitAsync(deadline.Token), stdout).GetAwaiter().GetResult();
            if (finished == stdout && !stdout.GetAwaiter().GetResult())
            {
                Kill(process);
                return new ToolResult(-1, [], string.Empty, TimedOut: false) { Stopped = true };
            }

            process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
            stdout.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new ToolResult(-1, [], string.Empty, TimedOut: true);
        }

        var error = stderr.GetAwaiter().GetResult();
        if (Confinable && process.ExitCode == 127 && error.Contains("failed to execute", StringComparison.Ordinal))
        {
            throw Missing(program, null);
        }

        return new ToolResult(process.ExitCode, [], error, TimedOut: false);
    }

    /// <summary>The tool under its limits: setpriv and prlimit exec in turn, so the tool keeps the pid .NET knows.</summary>
    private static ProcessStartInfo Confined(string program, IEnumerable<string> arguments, TimeSpan timeout, long? memoryBytes)
    {
        var start = new ProcessStartInfo(Confinable ? "/usr/bin/setpriv" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Confinable)
        {
            List<string> wrapper = ["--pdeathsig", "KILL", "--", "/usr/bin/setsid", "--"];
            if (memoryBytes is { } limit)
            {
                // CPU time is a backstop only: twice the wall deadline, as a tool may use both cores.
                var cpuSeconds = (long)Math.Ceiling(2 * Math.Max(1, timeout.TotalSeconds)) + 5;
                wrapper.AddRange(["/usr/bin/prlimit", string.Create(CultureInfo.InvariantCulture, $"--as={limit}"),
                    string.Create(CultureInfo.InvariantCulture, $"--cpu={cpuSeconds}"), "--core=0", "--"]);
            }

            foreach (var argument in (string[])[.. wrapper, program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static UnreadableException Missing(string program, Exception? inner) =>
        new($"服务器缺少读取 PDF 所需的程序 {program}（Debian 软件包 {(program == "qpdf" ? "qpdf" : "poppler-utils")}），请联系管理员。", inner);

    private static bool CopyCapped(Stream from, MemoryStream to)
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

        return true;
    }

    /// <summary>Standard error, of which only the start is kept: a tool can print a warning per broken object.</summary>
    private static Task<string> ReadCapped(StreamReader reader) => Task.Run(() =>
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            if (kept.Length < 64 * 1024)
            {
                kept.Append(buffer, 0, read);
            }
        }

        return kept.ToString();
    });

    /// <summary>Kills the tool's process group (it leads its own session), then whatever .NET still sees of its tree.</summary>
    private static void Kill(Process process)
    {
        try
        {
            if (Confinable && OperatingSystem.IsLinux())
            {
                _ = KillProcess(-process.Id, SigKill);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillProcess(int pid, int signal);
}

/// <summary>What a tool printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, byte[] Output, string Error, bool TimedOut)
{
    /// <summary>The consumer of the output stopped the tool before it finished.</summary>
    public bool Stopped { get; init; }

    public bool Succeeded => !TimedOut && !Stopped && ExitCode == 0;

    /// <summary>Killed by a signal or refused memory: what a tool over its limits ends with.</summary>
    public bool OutOfMemory => !TimedOut && !Stopped && (ExitCode is 134 or 137 or -6 or -9 || Error.Contains("bad_alloc", StringComparison.Ordinal) || Error.Contains("Out of memory", StringComparison.OrdinalIgnoreCase));

    public string OutputText => Encoding.UTF8.GetString(Output);
}
