namespace Pipeline.Notification;

/// <summary>An SMTP relay: works in every cloud (Azure operated by 21Vianet has no Communication Services).</summary>
public sealed record SmtpSettings(string Host, int Port, SmtpSecurity Security = SmtpSecurity.None, string? UserName = null, string? Password = null)
{
    public static SmtpSecurity ParseSecurity(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "none" => SmtpSecurity.None,
        "starttls" => SmtpSecurity.StartTls,
        "ssl" => SmtpSecurity.Ssl,
        _ => throw new ArgumentException($"Mail__Smtp__Security 只能是 none、starttls 或 ssl，而不是“{value}”。"),
    };
}

public enum SmtpSecurity
{
    None,
    StartTls,
    Ssl,
}
