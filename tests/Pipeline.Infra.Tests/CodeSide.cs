using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>One binding of one function, as functions.metadata gives it to the Functions host.</summary>
public sealed record FunctionBinding(string Function, string Type, string Direction, string? Connection, string? Path, string? QueueName, string? Source);

/// <summary>A Cosmos DB container the code uses, with its partition key.</summary>
public sealed record CosmosContainer(string Name, string PartitionKey);

/// <summary>
/// What the code reads and binds: the configuration keys (SettingKeys.All), the bindings the SDK wrote
/// into functions.metadata, host.json, and the Cosmos containers. The seam between this test and the Functions project.
/// </summary>
public sealed record CodeSide(string Source, IReadOnlyList<string> SettingKeys, IReadOnlyList<FunctionBinding> Bindings, JsonObject HostJson)
{
    /// <summary>The containers and partition keys agreed in CONTRACT-11-12.md (the code names them in its Cosmos store).</summary>
    public IReadOnlyList<CosmosContainer> CosmosContainers { get; init; } =
    [
        new("reports", "/office"),
        new("offices", "/code"),
        new("notifications", "/office"),
        new("textIndex", "/bucket"),
    ];

    /// <summary>The agreed contract, written out in AgreedContract/ as the Functions project produces it.</summary>
    public static CodeSide FromAgreedContract()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "AgreedContract");
        var keys = File.ReadAllLines(Path.Combine(directory, "setting-keys.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        return new CodeSide(
            "the agreed contract (tests/Pipeline.Infra.Tests/AgreedContract)",
            keys,
            ReadMetadata(Path.Combine(directory, "functions.metadata")),
            JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "host.json")))!.AsObject());
    }

    /// <summary>
    /// The real Functions project: functions/SettingKeys.cs, the functions.metadata a build wrote under
    /// functions/bin/, SettingKeys read by reflection from the assembly beside it, and host.json at the root.
    /// </summary>
    public static CodeSide FromFunctionsProject(string repositoryRoot)
    {
        var functions = Path.Combine(repositoryRoot, "functions");
        var settingKeysFile = Path.Combine(functions, "SettingKeys.cs");
        if (!File.Exists(settingKeysFile))
        {
            throw new InvalidOperationException(
                $"The Functions project is missing: {settingKeysFile} does not exist. The infra contract test needs " +
                "functions/SettingKeys.cs (public static class SettingKeys with a const per key and All) and a build's " +
                "functions/bin/**/functions.metadata (issue 11).");
        }

        var bin = Path.Combine(functions, "bin");
        var metadata = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "functions.metadata", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        if (metadata is null)
        {
            throw new InvalidOperationException(
                $"No functions.metadata under {bin}: build the Functions project first (dotnet build; Worker.Sdk writes it).");
        }

        var bindings = ReadMetadata(metadata);
        var hostJson = new[] { Path.Combine(repositoryRoot, "host.json"), Path.Combine(functions, "host.json") }
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("host.json is missing (looked at the repository root and in functions/).");

        return new CodeSide(
            $"the Functions project ({Path.GetRelativePath(repositoryRoot, metadata)})",
            ReadSettingKeys(metadata),
            bindings,
            JsonNode.Parse(File.ReadAllText(hostJson))!.AsObject());
    }

    /// <summary>Every connection name a binding uses.</summary>
    public IEnumerable<string> Connections => Bindings.Select(b => b.Connection).OfType<string>().Distinct();

    private static List<FunctionBinding> ReadMetadata(string path)
    {
        var functions = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        return functions
            .SelectMany(f => f!["bindings"]!.AsArray().Select(b => new FunctionBinding(
                (string)f["name"]!,
                (string)b!["type"]!,
                (string?)b["direction"] ?? "",
                (string?)b["connection"],
                (string?)b["path"] ?? (string?)b["blobPath"],
                (string?)b["queueName"],
                (string?)b["source"])))
            .ToList();
    }

    // Types whose dependencies (the Functions worker, the Azure SDKs) are not resolvable here are simply skipped.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    // SettingKeys is read from the built assembly, in its own load context: it holds only constants and All.
    private static List<string> ReadSettingKeys(string metadataPath)
    {
        var directory = Path.GetDirectoryName(metadataPath)!;
        var scriptFile = (string?)JsonNode.Parse(File.ReadAllText(metadataPath))!.AsArray()
            .Select(f => f!["scriptFile"]).FirstOrDefault(s => s is not null)
            ?? throw new InvalidOperationException($"{metadataPath} names no scriptFile");
        var context = new AssemblyLoadContext("functions-setting-keys", isCollectible: true);
        context.Resolving += (ctx, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? ctx.LoadFromAssemblyPath(candidate) : null;
        };
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(directory, scriptFile));
            var type = LoadableTypes(assembly).SingleOrDefault(t => t.Name == "SettingKeys")
                ?? throw new InvalidOperationException($"{scriptFile} has no SettingKeys class");
            var keys = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();
            var all = type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? type.GetField("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            if (all is IEnumerable<string> listed)
            {
                keys.AddRange(listed);
            }

            return keys.Distinct(StringComparer.Ordinal).ToList();
        }
        finally
        {
            context.Unload();
        }
    }
}
