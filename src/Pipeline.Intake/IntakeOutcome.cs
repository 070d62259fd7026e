using Pipeline.Storage;

namespace Pipeline.Intake;

/// <summary>What one delivery came to: the stored report, and whether this delivery stored it or found it stored.</summary>
public sealed record IntakeOutcome(StoredReport Report, bool Duplicate, TimeSpan Duration);
