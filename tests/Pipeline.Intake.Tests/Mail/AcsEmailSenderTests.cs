using System.Collections.Concurrent;
using Azure.Core;
using MimeKit;
using Pipeline.Intake.Tests.Services;
using Pipeline.Model.Results;
using Pipeline.Notification;
using Pipeline.Resilience;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Mail;

/// <summary>The ACS Email sender against a fake that speaks the documented REST contract on loopback.</summary>
public sealed class AcsEmailSenderTests : IDisposable
{
    private const string Audience = "https://communication.azure.com/.default";

    private static readonly MailSettings Settings = new("DoNotReply@notices.example.gov.cn", "fallback@example.gov.cn", new Uri("https://review.example.gov.cn/"));

    private readonly FakeCommunicationEmail _acs = new();
    private readonly RecordingCredential _credential = new();
    private readonly HttpClient _http = new();

    private AcsEmailSender Sender(string audience = Audience) => new(_http, _acs.Endpoint, _credential, audience);

    private static (MimeMessage Message, string DeliveryId) Notice(string recipient = "supervisor@example.gov.cn")
    {
        var report = Reports.Stored("office-7", "3f2a9c", Verdict.Failed, name: "年报<2024>.txt");
        var key = new NoticeKey(report.Office, report.Id, report.RulesVersion);
        return (SupervisorEmail.Compose(report, null, recipient, Settings), key.DeliveryId(recipient));
    }

    [Fact]
    public async Task Send_posts_the_documented_request_with_a_bearer_token_for_the_configured_audience()
    {
        var (message, deliveryId) = Notice();
        await Sender("api://custom-communication/.default").SendAsync(message, deliveryId);

        Assert.Equal(["api://custom-communication/.default"], Assert.Single(_credential.Scopes));
        var sent = Assert.Single(_acs.Sent);
        Assert.Equal(Settings.From, sent["senderAddress"]!.GetValue<string>());
        Assert.Equal("supervisor@example.gov.cn", Assert.Single(sent["recipients"]!["to"]!.AsArray())!["address"]!.GetValue<string>());
        Assert.Equal(message.Subject, sent["content"]!["subject"]!.GetValue<string>());
        Assert.Contains("年报&lt;2024&gt;.txt", sent["content"]!["html"]!.GetValue<string>());
        Assert.Contains("年报<2024>.txt", sent["content"]!["plainText"]!.GetValue<string>());
        Assert.Equal("3f2a9c", sent["headers"]![SupervisorEmail.ReportIdHeader]!.GetValue<string>());
        Assert.Equal(202, Assert.Single(_acs.Requests).Status);
    }

    [Fact]
    public async Task Resending_the_same_notice_is_the_same_operation_and_no_second_email()
    {
        var (first, deliveryId) = Notice();
        var (again, sameId) = Notice();
        Assert.Equal(deliveryId, sameId);

        await Sender().SendAsync(first, deliveryId);
        await Sender().SendAsync(again, sameId);

        Assert.Equal(2, _acs.Requests.Count);
        Assert.Single(_acs.Sent);

        // A different recipient is a different email with its own operation.
        var (other, otherId) = Notice("deputy@example.gov.cn");
        Assert.NotEqual(deliveryId, otherId);
        await Sender().SendAsync(other, otherId);
        Assert.Equal(2, _acs.Sent.Count);
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        _acs.ThrottleNext(1);
        var (message, deliveryId) = Notice();
        var resilience = SupervisorNotifier.CreateResilience(new RemoteCallOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10) });

        await resilience.ExecuteAsync(async ct => await Sender().SendAsync(message, deliveryId, ct));

        var requests = _acs.Requests.ToArray();
        Assert.Equal([429, 202], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
        Assert.Single(_acs.Sent);
    }

    [Fact]
    public async Task A_throttle_surfaces_as_transient_with_its_Retry_After()
    {
        _acs.ThrottleNext(7);
        var (message, deliveryId) = Notice();

        var e = await Assert.ThrowsAsync<MailSendException>(() => Sender().SendAsync(message, deliveryId));

        Assert.True(e.Transient);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Empty(_acs.Sent);
    }

    [Fact]
    public async Task A_400_error_is_surfaced_with_its_code_and_message_and_not_retried()
    {
        var report = Reports.Stored("office-7", "3f2a9c", Verdict.Failed);
        var message = SupervisorEmail.Compose(report, null, "supervisor@example.gov.cn", Settings);
        message.From.Clear();
        message.From.Add(new MailboxAddress("", "no-at-sign"));
        var resilience = SupervisorNotifier.CreateResilience(new RemoteCallOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10) });

        var e = await Assert.ThrowsAsync<MailSendException>(async () =>
            await resilience.ExecuteAsync(async ct => await Sender().SendAsync(message, "op-1", ct)));

        Assert.False(e.Transient);
        Assert.Contains("400", e.Message);
        Assert.Contains("InvalidSenderAddress", e.Message);
        Assert.Contains("The sender address is not a verified domain address.", e.Message);
        Assert.Equal([400], _acs.Requests.Select(r => r.Status));
        Assert.Empty(_acs.Sent);
    }

    [Fact]
    public async Task An_endpoint_with_a_path_or_without_a_trailing_slash_still_reaches_emails_send()
    {
        var (message, deliveryId) = Notice();
        var bare = new Uri(_acs.Endpoint.AbsoluteUri.TrimEnd('/'));
        await new AcsEmailSender(_http, bare, _credential, Audience).SendAsync(message, deliveryId);
        Assert.Single(_acs.Sent);
    }

    public void Dispose()
    {
        _acs.Dispose();
        _http.Dispose();
    }

    /// <summary>Entra ID cannot be reached here: hands out a fixed token and records the scopes asked for.</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        public ConcurrentQueue<string[]> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Enqueue(requestContext.Scopes);
            return new AccessToken(FakeCommunicationEmail.Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
