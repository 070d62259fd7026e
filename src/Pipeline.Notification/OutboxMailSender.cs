using MimeKit;

namespace Pipeline.Notification;

/// <summary>Mail on one machine: each email is a <c>{deliveryId}.eml</c> file in a folder, so writing it twice leaves one file.</summary>
public sealed class OutboxMailSender(string folder) : IMailSender
{
    public async Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, deliveryId + ".eml");
        var partial = target + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, target, overwrite: true);
    }
}
