using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Cli;

/// <summary>
/// CPU time used by this process and by the child processes it has waited for (poppler's tools for PDFs):
/// what a load run charges to a phase, so that other engineers' load on a shared machine does not count.
/// </summary>
public static class CpuClock
{
    // /proc reports times in USER_HZ, which Linux fixes at 100 for user space.
    private const double TicksPerSecond = 100;

    public static TimeSpan Now()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime + Children();
    }

    private static TimeSpan Children()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
            // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero; // not Linux: the children's time is not known
        }
    }
}
