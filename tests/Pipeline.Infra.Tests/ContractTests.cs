namespace Pipeline.Infra.Tests;

/// <summary>The templates hold to the code, on every parameter file (both clouds).</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class ContractTests(CompiledTemplates compiled)
{
    public static TheoryData<string> Environments => [.. InfraCopy.Environments.Keys];

    private static readonly CodeSide Agreed = CodeSide.FromAgreedContract();

    [Theory]
    [MemberData(nameof(Environments))]
    public void Every_setting_and_connection_the_code_reads_is_set(string environment) =>
        AssertNone(ContractChecks.SettingsTheCodeReads(compiled.Snapshots[environment], Agreed));

    [Theory]
    [MemberData(nameof(Environments))]
    public void Container_and_queue_names_agree(string environment) =>
        AssertNone(ContractChecks.NamesAgree(compiled.Snapshots[environment], Agreed, compiled.Subscription));

    [Theory]
    [MemberData(nameof(Environments))]
    public void No_key_or_connection_string_in_outputs_or_settings(string environment) =>
        AssertNone(ContractChecks.NoSecrets(compiled.Snapshots[environment], compiled.Main));

    [Theory]
    [MemberData(nameof(Environments))]
    public void Every_data_plane_call_has_its_role_and_no_more(string environment) =>
        AssertNone(ContractChecks.RolesMatchDataPlaneCalls(compiled.Snapshots[environment], Agreed, compiled.Subscription));

    [Theory]
    [MemberData(nameof(Environments))]
    public void Shared_keys_and_local_auth_are_off(string environment) =>
        AssertNone(ContractChecks.LocalAuthOff(compiled.Snapshots[environment]));

    [Fact]
    public void The_cloud_picks_the_plan_and_the_mail_sender()
    {
        var china = compiled.Snapshots["prod-china"];
        var global = compiled.Snapshots["prod"];
        Assert.False(china.IsFlex);
        Assert.Equal("smtp", china.Setting("Mail__Sender"));
        Assert.True(global.IsFlex);
        Assert.Equal("acs", global.Setting("Mail__Sender"));
        Assert.Empty(china.OfType("Microsoft.Communication/communicationServices"));
        Assert.Single(china.OfType("Microsoft.KeyVault/vaults"));
    }

    [Fact]
    public void Each_office_gets_one_sftp_user_at_home_in_its_drop_folder()
    {
        var users = compiled.Snapshots["prod"].OfType("Microsoft.Storage/storageAccounts/localUsers").ToList();
        var user = Assert.Single(users);
        Assert.Equal("drop/example-office", (string?)user["properties"]!["homeDirectory"]);
        Assert.Equal("cwl", (string?)user["properties"]!["permissionScopes"]![0]!["permissions"]);
        Assert.Empty(compiled.Snapshots["dev"].OfType("Microsoft.Storage/storageAccounts/localUsers"));
    }

    // The other side drifting: the code reads a key no template sets, or binds a queue named another way.
    [Fact]
    public void A_key_or_queue_the_code_adds_alone_breaks_the_contract()
    {
        var snapshot = compiled.Snapshots["prod"];
        var newKey = Agreed with { SettingKeys = [.. Agreed.SettingKeys, "Rules__Version"] };
        Assert.Contains(ContractChecks.SettingsTheCodeReads(snapshot, newKey), p => p.Contains("Rules__Version", StringComparison.Ordinal));

        var renamed = Agreed with
        {
            Bindings = [.. Agreed.Bindings.Select(b => b.QueueName == "report-failures" ? b with { QueueName = "report-failure" } : b)],
        };
        Assert.Contains(ContractChecks.NamesAgree(snapshot, renamed, compiled.Subscription), p => p.Contains("report-failure'", StringComparison.Ordinal));
        Assert.Contains(ContractChecks.NamesAgree(snapshot, Agreed with { HostJson = new System.Text.Json.Nodes.JsonObject { ["version"] = "1.0" } }, compiled.Subscription),
            p => p.Contains("host.json", StringComparison.Ordinal));
    }

    internal static void AssertNone(IReadOnlyList<string> problems) =>
        Assert.True(problems.Count == 0, "contract broken:\n" + string.Join("\n", problems));
}
