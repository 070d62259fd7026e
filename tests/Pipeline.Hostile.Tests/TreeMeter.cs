using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Hostile.Tests;

/// <summary>What one run of the command-line host cost, measured from outside it.</summary>
public sealed record TreeUsage(int ExitCode, string Stdout, string Stderr, TimeSpan Wall, long PeakSampledBytes, long PeakBoundBytes, bool Killed);

/// <summary>
/// Runs <c>pipeline check</c> as a separate process and measures its whole process tree from outside: every
/// 15 ms it walks /proc for the host's descendants (the poppler and qpdf tools run in sessions of their own,
/// but stay its children) and sums their resident memory. A sample can miss a spike between two samples, so the
/// sum of the live processes' own high-water marks (VmHWM, kept by the kernel) is taken too: it is never less
/// than the tree's peak among the processes seen, and it is what the tests bound. A tool living less than one
/// interval can escape both, and is held by its own address-space limit (768 MB). /usr/bin/time would report
/// the largest single process only.
/// </summary>
public static class TreeMeter
{
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "pipeline.dll");

    public static TreeUsage Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? hardStop = null, Action<int, IReadOnlyCollection<int>>? watch = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peakSampled = 0;
        long peakBound = 0;
        var killed = false;
        var stop = hardStop ?? TimeSpan.FromSeconds(120);
        while (!process.HasExited)
        {
            var tree = Descendants(process.Id);
            long sum = 0, bound = 0;
            foreach (var pid in tree)
            {
                if (Memory(pid) is { } memory)
                {
                    sum += memory.Resident;
                    bound += memory.HighWater;
                }
            }

            peakSampled = Math.Max(peakSampled, sum);
            peakBound = Math.Max(peakBound, bound);
            watch?.Invoke(process.Id, tree);
            if (clock.Elapsed > stop)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }

            Thread.Sleep(15);
        }

        process.WaitForExit();
        clock.Stop();
        return new TreeUsage(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed, peakSampled, peakBound, killed);
    }

    /// <summary>The process and all its descendants, from the parent ids in /proc/PID/stat.</summary>
    public static IReadOnlyCollection<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Gone while we looked.
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(children.GetValueOrDefault(tree[i]) ?? []);
        }

        return tree;
    }

    public static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    public static string? Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static (long Resident, long HighWater)? Memory(int pid)
    {
        try
        {
            long resident = 0, high = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    resident = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    high = Kilobytes(line) * 1024;
                }
            }

            return (resident, Math.Max(high, resident));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
