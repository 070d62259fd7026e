namespace Pipeline.Reading;

/// <summary>A file handed to the pipeline: its name as uploaded and its bytes.</summary>
public sealed record InputFile(string Name, ReadOnlyMemory<byte> Content)
{
    public string Extension => Path.GetExtension(Name).ToLowerInvariant();

    public bool StartsWith(ReadOnlySpan<byte> magic) => Content.Span.StartsWith(magic);
}
