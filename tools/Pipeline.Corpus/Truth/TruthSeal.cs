namespace Pipeline.Corpus.Truth;

/// <summary>
/// The red seal stamped on a degraded scan: 1-based page, centre and radius in pixels of the page
/// image at the scan's dpi (before it is turned), and the number printed in the cell it covers.
/// </summary>
public sealed record TruthSeal(int Page, int X, int Y, int Radius, string Over);
