using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>scripts/deploy.sh reads only outputs main.bicep has, and passes the subscription module exactly its parameters.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed partial class DeployScriptTests(CompiledTemplates compiled)
{
    private static readonly string Script = File.ReadAllText(Path.Combine(BicepCompiler.RepositoryRoot, "scripts", "deploy.sh"));

    [Fact]
    public void Every_output_the_script_reads_is_declared()
    {
        var read = OutputCall().Matches(Script).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(read);
        var declared = compiled.Main["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();
        Assert.Subset(declared, read);
    }

    [Fact]
    public void The_subscription_gets_every_parameter_it_requires_and_no_other()
    {
        var start = Script.IndexOf("--template-file \"$root/infra/modules/event-grid-subscription.bicep\"", StringComparison.Ordinal);
        var block = Script[start..Script.IndexOf("-o none", start, StringComparison.Ordinal)];
        var passed = SubscriptionArgument().Matches(block).Select(m => m.Groups[1].Value).ToHashSet();
        var parameters = compiled.Subscription["parameters"]!.AsObject();
        var required = parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToHashSet();
        Assert.Subset(parameters.Select(p => p.Key).ToHashSet(), passed);
        Assert.Superset(required, passed);
    }

    [Fact]
    public void Code_is_published_between_infrastructure_and_subscription()
    {
        var infrastructure = Script.IndexOf("az deployment group create -g \"$group\" -n \"$deployment\" --parameters \"$params\"", StringComparison.Ordinal);
        var code = Script.IndexOf("\"$root/scripts/publish-functions.sh\"", StringComparison.Ordinal);
        var subscription = Script.IndexOf("--template-file \"$root/infra/modules/event-grid-subscription.bicep\"", StringComparison.Ordinal);
        Assert.True(infrastructure > 0 && infrastructure < code && code < subscription, "deploy.sh must deploy infrastructure, then code, then the subscription");
    }

    [GeneratedRegex(@"\$\(output (\w+)\)")]
    private static partial Regex OutputCall();

    [GeneratedRegex(@"(\w+)=""\$")]
    private static partial Regex SubscriptionArgument();
}
