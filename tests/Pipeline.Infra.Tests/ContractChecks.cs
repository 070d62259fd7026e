using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>
/// The configuration contract between the code and the templates. Each check returns what is wrong,
/// one line per violation, so that a failing test says exactly what drifted.
/// </summary>
public static partial class ContractChecks
{
    // Keys the code reads only on one machine (the emulators); Azure must never get them.
    private static readonly HashSet<string> LocalOnlyKeys = ["CosmosDb__connectionString"];

    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";

    /// <summary>Every setting and binding connection the code reads is set by the templates, for the plan and mail sender chosen.</summary>
    public static IReadOnlyList<string> SettingsTheCodeReads(Snapshot snapshot, CodeSide code)
    {
        var problems = new List<string>();
        var settings = snapshot.AppSettings;
        var sender = snapshot.Setting("Mail__Sender");
        if (sender is not ("acs" or "smtp"))
        {
            problems.Add($"Mail__Sender is '{sender}', not acs or smtp");
        }

        bool Provided(string key) => settings.ContainsKey(key) || settings.Keys.Any(k => k.StartsWith(key + "__", StringComparison.Ordinal));

        foreach (var key in code.SettingKeys)
        {
            var otherSender =
                (key.StartsWith("Mail__Smtp__", StringComparison.Ordinal) && sender != "smtp") ||
                ((key.StartsWith("Mail__Acs__", StringComparison.Ordinal) || key == "Cloud__CommunicationAudience") && sender != "acs");
            if (LocalOnlyKeys.Contains(key) || otherSender)
            {
                if (settings.ContainsKey(key) && LocalOnlyKeys.Contains(key))
                {
                    problems.Add($"{key} is for the local emulators only, but the templates set it");
                }

                continue;
            }

            if (!Provided(key))
            {
                problems.Add($"the code reads {key}, but the templates never set it");
            }
        }

        // An identity-based connection: the service URIs its bindings use, the credential, and which identity.
        var connections = code.Connections.Append("AzureWebJobsStorage").Distinct();
        foreach (var connection in connections)
        {
            var uses = code.Bindings.Where(b => b.Connection == connection).ToList();
            var needed = new List<string> { "credential", "clientId" };
            if (connection == "AzureWebJobsStorage" || uses.Any(b => b.Type.StartsWith("blob", StringComparison.Ordinal)))
            {
                needed.Add("blobServiceUri");
                needed.Add("queueServiceUri"); // a blob trigger writes webjobs-blobtrigger-poison
            }

            if (uses.Any(b => b.Type.StartsWith("queue", StringComparison.Ordinal)))
            {
                needed.Add("queueServiceUri");
            }

            foreach (var part in needed.Distinct())
            {
                if (!settings.ContainsKey($"{connection}__{part}"))
                {
                    problems.Add($"connection {connection} needs {connection}__{part}, which the templates do not set");
                }
            }

            if (settings.TryGetValue($"{connection}__credential", out var credential) && credential != "managedidentity")
            {
                problems.Add($"{connection}__credential is '{credential}', not managedidentity");
            }

            if (settings.TryGetValue($"{connection}__clientId", out var clientId) && !clientId.Contains($"'{snapshot.IdentityId}'", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{connection}__clientId is not the app's identity's client id");
            }
        }

        problems.AddRange(PlanSettings(snapshot));
        problems.AddRange(CloudSettings(snapshot));
        return problems;
    }

    // Flex Consumption takes its runtime from functionAppConfig and rejects the worker settings; Elastic Premium needs them.
    private static IEnumerable<string> PlanSettings(Snapshot snapshot)
    {
        var settings = snapshot.AppSettings;
        if (snapshot.IsFlex)
        {
            var config = snapshot.Site["properties"]!["functionAppConfig"]!;
            if ((string?)config["runtime"]?["name"] != "dotnet-isolated" || (string?)config["runtime"]?["version"] != "10.0")
            {
                yield return "Flex Consumption: functionAppConfig.runtime is not dotnet-isolated 10.0";
            }

            var storage = config["deployment"]?["storage"];
            if ((string?)storage?["authentication"]?["type"] != "UserAssignedIdentity" ||
                !string.Equals((string?)storage?["authentication"]?["userAssignedIdentityResourceId"], snapshot.IdentityId, StringComparison.OrdinalIgnoreCase))
            {
                yield return "Flex Consumption: the deployment container is not reached with the app's identity";
            }

            foreach (var rejected in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE" })
            {
                if (settings.ContainsKey(rejected))
                {
                    yield return $"Flex Consumption: {rejected} must not be set";
                }
            }
        }
        else
        {
            if (snapshot.Setting("FUNCTIONS_WORKER_RUNTIME") != "dotnet-isolated")
            {
                yield return "Elastic Premium: FUNCTIONS_WORKER_RUNTIME is not dotnet-isolated";
            }

            var package = snapshot.Setting("WEBSITE_RUN_FROM_PACKAGE");
            if (Snapshot.ReferencedId(package, StorageAccounts) is null || !package.Contains(".blob", StringComparison.Ordinal))
            {
                yield return "Elastic Premium: WEBSITE_RUN_FROM_PACKAGE is not a blob URL in the templates' storage";
            }

            if (!string.Equals(snapshot.Setting("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"), snapshot.IdentityId, StringComparison.OrdinalIgnoreCase))
            {
                yield return "Elastic Premium: WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID is not the app's identity";
            }
        }
    }

    // The same templates deploy to Azure China: endpoints come from the resources or environment(), never constants.
    private static IEnumerable<string> CloudSettings(Snapshot snapshot)
    {
        if (!snapshot.Setting("Cloud__AuthorityHost").Contains("environment().authentication.loginEndpoint", StringComparison.Ordinal))
        {
            yield return "Cloud__AuthorityHost does not come from environment()";
        }

        foreach (var (name, value) in snapshot.AppSettings)
        {
            if (HardCodedCloudHost().IsMatch(value))
            {
                yield return $"{name} hard-codes a cloud's host name: {value}";
            }
        }
    }

    /// <summary>Container and queue names agree between the bindings, the storage, Cosmos DB and the Event Grid subscription.</summary>
    public static IReadOnlyList<string> NamesAgree(Snapshot snapshot, CodeSide code, JsonObject subscriptionTemplate)
    {
        var problems = new List<string>();

        foreach (var binding in code.Bindings.Where(b => b.Connection is not null))
        {
            var blobAccount = AccountName(snapshot, $"{binding.Connection}__blobServiceUri");
            var queueAccount = AccountName(snapshot, $"{binding.Connection}__queueServiceUri");
            if (binding.Type.StartsWith("blob", StringComparison.Ordinal) && binding.Path is not null)
            {
                var container = binding.Path.Split('/')[0];
                if (blobAccount is null || !Exists(snapshot, "Microsoft.Storage/storageAccounts/blobServices/containers", $"{blobAccount}/default/{container}"))
                {
                    problems.Add($"{binding.Function} reads container '{container}' through {binding.Connection}, which has no such container");
                }

                if (binding.Type == "blobTrigger" &&
                    (queueAccount is null || !Exists(snapshot, "Microsoft.Storage/storageAccounts/queueServices/queues", $"{queueAccount}/default/webjobs-blobtrigger-poison")))
                {
                    problems.Add($"{binding.Function}: queue webjobs-blobtrigger-poison is missing on {binding.Connection}");
                }
            }

            if (binding.Type.StartsWith("queue", StringComparison.Ordinal) && binding.QueueName is not null)
            {
                var names = binding.Type == "queueTrigger" ? new[] { binding.QueueName, binding.QueueName + "-poison" } : [binding.QueueName];
                foreach (var queue in names)
                {
                    if (queueAccount is null || !Exists(snapshot, "Microsoft.Storage/storageAccounts/queueServices/queues", $"{queueAccount}/default/{queue}"))
                    {
                        problems.Add($"{binding.Function}: queue '{queue}' is missing on {binding.Connection}");
                    }
                }
            }
        }

        // Cosmos DB: the database the setting names, and each container with the code's partition key.
        var database = snapshot.Setting("CosmosDb__database");
        var cosmos = Snapshot.ReferencedId(snapshot.Setting("CosmosDb__accountEndpoint"), "Microsoft.DocumentDB/databaseAccounts");
        var cosmosName = cosmos?.Split('/')[^1];
        if (!Exists(snapshot, "Microsoft.DocumentDB/databaseAccounts/sqlDatabases", $"{cosmosName}/{database}"))
        {
            problems.Add($"CosmosDb__database '{database}' is not a database of the account CosmosDb__accountEndpoint names");
        }

        foreach (var container in code.CosmosContainers)
        {
            var resource = snapshot.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")
                .FirstOrDefault(r => (string?)r["name"] == $"{cosmosName}/{database}/{container.Name}");
            var paths = resource?["properties"]?["resource"]?["partitionKey"]?["paths"]?.AsArray().Select(p => (string?)p).ToList();
            if (resource is null)
            {
                problems.Add($"Cosmos DB container '{container.Name}' is missing from database '{database}'");
            }
            else if (paths is not [var only] || only != container.PartitionKey)
            {
                problems.Add($"Cosmos DB container '{container.Name}' is partitioned by {string.Join(",", paths ?? [])}, the code by {container.PartitionKey}");
            }
        }

        problems.AddRange(SubscriptionNames(snapshot, code, subscriptionTemplate));

        if ((string?)code.HostJson["version"] != "2.0")
        {
            problems.Add("host.json is not version 2.0");
        }

        return problems;
    }

    // The Event Grid subscription must route the drop container's new blobs to the EventGrid-source blob trigger.
    private static IEnumerable<string> SubscriptionNames(Snapshot snapshot, CodeSide code, JsonObject subscriptionTemplate)
    {
        var subscription = Resources(subscriptionTemplate).SingleOrDefault(r => (string?)r["type"] == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        if (subscription is null)
        {
            yield return "the Event Grid subscription template has no event subscription";
            yield break;
        }

        var properties = subscription["properties"]!;
        foreach (var trigger in code.Bindings.Where(b => b.Type == "blobTrigger" && b.Source == "EventGrid"))
        {
            var container = trigger.Path!.Split('/')[0];
            var prefix = (string?)properties["filter"]?["subjectBeginsWith"];
            if (prefix != $"/blobServices/default/containers/{container}/")
            {
                yield return $"the Event Grid subscription filters subject '{prefix}', but {trigger.Function} reads container '{container}'";
            }

            var types = properties["filter"]?["includedEventTypes"]?.AsArray().Select(t => (string?)t).ToList() ?? [];
            if (types is not ["Microsoft.Storage.BlobCreated"])
            {
                yield return $"the Event Grid subscription takes events {string.Join(",", types)}, not only Microsoft.Storage.BlobCreated";
            }

            var functionName = (string?)subscriptionTemplate["parameters"]?["functionName"]?["defaultValue"];
            var endpoint = properties["destination"]?["properties"]?["endpointUrl"]?.ToString() ?? "";
            if (functionName != trigger.Function || !endpoint.Contains("runtime/webhooks/blobs?functionName=Host.Functions.{", StringComparison.Ordinal) ||
                !endpoint.Contains("blobs_extension", StringComparison.Ordinal))
            {
                yield return $"the Event Grid webhook does not call {trigger.Function} through the blobs extension";
            }

            // The topic's source must be the account the trigger's connection reads.
            var account = AccountName(snapshot, $"{trigger.Connection}__blobServiceUri");
            var topic = snapshot.OfType("Microsoft.EventGrid/systemTopics").SingleOrDefault();
            if (topic is null || !((string?)topic["properties"]?["source"] ?? "").EndsWith($"/storageAccounts/{account}", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"the Event Grid system topic is not on the account {trigger.Connection} reads ({account})";
            }
        }

        if (properties["retryPolicy"]?["maxDeliveryAttempts"] is null)
        {
            yield return "the Event Grid subscription has no retry policy";
        }

        var deadLetter = (string?)snapshot.Outputs["deadLetterContainerName"];
        var dropAccount = snapshot.OfType("Microsoft.EventGrid/systemTopics").SingleOrDefault()?["properties"]?["source"]?.ToString().Split('/')[^1];
        if (properties["deadLetterWithResourceIdentity"]?["deadLetterDestination"] is null ||
            !Exists(snapshot, "Microsoft.Storage/storageAccounts/blobServices/containers", $"{dropAccount}/default/{deadLetter}"))
        {
            yield return $"the Event Grid subscription's dead-letter container '{deadLetter}' is not a container of the drop account";
        }
    }

    /// <summary>No key, SAS or connection string in outputs (any template, any module) or app settings.</summary>
    public static IReadOnlyList<string> NoSecrets(Snapshot snapshot, JsonObject template)
    {
        var problems = new List<string>();
        foreach (var (name, value) in snapshot.Outputs)
        {
            if (LooksSecret(value?.ToString() ?? ""))
            {
                problems.Add($"output {name} carries a secret: {value}");
            }
        }

        foreach (var (owner, name, output) in TemplateOutputs(template, "main"))
        {
            var type = ((string?)output["type"] ?? "").ToLowerInvariant();
            if (type.StartsWith("secure", StringComparison.Ordinal) || LooksSecret(output["value"]?.ToString() ?? ""))
            {
                problems.Add($"output {name} of {owner} carries a secret");
            }
        }

        foreach (var (name, value) in snapshot.AppSettings)
        {
            if (name == "APPLICATIONINSIGHTS_CONNECTION_STRING")
            {
                // Not a secret: with local auth off, ingestion also needs the identity's token.
                if (!Regex.IsMatch(value, @"^\[reference\('[^']+/providers/Microsoft\.Insights/components/[^']+', '[^']+'\)\.ConnectionString\]$"))
                {
                    problems.Add("APPLICATIONINSIGHTS_CONNECTION_STRING is not the App Insights resource's connection string");
                }

                continue;
            }

            var keyVaultReference = value.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal);
            if (LooksSecret(value) && !keyVaultReference)
            {
                problems.Add($"app setting {name} carries a secret: {value}");
            }

            if (SecretName().IsMatch(name) && !keyVaultReference)
            {
                problems.Add($"app setting {name} must be a Key Vault reference");
            }
        }

        return problems;
    }

    private static bool LooksSecret(string value) => SecretValue().IsMatch(value);

    /// <summary>Every data-plane call the code (and the runtime it brings) makes has its role, and no role is given beyond them.</summary>
    public static IReadOnlyList<string> RolesMatchDataPlaneCalls(Snapshot snapshot, CodeSide code, JsonObject subscriptionTemplate)
    {
        var needed = new HashSet<Grant>();
        var identity = snapshot.IdentityId;
        var app = "the app's identity";

        string? AccountId(string setting) => Snapshot.ReferencedId(snapshot.Setting(setting), StorageAccounts);
        void Need(string? scope, string role, string principal = "the app's identity")
        {
            if (scope is not null)
            {
                needed.Add(new Grant(principal, role, scope));
            }
        }

        // The host's own storage: leases, keys, timers and the package (blob), its queues, diagnostic events (table).
        var host = AccountId("AzureWebJobsStorage__blobServiceUri");
        foreach (var role in new[] { Role.BlobOwner, Role.QueueContributor, Role.TableContributor, Role.AccountContributor })
        {
            Need(host, role);
        }

        foreach (var connection in code.Connections.Where(c => c != "AzureWebJobsStorage"))
        {
            var uses = code.Bindings.Where(b => b.Connection == connection).ToList();
            if (uses.Any(b => b.Type is "blobTrigger" || (b.Type == "blob" && b.Direction == "In")))
            {
                Need(AccountId($"{connection}__blobServiceUri"), Role.BlobReader);
                Need(AccountId($"{connection}__queueServiceUri"), Role.QueueContributor); // webjobs-blobtrigger-poison
            }

            if (uses.Any(b => b.Type == "blob" && b.Direction == "Out"))
            {
                Need(AccountId($"{connection}__blobServiceUri"), Role.BlobContributor);
            }

            if (uses.Any(b => b.Type.StartsWith("queue", StringComparison.Ordinal)))
            {
                Need(AccountId($"{connection}__queueServiceUri"), Role.QueueContributor);
            }
        }

        // Calls the code makes itself, through the clients its settings configure (the originals are only read).
        foreach (var key in code.SettingKeys)
        {
            if (key.EndsWith("__blobServiceUri", StringComparison.Ordinal) && !key.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal))
            {
                Need(AccountId(key), Role.BlobReader);
            }

            if (key.EndsWith("__queueServiceUri", StringComparison.Ordinal) && !key.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal))
            {
                Need(AccountId(key), Role.QueueContributor);
            }
        }

        if (code.SettingKeys.Contains("DocumentIntelligence__Endpoint"))
        {
            Need(Snapshot.ReferencedId(snapshot.Setting("DocumentIntelligence__Endpoint"), "Microsoft.CognitiveServices/accounts"), Role.CognitiveServicesUser);
        }

        var sender = snapshot.Setting("Mail__Sender");
        if (sender == "acs" && code.SettingKeys.Contains("Mail__Acs__Endpoint"))
        {
            Need(Snapshot.ReferencedId(snapshot.Setting("Mail__Acs__Endpoint"), "Microsoft.Communication/communicationServices"), Role.EmailSender);
        }

        if (sender == "smtp" && code.SettingKeys.Contains("Mail__Smtp__Password"))
        {
            Need(Snapshot.ReferencedId(snapshot.Setting("Mail__Smtp__Password"), "Microsoft.KeyVault/vaults"), Role.KeyVaultSecretsUser);
        }

        if (snapshot.AppSettings.ContainsKey("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"))
        {
            Need(Snapshot.ReferencedId(snapshot.Setting("APPLICATIONINSIGHTS_CONNECTION_STRING"), "Microsoft.Insights/components"), Role.MetricsPublisher);
        }

        // Event Grid dead-letters with the topic's own identity into one container of the drop account.
        var topic = snapshot.OfType("Microsoft.EventGrid/systemTopics").SingleOrDefault();
        var subscription = Resources(subscriptionTemplate).SingleOrDefault(r => (string?)r["type"] == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        if (topic is not null && subscription?["properties"]?["deadLetterWithResourceIdentity"] is not null)
        {
            Need($"{topic["properties"]!["source"]}/blobServices/default/containers/{snapshot.Outputs["deadLetterContainerName"]}",
                Role.BlobContributor, "the Event Grid topic's identity");
        }

        var given = new HashSet<Grant>();
        foreach (var assignment in snapshot.OfType("Microsoft.Authorization/roleAssignments"))
        {
            var id = (string)assignment["id"]!;
            var scope = id[..id.IndexOf("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.OrdinalIgnoreCase)];
            var principal = (string?)assignment["properties"]?["principalId"] ?? "";
            var who = principal.Contains($"'{identity}'", StringComparison.OrdinalIgnoreCase) ? app
                : topic is not null && principal.Contains($"'{topic["id"]}'", StringComparison.OrdinalIgnoreCase) ? "the Event Grid topic's identity"
                : principal;
            given.Add(new Grant(who, RoleOf(snapshot, (string?)assignment["properties"]?["roleDefinitionId"] ?? ""), scope));
        }

        var problems = new List<string>();
        problems.AddRange(needed.Except(given).Select(g => $"missing role: {g}"));
        problems.AddRange(given.Except(needed).Select(g => $"role beyond what the code calls: {g}"));

        // Cosmos DB's data plane has its own role assignments.
        if (code.SettingKeys.Contains("CosmosDb__accountEndpoint"))
        {
            var cosmos = Snapshot.ReferencedId(snapshot.Setting("CosmosDb__accountEndpoint"), "Microsoft.DocumentDB/databaseAccounts");
            var sqlAssignments = snapshot.OfType("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments").ToList();
            var ok = sqlAssignments.Any(a =>
                ((string?)a["properties"]?["roleDefinitionId"] ?? "").Equals($"{cosmos}/sqlRoleDefinitions/{Role.CosmosDataContributorId}", StringComparison.OrdinalIgnoreCase) &&
                ((string?)a["properties"]?["principalId"] ?? "").Contains($"'{identity}'", StringComparison.OrdinalIgnoreCase));
            if (!ok)
            {
                problems.Add("missing Cosmos DB data contributor (00000000-0000-0000-0000-000000000002) for the app's identity");
            }

            if (sqlAssignments.Count != 1)
            {
                problems.Add($"Cosmos DB has {sqlAssignments.Count} data-plane role assignments, the code needs one");
            }
        }

        return problems;
    }

    private static string RoleOf(Snapshot snapshot, string roleDefinitionId)
    {
        var guid = roleDefinitionId.Split('/')[^1];
        if (Role.Names.TryGetValue(guid, out var name))
        {
            return name;
        }

        // A custom role is recognised by exactly what it allows.
        var custom = snapshot.ById(roleDefinitionId);
        var actions = custom?["properties"]?["permissions"]?.AsArray()
            .SelectMany(p => p!["actions"]?.AsArray().Select(a => (string?)a) ?? [])
            .Order(StringComparer.Ordinal).ToList();
        return actions is not null && actions.SequenceEqual(Role.EmailSenderActions) ? Role.EmailSender : $"role {roleDefinitionId}";
    }

    /// <summary>Shared keys, local auth and basic publishing are off wherever the resource allows it.</summary>
    public static IReadOnlyList<string> LocalAuthOff(Snapshot snapshot)
    {
        var problems = new List<string>();

        void Expect(JsonObject resource, string path, object expected)
        {
            JsonNode? node = resource["properties"];
            foreach (var part in path.Split('.'))
            {
                node = node?[part];
            }

            var actual = node?.ToString();
            if (!string.Equals(actual, expected.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{resource["type"]} {resource["name"]}: {path} is {actual ?? "unset"}, must be {expected}");
            }
        }

        foreach (var account in snapshot.OfType(StorageAccounts))
        {
            Expect(account, "allowSharedKeyAccess", false);
            Expect(account, "allowBlobPublicAccess", false);
            Expect(account, "minimumTlsVersion", "TLS1_2");
            Expect(account, "supportsHttpsTrafficOnly", true);
        }

        foreach (var user in snapshot.OfType("Microsoft.Storage/storageAccounts/localUsers"))
        {
            Expect(user, "hasSharedKey", false);
            Expect(user, "hasSshPassword", false);
            var scopes = user["properties"]?["permissionScopes"]?.AsArray() ?? [];
            if (scopes.Any(s => ((string?)s!["permissions"] ?? "").Any(p => !"cwl".Contains(p, StringComparison.Ordinal))))
            {
                problems.Add($"SFTP user {user["name"]} may do more than create, write and list");
            }
        }

        // Originals are never lost: versioning (where the account allows it) and soft delete on the drop account.
        foreach (var blobService in snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices"))
        {
            var accountName = ((string)blobService["name"]!).Split('/')[0];
            if (!snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Any(c => (string?)c["name"] == $"{accountName}/default/drop"))
            {
                continue;
            }

            var hns = snapshot.OfType(StorageAccounts).Single(a => (string?)a["name"] == accountName)["properties"]?["isHnsEnabled"]?.GetValue<bool>() ?? false;
            Expect(blobService, "deleteRetentionPolicy.enabled", true);
            Expect(blobService, "containerDeleteRetentionPolicy.enabled", true);
            if (!hns)
            {
                Expect(blobService, "isVersioningEnabled", true);
            }
        }

        foreach (var cosmos in snapshot.OfType("Microsoft.DocumentDB/databaseAccounts"))
        {
            Expect(cosmos, "disableLocalAuth", true);
        }

        foreach (var cognitive in snapshot.OfType("Microsoft.CognitiveServices/accounts"))
        {
            Expect(cognitive, "disableLocalAuth", true);
        }

        foreach (var insights in snapshot.OfType("Microsoft.Insights/components"))
        {
            Expect(insights, "DisableLocalAuth", true);
        }

        foreach (var workspace in snapshot.OfType("Microsoft.OperationalInsights/workspaces"))
        {
            Expect(workspace, "features.disableLocalAuth", true);
        }

        foreach (var communication in snapshot.OfType("Microsoft.Communication/communicationServices"))
        {
            Expect(communication, "disableLocalAuth", true);
        }

        foreach (var vault in snapshot.OfType("Microsoft.KeyVault/vaults"))
        {
            Expect(vault, "enableRbacAuthorization", true);
        }

        foreach (var site in snapshot.OfType("Microsoft.Web/sites"))
        {
            Expect(site, "httpsOnly", true);
            foreach (var kind in new[] { "ftp", "scm" })
            {
                var policy = snapshot.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
                    .FirstOrDefault(p => (string?)p["name"] == $"{site["name"]}/{kind}");
                if (policy is null)
                {
                    problems.Add($"{site["name"]}: basic {kind} publishing is not turned off");
                }
                else
                {
                    Expect(policy, "allow", false);
                }
            }
        }

        return problems;
    }

    private static string? AccountName(Snapshot snapshot, string setting) =>
        Snapshot.ReferencedId(snapshot.Setting(setting), StorageAccounts)?.Split('/')[^1];

    private static bool Exists(Snapshot snapshot, string type, string name) =>
        snapshot.OfType(type).Any(r => string.Equals((string?)r["name"], name, StringComparison.Ordinal));

    private static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.Select(r => r!.AsObject()),
        JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
        _ => [],
    };

    // Outputs of a template and of every module nested in it.
    private static IEnumerable<(string Owner, string Name, JsonObject Output)> TemplateOutputs(JsonObject template, string owner)
    {
        foreach (var (name, output) in template["outputs"]?.AsObject() ?? [])
        {
            yield return (owner, name, output!.AsObject());
        }

        foreach (var resource in Resources(template).Where(r => (string?)r["type"] == "Microsoft.Resources/deployments"))
        {
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in TemplateOutputs(nested, resource["name"]?.ToString() ?? "module"))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"\blist[A-Za-z]*\(|AccountKey=|SharedAccessKey|SharedAccessSignature|[?&]sig=|primaryKey|secondaryKey|primaryMasterKey|DefaultEndpointsProtocol", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();

    [GeneratedRegex(@"(Password|Secret|Key|ConnectionString)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"core\.windows\.net|core\.chinacloudapi\.cn|azurewebsites\.net|chinacloudsites\.cn|documents\.azure\.(com|cn)|cognitiveservices\.azure\.(com|cn)|login\.microsoftonline\.com|login\.chinacloudapi\.cn|vault\.azure\.(net|cn)|communication\.azure\.com", RegexOptions.IgnoreCase)]
    private static partial Regex HardCodedCloudHost();
}

/// <summary>One role given to one principal at one scope.</summary>
public sealed record Grant(string Principal, string Role, string Scope)
{
    private readonly string _scope = Scope.ToLowerInvariant();

    public bool Equals(Grant? other) =>
        other is not null && Principal == other.Principal && Role == other.Role && _scope == other._scope;

    public override int GetHashCode() => HashCode.Combine(Principal, Role, _scope);

    public override string ToString() => $"{Role} for {Principal} on {Scope}";
}

/// <summary>The roles the data-plane calls need, by built-in role id.</summary>
public static class Role
{
    public const string BlobOwner = "Storage Blob Data Owner";
    public const string BlobReader = "Storage Blob Data Reader";
    public const string BlobContributor = "Storage Blob Data Contributor";
    public const string QueueContributor = "Storage Queue Data Contributor";
    public const string TableContributor = "Storage Table Data Contributor";
    public const string AccountContributor = "Storage Account Contributor";
    public const string CognitiveServicesUser = "Cognitive Services User";
    public const string KeyVaultSecretsUser = "Key Vault Secrets User";
    public const string MetricsPublisher = "Monitoring Metrics Publisher";
    public const string EmailSender = "email sender (custom role)";
    public const string CosmosDataContributorId = "00000000-0000-0000-0000-000000000002";

    // The built-in ids are Azure's (the same in every cloud), written out here apart from the templates' own list.
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = BlobOwner,
        ["2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"] = BlobReader,
        ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = BlobContributor,
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = QueueContributor,
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = TableContributor,
        ["17d1049b-9a84-46fb-8f53-869881c3d3ab"] = AccountContributor,
        ["a97b65f3-24c7-4388-baec-2e87135dc908"] = CognitiveServicesUser,
        ["4633458b-17de-408a-b874-0445c86b69e6"] = KeyVaultSecretsUser,
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = MetricsPublisher,
    };

    public static readonly IReadOnlyList<string> EmailSenderActions =
    [
        "Microsoft.Communication/CommunicationServices/Read",
        "Microsoft.Communication/EmailServices/write",
    ];
}
