using MimeKit;

namespace Pipeline.Notification;

/// <summary>Sends one email. <paramref name="deliveryId"/> is the same for every attempt at the same email, so a sender that can make a resend a no-op does.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken = default);
}

/// <summary>A send that failed; <see cref="Transient"/> says whether trying again may help.</summary>
public sealed class MailSendException(string message, bool transient, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
