using Pipeline.Model.Layout;

namespace Pipeline.Reading;

/// <summary>A line of text and where it was found, before it is known to be a paragraph or a table row.</summary>
public sealed record TextLine(string Text, LayoutOrigin Origin);
