using System.Diagnostics;
using System.Reflection;

// The compiler restored is the linux-x64 build; so are CI and every machine of this project.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Pipeline.Infra.Tests;

/// <summary>The real Bicep compiler, restored from NuGet with this project (Azure.Bicep.CommandLine.linux-x64).</summary>
public sealed class BicepCompiler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private BicepCompiler(string path) => Path = path;

    public string Path { get; }

    /// <summary>The compiler NuGet restored; fails (never skips) when it is not there.</summary>
    public static BicepCompiler Restored() => At(Metadata("BicepPath"));

    /// <summary>The compiler at a path; fails with how to get it when it is not there.</summary>
    public static BicepCompiler At(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep compiler is missing at {path}. It comes from the NuGet package " +
                "Azure.Bicep.CommandLine.linux-x64 (PackageDownload in Pipeline.Infra.Tests.csproj): run `dotnet restore`.");
        }

        // NuGet does not keep the run bit of a file inside a package.
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | exec);
        }

        return new BicepCompiler(path);
    }

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>Runs the compiler; returns its exit code and everything it wrote to stderr (its diagnostics).</summary>
    public BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, and no attempt to reach a registry from a machine that has none.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        return new BicepRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Metadata(string key) =>
        typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}

/// <summary>One compiler run: its exit code, output and diagnostics.</summary>
public sealed record BicepRun(int ExitCode, string Output, string Diagnostics)
{
    /// <summary>Diagnostic lines ("file(line,col) : Error|Warning|Info CODE: message").</summary>
    public IReadOnlyList<string> DiagnosticLines =>
        Diagnostics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
