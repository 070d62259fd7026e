using Pipeline.Model.Layout;

namespace Pipeline.Reading;

/// <summary>
/// Turns one kind of file into the layout model. A reader that cannot make sense of its
/// input throws <see cref="UnreadableException"/> with a reason in Chinese.
/// </summary>
public interface IReportReader
{
    /// <summary>The spec's source kind: txt, html, docx, pdf-text, pdf-scan.</summary>
    string Kind { get; }

    /// <summary>Whether this reader recognises the file, by its bytes first and its name second.</summary>
    bool CanRead(InputFile file);

    LayoutDocument Read(InputFile file, CancellationToken cancellationToken = default);
}
