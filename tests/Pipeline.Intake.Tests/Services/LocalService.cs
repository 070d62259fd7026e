using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Intake.Tests.Services;

/// <summary>
/// One of the npm-installed stand-ins (Azurite, cosmosdb-server, maildev), started on free loopback ports
/// and stopped with the fixture. A missing tool fails the tests: they never pass by skipping.
/// </summary>
public sealed class LocalService : IDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private LocalService(string tool, string arguments, IReadOnlyList<int> ports)
    {
        var path = Path.Combine(Repository.Root, ".tools", "node", "node_modules", ".bin", tool);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{tool} is not installed at {path}: run ./scripts/bootstrap.sh (it installs the pinned npm packages).");
        }

        var info = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.WriteLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.WriteLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in ports)
        {
            WaitForPort(tool, port);
        }
    }

    public static LocalService Start(string tool, string arguments, params int[] ports) => new(tool, arguments, ports);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitForPort(string tool, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{tool} exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"{tool} did not listen on {port} within 60 s: {Output}");
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
