using Pipeline.Model.Layout;

namespace Pipeline.Model.Reports;

/// <summary>One of the six numbered sections: its heading as printed and its running text.</summary>
public sealed record ReportSection(string Key, string Heading, string Text, int Order, LayoutOrigin Origin);
