using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Pipeline.Notification;

/// <summary>Sends through an SMTP relay with MailKit; one connection per email (mail is rare: one per failed report).</summary>
public sealed class SmtpMailSender(SmtpSettings settings) : IMailSender
{
    public async Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = settings.Security switch
            {
                SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // 4xx is the server saying "later"; 5xx is a refusal that no retry will change.
            throw new MailSendException($"SMTP 服务器拒绝了邮件：{(int)e.StatusCode} {e.Message}", (int)e.StatusCode is >= 400 and < 500, inner: e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
        {
            throw new MailSendException($"无法连接 SMTP 服务器 {settings.Host}:{settings.Port}：{e.Message}", true, inner: e);
        }
    }
}
