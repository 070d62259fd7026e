using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>The real Bicep compiler builds and lints every template and parameter file with no diagnostic at all.</summary>
public sealed class CompilerTests
{
    private static readonly string Infra = InfraCopy.SourceDirectory;

    private static IEnumerable<string> BicepFiles =>
        Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Infra, f));

    private static IEnumerable<string[]> ParameterFiles =>
        Directory.EnumerateFiles(Infra, "*.bicepparam", SearchOption.AllDirectories).Select(f => new[] { Path.GetRelativePath(Infra, f) });

    [Fact]
    public void Main_and_every_module_build_with_zero_diagnostics()
    {
        var bicep = BicepCompiler.Restored();
        var output = Directory.CreateTempSubdirectory("pipeline-bicep-build-");
        try
        {
            var run = bicep.Run(Infra, "build", "--pattern", "**/*.bicep", "--outdir", output.FullName);
            Assert.True(run.ExitCode == 0 && run.DiagnosticLines.Count == 0, $"bicep build:\n{run.Output}\n{run.Diagnostics}");

            // Every file compiled to ARM JSON (modules keep their folder under the output).
            foreach (var file in BicepFiles)
            {
                var json = Path.Combine(output.FullName, Path.GetFileNameWithoutExtension(file) + ".json");
                var nested = Path.Combine(output.FullName, Path.ChangeExtension(file, ".json"));
                var compiled = File.Exists(nested) ? nested : json;
                Assert.True(File.Exists(compiled), $"{file} was not compiled");
                Assert.NotNull(JsonNode.Parse(File.ReadAllText(compiled))!["$schema"]);
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    // One run over every file: each lint of main.bicep compiles every module again.
    [Theory]
    [InlineData("**/*.bicep")]
    [InlineData("env/*.bicepparam")]
    public void Every_file_lints_clean(string pattern)
    {
        var run = BicepCompiler.Restored().Run(Infra, "lint", "--pattern", pattern);
        Assert.True(run.ExitCode == 0 && run.DiagnosticLines.Count == 0, $"bicep lint {pattern}:\n{run.Output}\n{run.Diagnostics}");
    }

    [Fact]
    public void Every_parameter_file_builds_and_both_clouds_have_one()
    {
        var output = Directory.CreateTempSubdirectory("pipeline-bicep-params-");
        try
        {
            var run = BicepCompiler.Restored().Run(Infra, "build-params", "--pattern", "env/*.bicepparam", "--outdir", output.FullName);
            Assert.True(run.ExitCode == 0 && run.DiagnosticLines.Count == 0, $"bicep build-params:\n{run.Output}\n{run.Diagnostics}");
            var clouds = new HashSet<string?>();
            foreach (var file in ParameterFiles)
            {
                var json = Path.Combine(output.FullName, Path.GetFileNameWithoutExtension((string)file[0]) + ".json");
                Assert.True(File.Exists(json), $"{file[0]} was not built");
                clouds.Add((string?)JsonNode.Parse(File.ReadAllText(json))!["parameters"]!["cloud"]!["value"]);
            }

            Assert.Superset(new HashSet<string?> { "AzureCloud", "AzureChinaCloud" }, clouds);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_linter_config_makes_the_required_rules_errors()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra, "bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();
        Assert.All(rules, rule => Assert.Equal("error", (string?)rule.Value!["level"]));
        foreach (var required in new[] { "use-recent-api-versions", "no-hardcoded-env-urls", "outputs-should-not-contain-secrets", "secure-secrets-in-params", "no-unused-params" })
        {
            Assert.True(rules.ContainsKey(required), $"{required} is not configured");
        }

        Assert.Equal(730, (int)rules["use-recent-api-versions"]!["maxAllowedAgeInDays"]!);
    }

    // The linter is real and its rules bite: a copy broken four ways fails the same lint run, once per rule.
    [Fact]
    public void A_broken_copy_fails_the_linter_on_each_rule()
    {
        const string file = "modules/host-storage.bicep";
        using var copy = InfraCopy.Of(
            BicepCompiler.Restored(),
            new Mutation(file, "output name string = account.name", "output name string = account.name\noutput docs string = 'https://${account.name}.blob.core.windows.net/'"),
            new Mutation(file, "output id string = account.id", "output id string = account.id\noutput keys string = account.listKeys().keys[0].value"),
            new Mutation(file, "param location string", "param unused string\nparam location string"),
            new Mutation(file, "storageAccounts@2025-01-01' = {", "storageAccounts@2021-09-01' = {"));
        var run = BicepCompiler.Restored().Run(copy.Directory, "lint", "--pattern", "**/*.bicep");
        Assert.NotEqual(0, run.ExitCode);
        foreach (var rule in new[] { "no-hardcoded-env-urls", "outputs-should-not-contain-secrets", "no-unused-params", "use-recent-api-versions" })
        {
            Assert.Contains(run.DiagnosticLines, l => l.Contains("host-storage.bicep", StringComparison.Ordinal) && l.Contains($"Error {rule}:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_missing_compiler_fails_with_how_to_get_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-bicep-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<InvalidOperationException>(() => BicepCompiler.At(missing));
        Assert.Contains("Azure.Bicep.CommandLine.linux-x64", error.Message, StringComparison.Ordinal);
    }
}
