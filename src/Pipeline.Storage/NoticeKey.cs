using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Pipeline.Storage;

/// <summary>One failure notice: a report judged by one rules version. Sent once per recipient.</summary>
public sealed record NoticeKey(
    [property: JsonPropertyName("office")] string Office,
    [property: JsonPropertyName("reportId")] string ReportId,
    [property: JsonPropertyName("rulesVersion")] string RulesVersion)
{
    public string Id => $"notice-{Office}-{ReportId}-{RulesVersion}";

    /// <summary>The idempotency key of one email: the same for every attempt to send it (ACS Operation-Id, outbox name).</summary>
    public string DeliveryId(string recipient)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{Office}|{ReportId}|{RulesVersion}|{recipient.Trim().ToLowerInvariant()}"));
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }
}

/// <summary>A notice that is recorded but not yet sent to everyone; the sweep sends these again.</summary>
public sealed record PendingNotice(
    [property: JsonPropertyName("key")] NoticeKey Key,
    [property: JsonPropertyName("since")] DateTimeOffset Since);

/// <summary>What a sender may do with one email.</summary>
public enum DeliveryClaim
{
    /// <summary>This caller holds the lease and must send, then mark it delivered.</summary>
    Claimed,

    /// <summary>Sent before: nothing to do.</summary>
    AlreadySent,

    /// <summary>Another worker holds a live lease; try later.</summary>
    Busy,
}
