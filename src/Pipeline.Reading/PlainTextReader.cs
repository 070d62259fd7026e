using Pipeline.Model.Layout;
using Pipeline.Model.Reports;

namespace Pipeline.Reading;

/// <summary>Plain text in any of the seeds' three styles.</summary>
public sealed class PlainTextReader : IReportReader
{
    public string Kind => SourceKinds.Text;

    /// <summary>The last resort: anything that is not a known binary format.</summary>
    public bool CanRead(InputFile file) => FileSignature.Describe(file) is null;

    public LayoutDocument Read(InputFile file, CancellationToken cancellationToken = default)
    {
        TextLimits.EnsureReportSized(file);
        var text = TextDecoder.Decode(file.Content.Span);
        var lines = new List<TextLine>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines.Add(new TextLine(line, LayoutOrigin.AtLine(++number)));
        }

        return new LayoutDocument(Kind, TextLayoutBuilder.Build(lines));
    }
}
