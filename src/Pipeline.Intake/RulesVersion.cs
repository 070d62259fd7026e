using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Rules.Catalogue;

namespace Pipeline.Intake;

/// <summary>A short fingerprint of the rules in force: a changed rule, severity, message or threshold is a new version.</summary>
public static class RulesVersion
{
    public static string Of(RuleCatalogue catalogue)
    {
        var rules = catalogue.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var json = JsonSerializer.Serialize(new { catalogue.Settings.ConfidenceThreshold, rules });
        return "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
    }
}
