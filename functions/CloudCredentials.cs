using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Functions;

/// <summary>
/// The managed identity for a connection (<c>{Name}__credential</c> = managedidentity, <c>{Name}__clientId</c>),
/// against the authority of the configured cloud (public cloud by default; Azure China sets Cloud__AuthorityHost).
/// </summary>
public static class CloudCredentials
{
    public static TokenCredential For(IConfiguration config, string connectionName)
    {
        var authority = config[SettingKeys.Path(SettingKeys.CloudAuthorityHost)] is { Length: > 0 } host ? new Uri(host) : AzureAuthorityHosts.AzurePublicCloud;
        var clientId = config[$"{connectionName}:clientId"] is { Length: > 0 } id ? id : config[SettingKeys.AzureClientId];
        if (string.Equals(config[$"{connectionName}:credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(
                clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            {
                AuthorityHost = authority,
            });
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { AuthorityHost = authority, ManagedIdentityClientId = clientId });
    }

    /// <summary>Asks for the configured audience instead of the one the client library would pick (sovereign clouds).</summary>
    public static TokenCredential WithAudience(TokenCredential inner, string? audience) =>
        string.IsNullOrEmpty(audience) ? inner : new AudienceCredential(inner, audience);

    private sealed class AudienceCredential(TokenCredential inner, string audience) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            inner.GetToken(Rescoped(requestContext), cancellationToken);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            inner.GetTokenAsync(Rescoped(requestContext), cancellationToken);

        private TokenRequestContext Rescoped(TokenRequestContext context) =>
            new([audience], context.ParentRequestId, context.Claims, context.TenantId, context.IsCaeEnabled);
    }
}
