using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>One change to a template file, to break a copy of the templates on purpose.</summary>
public sealed record Mutation(string File, string Find, string Replace);

/// <summary>
/// A copy of infra/ in a temporary folder (optionally broken by mutations), compiled and evaluated
/// by the real Bicep compiler: `bicep build` for the ARM JSON, `bicep snapshot` for what it deploys.
/// </summary>
public sealed class InfraCopy : IDisposable
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";
    public const string TenantId = "00000000-0000-0000-0000-0000000000bb";
    public const string ResourceGroup = "rg-pipeline";

    /// <summary>The parameter files, each with the cloud it is for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environments = new Dictionary<string, string>
    {
        ["dev"] = "AzureCloud",
        ["prod"] = "AzureCloud",
        ["prod-china"] = "AzureChinaCloud",
    };

    private readonly BicepCompiler _bicep;

    private InfraCopy(BicepCompiler bicep, string directory)
    {
        _bicep = bicep;
        Directory = directory;
    }

    public string Directory { get; }

    public static string SourceDirectory => System.IO.Path.Combine(BicepCompiler.RepositoryRoot, "infra");

    public static InfraCopy Of(BicepCompiler bicep, params Mutation[] mutations)
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-infra-" + Guid.NewGuid().ToString("N"));
        foreach (var file in System.IO.Directory.EnumerateFiles(SourceDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(SourceDirectory, file);
            if (relative.EndsWith(".json", StringComparison.Ordinal) && relative != "bicepconfig.json")
            {
                continue; // compiled output or snapshots left over from a hand run
            }

            var copy = System.IO.Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        foreach (var mutation in mutations)
        {
            var path = System.IO.Path.Combine(target, mutation.File);
            var text = File.ReadAllText(path);
            if (!text.Contains(mutation.Find, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the mutation's text is no longer in {mutation.File}: {mutation.Find}");
            }

            File.WriteAllText(path, text.Replace(mutation.Find, mutation.Replace, StringComparison.Ordinal));
        }

        return new InfraCopy(bicep, target);
    }

    /// <summary>The compiled ARM JSON of one Bicep file (relative to infra/).</summary>
    public JsonObject Build(string bicepFile)
    {
        var run = _bicep.Run(Directory, "build", bicepFile, "--stdout");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} failed:\n{run.Diagnostics}");
        }

        return JsonNode.Parse(run.Output)!.AsObject();
    }

    /// <summary>What one parameter file deploys: the deployment engine's evaluation of the compiled template.</summary>
    public Snapshot Evaluate(string environment)
    {
        var cloud = Environments[environment];
        var location = cloud == "AzureChinaCloud" ? "chinanorth3" : "eastasia";
        var parameters = $"env/{environment}.bicepparam";
        var run = _bicep.Run(Directory, "snapshot", parameters, "--mode", "overwrite",
            "--subscription-id", SubscriptionId, "--tenant-id", TenantId,
            "--resource-group", ResourceGroup, "--location", location);
        var snapshotFile = System.IO.Path.Combine(Directory, "env", environment + ".snapshot.json");
        if (run.ExitCode != 0 || !File.Exists(snapshotFile))
        {
            throw new InvalidOperationException($"bicep snapshot {parameters} failed:\n{run.Output}\n{run.Diagnostics}");
        }

        return new Snapshot(environment, cloud, JsonNode.Parse(File.ReadAllText(snapshotFile))!.AsObject());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder left behind is harmless
        }
    }
}
