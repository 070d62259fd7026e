namespace Pipeline.Notification;

/// <summary>Who the email is from, where it goes when an office has no supervisor on record, and where the report pages are.</summary>
public sealed record MailSettings(string From, string FallbackRecipient, Uri PublicBaseUrl);
