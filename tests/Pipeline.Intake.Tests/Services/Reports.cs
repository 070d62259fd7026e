using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Services;

/// <summary>Stored reports made by hand, for store tests that do not need the checker.</summary>
public static class Reports
{
    public static StoredReport Stored(string office, string id, Verdict verdict = Verdict.Passed, string name = "report.txt", int? year = 2024, DateTimeOffset? at = null) => new()
    {
        Id = id,
        Office = office,
        Name = name,
        Path = $"drop/{office}/{name}",
        RulesVersion = "r1",
        StoredAt = at ?? DateTimeOffset.Parse("2025-01-20T08:00:00Z"),
        Result = new CheckResult
        {
            Id = id,
            Source = new SourceDescription(name, "text"),
            Year = year,
            Verdict = verdict,
            Findings = verdict == Verdict.Failed ? [new Finding("T3-BALANCE", Severity.Error, "表三不平衡", ["applications.newReceived.total"], 9, 7)] : [],
        },
    };
}
