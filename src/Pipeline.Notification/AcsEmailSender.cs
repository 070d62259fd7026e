using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using MimeKit;

namespace Pipeline.Notification;

/// <summary>
/// Azure Communication Services Email through its REST API (there is no SDK package here):
/// <c>POST {endpoint}/emails:send?api-version=2023-03-31</c> with a bearer token for the configured audience.
/// The <c>Operation-Id</c> is the delivery id, so sending the same email again is a no-op for the service.
/// 202 with Operation-Location is success; 429 and 503 come back as transient failures with their Retry-After.
/// </summary>
public sealed class AcsEmailSender(HttpClient http, Uri endpoint, TokenCredential credential, string audience) : IMailSender
{
    public const string ApiVersion = "2023-03-31";

    public const string DefaultAudience = "https://communication.azure.com/.default";

    public async Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken = default)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([audience]), cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, SendUri(endpoint));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        request.Headers.Add("Operation-Id", deliveryId);
        request.Headers.Add("x-ms-client-request-id", Guid.NewGuid().ToString());
        request.Content = JsonContent.Create(new SendRequest(
            message.From.Mailboxes.First().Address,
            new Content(message.Subject ?? "", message.TextBody ?? "", message.HtmlBody ?? ""),
            new Recipients([.. message.To.Mailboxes.Select(m => new Address(m.Address))]),
            message.Headers.Where(h => h.Field.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
                .GroupBy(h => h.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value),
            UserEngagementTrackingDisabled: true));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new MailSendException($"无法连接 Azure 通信服务：{e.Message}", true, inner: e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            throw new MailSendException($"Azure 通信服务拒绝发送：HTTP {status} {Describe(body)}", status is 408 or 429 or >= 500, RetryAfter(response));
        }
    }

    /// <summary>
    /// <c>{endpoint}/emails:send</c>. Not <c>new Uri(endpoint, "emails:send")</c>: a relative reference whose first
    /// segment has a colon parses as an absolute URI with the scheme "emails".
    /// </summary>
    public static Uri SendUri(Uri endpoint) => new($"{endpoint.AbsoluteUri.TrimEnd('/')}/emails:send?api-version={ApiVersion}");

    /// <summary>The documented error body is <c>{"error":{"code","message"}}</c>; anything else is shown as it came.</summary>
    private static string Describe(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var text = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return $"{code}：{text}";
            }
        }
        catch (JsonException)
        {
        }

        return body;
    }

    /// <summary>Retry-After as seconds or an HTTP date, and the ms variant Azure services also send.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms) && double.TryParse(ms.First(), out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
    }

    private sealed record SendRequest(
        [property: JsonPropertyName("senderAddress")] string SenderAddress,
        [property: JsonPropertyName("content")] Content Content,
        [property: JsonPropertyName("recipients")] Recipients Recipients,
        [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
        [property: JsonPropertyName("userEngagementTrackingDisabled")] bool UserEngagementTrackingDisabled);

    private sealed record Content(
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("plainText")] string PlainText,
        [property: JsonPropertyName("html")] string Html);

    private sealed record Recipients([property: JsonPropertyName("to")] IReadOnlyList<Address> To);

    private sealed record Address([property: JsonPropertyName("address")] string Email);
}
