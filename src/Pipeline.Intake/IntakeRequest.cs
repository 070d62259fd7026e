namespace Pipeline.Intake;

/// <summary>
/// One delivery of a file: the office it was dropped for, its name, where the original lies, the blob's
/// ETag if it came from blob storage, and its bytes (a seekable stream: it is hashed before it is checked).
/// </summary>
public sealed record IntakeRequest(string Office, string Name, string Path, string? BlobETag, Stream Content);
