using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>
/// The resources a parameter file deploys, as `bicep snapshot` evaluates the compiled template:
/// parameters, variables, conditions, loops and modules resolved; values known only in Azure kept as
/// ARM expressions ("[reference('…/storageAccounts/x', …).primaryEndpoints.blob]").
/// </summary>
public sealed partial class Snapshot(string environment, string cloud, JsonObject json)
{
    public string Environment { get; } = environment;

    public string Cloud { get; } = cloud;

    public IReadOnlyList<JsonObject> Resources { get; } =
        json["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public JsonObject Outputs { get; } = json["outputs"]?.AsObject() ?? [];

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Site => OfType("Microsoft.Web/sites").Single();

    public bool IsFlex => Site["properties"]?["functionAppConfig"] is JsonObject;

    /// <summary>The app's user-assigned identity (its resource id).</summary>
    public string IdentityId => Site["identity"]!["userAssignedIdentities"]!.AsObject().Single().Key;

    /// <summary>The Functions app's settings: name to value (an ARM expression where Azure fills it in).</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        OfType("Microsoft.Web/sites/config")
            .Single(r => ((string)r["name"]!).EndsWith("/appsettings", StringComparison.Ordinal))["properties"]!
            .AsObject()
            .ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");

    public string Setting(string name) => AppSettings.TryGetValue(name, out var value) ? value : "";

    /// <summary>The resource id an expression reads from: "[reference('/subscriptions/…/x', …)…]" → "/subscriptions/…/x".</summary>
    public static string? ReferencedId(string expression, string type)
    {
        foreach (Match match in ReferencePattern().Matches(expression))
        {
            if (match.Groups[1].Value.Contains("/providers/" + type + "/", StringComparison.OrdinalIgnoreCase))
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    public JsonObject? ById(string? id) =>
        id is null ? null : Resources.FirstOrDefault(r => string.Equals((string?)r["id"], id, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Environment} ({Cloud})";

    [GeneratedRegex(@"reference\('([^']+)'")]
    private static partial Regex ReferencePattern();
}
