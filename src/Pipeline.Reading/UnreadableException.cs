namespace Pipeline.Reading;

/// <summary>The file cannot be read at all; <see cref="Exception.Message"/> says why, in Chinese, for a clerk.</summary>
public sealed class UnreadableException(string reason, Exception? inner = null) : Exception(reason, inner);
