namespace Pipeline.Infra.Tests;

/// <summary>
/// The same contract, against the real Functions project (functions/SettingKeys.cs and the functions.metadata
/// its build wrote). Fails, with what is missing, until that project is on this branch.
/// </summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class FunctionsProjectContractTests(CompiledTemplates compiled)
{
    public static TheoryData<string> Environments => [.. InfraCopy.Environments.Keys];

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_templates_hold_to_the_functions_project(string environment)
    {
        // PIPELINE_FUNCTIONS_ROOT points at another checkout's build (to align with a branch not merged yet).
        var root = System.Environment.GetEnvironmentVariable("PIPELINE_FUNCTIONS_ROOT") is { Length: > 0 } other ? other : BicepCompiler.RepositoryRoot;
        var code = CodeSide.FromFunctionsProject(root);
        Assert.Contains("CosmosDb__accountEndpoint", code.SettingKeys);
        Assert.Contains(code.Bindings, b => b.Type == "blobTrigger" && b.Source == "EventGrid");
        var snapshot = compiled.Snapshots[environment];
        ContractTests.AssertNone([
            .. ContractChecks.SettingsTheCodeReads(snapshot, code),
            .. ContractChecks.NamesAgree(snapshot, code, compiled.Subscription),
            .. ContractChecks.NoSecrets(snapshot, compiled.Main),
            .. ContractChecks.RolesMatchDataPlaneCalls(snapshot, code, compiled.Subscription),
            .. ContractChecks.LocalAuthOff(snapshot),
        ]);
    }
}
