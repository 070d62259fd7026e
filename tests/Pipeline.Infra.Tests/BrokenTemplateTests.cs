namespace Pipeline.Infra.Tests;

/// <summary>
/// Each contract check fails on a copy of the templates broken on purpose, so that none of them passes for
/// want of looking. Each copy is compiled and evaluated by the real compiler, as the good one is.
/// </summary>
public sealed class BrokenTemplateTests(BrokenTemplateTests.Copies copies) : IClassFixture<BrokenTemplateTests.Copies>
{
    private static readonly CodeSide Agreed = CodeSide.FromAgreedContract();

    public enum Check
    {
        Settings,
        Names,
        Secrets,
        Roles,
        LocalAuth,
    }

    public static TheoryData<string, string, Check, string, string, string, string> Breaks => new()
    {
        // name, environment, check, file, find, replace, expected fragment of the violation
        { "a setting the code reads is not set", "prod", Check.Settings, "modules/function-app.bicep",
            "  DropStorage__queueServiceUri: dropStorage.properties.primaryEndpoints.queue\n", "", "DropStorage__queueServiceUri" },
        { "Flex given the worker setting it rejects", "prod", Check.Settings, "modules/function-app.bicep",
            "  Mail__Sender: mailSender\n", "  Mail__Sender: mailSender\n  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'\n", "FUNCTIONS_WORKER_RUNTIME" },
        { "a connection by key on Elastic Premium's run-from-package identity", "prod-china", Check.Settings, "modules/function-app.bicep",
            "  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identity.id\n", "", "WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID" },
        { "an authority hard-coded for one cloud", "prod-china", Check.Settings, "modules/function-app.bicep",
            "  Cloud__AuthorityHost: environment().authentication.loginEndpoint\n", "  Cloud__AuthorityHost: 'https://login.partner.microsoftonline.cn/'\n", "Cloud__AuthorityHost" },
        { "a poison queue named another way", "prod", Check.Names, "modules/drop-storage.bicep",
            "  'report-failures-poison'\n", "  'report-failure-poison'\n", "report-failures-poison" },
        { "the Event Grid filter on another container", "prod", Check.Names, "modules/event-grid-subscription.bicep",
            "/blobServices/default/containers/drop/", "/blobServices/default/containers/drops/", "subject" },
        { "a Cosmos container partitioned another way", "prod-china", Check.Names, "modules/cosmos.bicep",
            "    partitionKey: '/code'\n", "    partitionKey: '/id'\n", "offices" },
        { "a storage key in an app setting", "prod", Check.Secrets, "modules/function-app.bicep",
            "  Mail__Sender: mailSender\n", "  Mail__Sender: mailSender\n  Drop__Key: dropStorage.listKeys().keys[0].value\n", "Drop__Key" },
        { "a connection string in a module output", "prod", Check.Secrets, "modules/host-storage.bicep",
            "output name string = account.name", "output name string = account.name\n#disable-next-line outputs-should-not-contain-secrets\noutput connection string = 'DefaultEndpointsProtocol=https;AccountName=${account.name};AccountKey=${account.listKeys().keys[0].value}'", "connection" },
        { "the SMTP password as a plain setting", "prod-china", Check.Secrets, "modules/function-app.bicep",
            "  Mail__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${smtpPasswordSecretName}/)'\n", "  Mail__Smtp__Password: '${vaultUri}${smtpPasswordSecretName}'\n", "Mail__Smtp__Password" },
        { "a role missing for Document Intelligence", "prod", Check.Roles, "modules/document-intelligence.bicep",
            "resource user 'Microsoft.Authorization/roleAssignments@2022-04-01' = {", "resource user 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (false) {", Role.CognitiveServicesUser },
        { "Owner where the code only reads the originals", "prod", Check.Roles, "modules/drop-storage.bicep",
            "roleIds.storageBlobDataReader", "roleIds.storageBlobDataOwner", "beyond" },
        { "no Cosmos data role", "prod-china", Check.Roles, "modules/cosmos.bicep",
            "resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {", "resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = if (false) {", "Cosmos" },
        { "Key Vault readable by no one", "prod-china", Check.Roles, "modules/mail-smtp-vault.bicep",
            "resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {", "resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (false) {", Role.KeyVaultSecretsUser },
        { "Cosmos DB keys back on", "prod", Check.LocalAuth, "modules/cosmos.bicep",
            "    disableLocalAuth: true\n", "    disableLocalAuth: false\n", "disableLocalAuth" },
        { "shared keys on the host storage", "prod-china", Check.LocalAuth, "modules/host-storage.bicep",
            "    allowSharedKeyAccess: false\n", "    allowSharedKeyAccess: true\n", "allowSharedKeyAccess" },
        { "originals overwritten without a version", "dev", Check.LocalAuth, "modules/drop-storage.bicep",
            "    isVersioningEnabled: !sftpEnabled\n", "    isVersioningEnabled: false\n", "isVersioningEnabled" },
        { "an SFTP user that may delete", "prod", Check.LocalAuth, "modules/drop-storage.bicep",
            "permissions: 'cwl'", "permissions: 'cwld'", "SFTP user" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Each_check_fails_on_a_broken_copy(string name, string environment, Check check, string file, string find, string replace, string expected)
    {
        _ = (environment, file, find, replace);
        var problems = copies.Problems[name].Value;
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)),
            $"{name}: the {check} check should fail with '{expected}', but reported:\n{string.Join("\n", problems)}");
    }

    /// <summary>Every broken copy, compiled and checked two at a time (the compiler is the slow part).</summary>
    public sealed class Copies
    {
        public Copies()
        {
            var bicep = BicepCompiler.Restored();
            var cases = Breaks.Select(row => ((string)row[0], (string)row[1], (Check)row[2], (string)row[3], (string)row[4], (string)row[5], (string)row[6])).ToList();
            Problems = cases.ToDictionary(c => c.Item1, c => new Lazy<IReadOnlyList<string>>(() => Evaluate(bicep, c)));
            var goodSubscription = new Lazy<System.Text.Json.Nodes.JsonObject>(() =>
            {
                using var good = InfraCopy.Of(bicep);
                return good.Build("modules/event-grid-subscription.bicep");
            });
            _goodSubscription = goodSubscription;
            Parallel.ForEach(Problems.Values, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p =>
            {
                try
                {
                    _ = p.Value;
                }
                catch (InvalidOperationException)
                {
                    // kept by the Lazy: the test of that copy rethrows it
                }
            });
        }

        private readonly Lazy<System.Text.Json.Nodes.JsonObject> _goodSubscription;

        public IReadOnlyDictionary<string, Lazy<IReadOnlyList<string>>> Problems { get; }

        private IReadOnlyList<string> Evaluate(BicepCompiler bicep, (string Name, string Environment, Check Check, string File, string Find, string Replace, string Expected) c)
        {
            using var copy = InfraCopy.Of(bicep, new Mutation(c.File, c.Find, c.Replace));
            var snapshot = copy.Evaluate(c.Environment);

            // Only a change to the subscription module needs it compiled again.
            System.Text.Json.Nodes.JsonObject Subscription() =>
                c.File == "modules/event-grid-subscription.bicep" ? copy.Build(c.File) : _goodSubscription.Value;

            return c.Check switch
            {
                Check.Settings => ContractChecks.SettingsTheCodeReads(snapshot, Agreed),
                Check.Names => ContractChecks.NamesAgree(snapshot, Agreed, Subscription()),
                Check.Secrets => ContractChecks.NoSecrets(snapshot, copy.Build("main.bicep")),
                Check.Roles => ContractChecks.RolesMatchDataPlaneCalls(snapshot, Agreed, Subscription()),
                Check.LocalAuth => ContractChecks.LocalAuthOff(snapshot),
                _ => throw new ArgumentOutOfRangeException(nameof(c)),
            };
        }
    }
}
