using System.Text.Json;
using Azure.Storage.Queues;
using Pipeline.Functions;
using Pipeline.Intake;
using Pipeline.Intake.Tests.Services;

namespace Pipeline.Intake.Tests.Functions;

/// <summary>The contract with the Functions host: the functions.metadata the SDK generated, and host.json.</summary>
public sealed class FunctionsMetadataTests
{
    // The functions project is built with this test project (a project reference), in the same configuration.
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/', '\\')).Parent!.Name;

    private static readonly JsonElement[] Functions = Load();

    private static JsonElement[] Load()
    {
        var path = Path.Combine(Repository.Root, "functions", "bin", Configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}");
        return [.. JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray()];
    }

    private static JsonElement Trigger(string function)
    {
        var f = Functions.Single(f => f.GetProperty("name").GetString() == function);
        return f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    [Fact]
    public void Exactly_the_agreed_functions_are_declared()
    {
        Assert.Equal(
            ["GetReport", "Health", "IntakeReport", "ListReports", "NotifySupervisor", "ReprocessReport", "SweepNotifications"],
            Functions.Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IntakeReport_is_an_event_grid_blob_trigger_on_the_drop_container()
    {
        var b = Trigger("IntakeReport");
        Assert.Equal("blobTrigger", Text(b, "type"));
        Assert.Equal("drop/{office}/{name}", Text(b, "path"));
        Assert.Equal("EventGrid", Text(b, "source"));
        Assert.Equal(SettingKeys.DropStorage, Text(b, "connection"));
    }

    [Fact]
    public void NotifySupervisor_is_a_queue_trigger_on_report_failures()
    {
        var b = Trigger("NotifySupervisor");
        Assert.Equal("queueTrigger", Text(b, "type"));
        Assert.Equal(StorageQueueNotices.QueueName, Text(b, "queueName"));
        Assert.Equal("report-failures", Text(b, "queueName"));
        Assert.Equal(SettingKeys.DropStorage, Text(b, "connection"));
    }

    [Fact]
    public void SweepNotifications_is_a_timer()
    {
        var b = Trigger("SweepNotifications");
        Assert.Equal("timerTrigger", Text(b, "type"));
        Assert.Equal("0 */5 * * * *", Text(b, "schedule"));
    }

    [Theory]
    [InlineData("ListReports", "get", "reports")]
    [InlineData("GetReport", "get", "reports/{office}/{id}")]
    [InlineData("ReprocessReport", "post", "reports/{office}/{id}/reprocess")]
    [InlineData("Health", "get", "health")]
    public void The_http_functions_have_the_agreed_routes(string function, string method, string route)
    {
        var b = Trigger(function);
        Assert.Equal("httpTrigger", Text(b, "type"));
        Assert.Equal(route, Text(b, "route"));
        Assert.Equal([method], b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Host_json_retries_five_times_and_decodes_what_the_queue_client_writes()
    {
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json"))).RootElement;
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        var queues = host.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(NotifySupervisor.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(5, host.GetProperty("extensions").GetProperty("blobs").GetProperty("poisonBlobThreshold").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(QueueMessageEncoding.Base64, StorageQueueNotices.ClientOptions().MessageEncoding);
        Assert.True(host.GetProperty("logging").TryGetProperty("logLevel", out _));
    }

    [Fact]
    public void The_functions_output_ships_host_json_from_the_repository_root()
    {
        var shipped = Path.Combine(Repository.Root, "functions", "bin", Configuration, "net10.0", "host.json");
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "host.json")), File.ReadAllText(shipped));
    }

    [Fact]
    public void Setting_keys_are_unique_and_include_the_identity_based_connections()
    {
        Assert.Equal(SettingKeys.All.Count, SettingKeys.All.Distinct(StringComparer.Ordinal).Count());
        foreach (var key in new[] { "DropStorage__blobServiceUri", "DropStorage__queueServiceUri", "DropStorage__credential", "DropStorage__clientId", "CosmosDb__accountEndpoint", "Cloud__CommunicationAudience", "Mail__Sender" })
        {
            Assert.Contains(key, SettingKeys.All);
        }
    }
}
