using Microsoft.Azure.Cosmos;
using Pipeline.Storage;

namespace Pipeline.Review.Tests.Storage;

/// <summary>cosmosdb-server on a free loopback port, started as the intake tests start it (<see cref="LocalService"/>).</summary>
public sealed class CosmosServer : IDisposable
{
    // The Cosmos DB emulator's published development key: not a secret.
    private const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly LocalService _server;

    public CosmosServer()
    {
        var port = LocalService.FreePort();
        _server = LocalService.Start("cosmosdb-server", $"--no-ssl --host 127.0.0.1 -p {port}", port);
        Client = new CosmosClient($"AccountEndpoint=http://127.0.0.1:{port}/;AccountKey={Key}", CosmosStore.ClientOptions(limitToEndpoint: true));
    }

    public CosmosClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _server.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CosmosServerCollection : ICollectionFixture<CosmosServer>
{
    public const string Name = "cosmosdb-server";
}
