using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Review;

/// <summary>
/// App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c>: base64 of a JSON object with the claims of
/// the signed-in Entra ID user. App roles map to offices: <c>Supervisor.{office}</c> sees and decides for
/// that office and every office under it; <c>Clerk.{office}</c> sees that office's reports only.
/// </summary>
public sealed record ClientPrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("name_typ")] string? NameClaimType,
    [property: JsonPropertyName("role_typ")] string? RoleClaimType,
    [property: JsonPropertyName("claims")] IReadOnlyList<PrincipalClaim>? Claims)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string SupervisorRole = "Supervisor.";
    public const string ClerkRole = "Clerk.";

    /// <summary>The principal in a header value, or null when it is not base64 JSON of that shape.</summary>
    public static ClientPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    public IEnumerable<string> Values(params string[] types) =>
        (Claims ?? []).Where(c => types.Any(t => string.Equals(c.Type, t, StringComparison.OrdinalIgnoreCase))).Select(c => c.Value);

    public string? Name => Values(NameClaimType ?? "name", "name", "preferred_username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name").FirstOrDefault();

    public string? Email => Values("preferred_username", "email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "upn").FirstOrDefault();

    public IEnumerable<string> Roles => Values(RoleClaimType ?? "roles", "roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role");

    /// <summary>The reviewer this principal is; supervisors listed by email in the registry count as supervisors too.</summary>
    public Reviewer? ToReviewer(IEnumerable<Pipeline.Storage.Office> registry)
    {
        var name = Name ?? Email;
        if (name is null)
        {
            return null;
        }

        var supervised = Roles.Where(r => r.StartsWith(SupervisorRole, StringComparison.OrdinalIgnoreCase)).Select(r => r[SupervisorRole.Length..]).ToHashSet(StringComparer.Ordinal);
        if (Email is { } email)
        {
            supervised.UnionWith(registry.Where(o => o.Supervisors.Any(s => string.Equals(s.Trim(), email, StringComparison.OrdinalIgnoreCase))).Select(o => o.Code));
        }

        if (supervised.Count > 0)
        {
            return new Reviewer(name, ReviewerRole.Supervisor, supervised);
        }

        var own = Roles.Where(r => r.StartsWith(ClerkRole, StringComparison.OrdinalIgnoreCase)).Select(r => r[ClerkRole.Length..]).ToHashSet(StringComparer.Ordinal);
        return own.Count > 0 ? new Reviewer(name, ReviewerRole.Clerk, own) : null;
    }
}

public sealed record PrincipalClaim(
    [property: JsonPropertyName("typ")] string Type,
    [property: JsonPropertyName("val")] string Value);
