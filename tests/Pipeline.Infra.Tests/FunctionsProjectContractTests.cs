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
        var code = CodeSide.FromFunctionsProject(BicepCompiler.RepositoryRoot);
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
