using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Azure.Cosmos;
using Pipeline.Storage;

namespace Pipeline.CrossReport.Tests;

/// <summary>
/// @vercel/cosmosdb-server (installed by bootstrap) on a free loopback port, for the tests that run the text index in
/// Cosmos DB. A missing tool fails the tests: they never pass by skipping.
/// </summary>
public sealed class CosmosServer : IDisposable
{
    // The Cosmos DB emulator's published development key: not a secret.
    private const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly Process _process;

    public CosmosServer()
    {
        var tool = Path.Combine(Reports.Root, ".tools", "node", "node_modules", ".bin", "cosmosdb-server");
        if (!File.Exists(tool))
        {
            throw new InvalidOperationException($"cosmosdb-server is not installed at {tool}: run ./scripts/bootstrap.sh.");
        }

        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        _process = Process.Start(new ProcessStartInfo(tool, $"--no-ssl --host 127.0.0.1 -p {Port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("cosmosdb-server did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                Thread.Sleep(100);
            }
        }

        Client = new CosmosClient($"AccountEndpoint=http://127.0.0.1:{Port}/;AccountKey={Key}", CosmosStore.ClientOptions(limitToEndpoint: true));
    }

    public int Port { get; }

    public CosmosClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
