using System.Text.Json;

namespace Pipeline.Intake.Tests.Services;

/// <summary>A sample's truth file (written by the corpus generator, not by the checker): the oracle for numbers in emails.</summary>
public sealed class SampleTruth(JsonElement root)
{
    public static SampleTruth Of(string sample) =>
        new(JsonDocument.Parse(File.ReadAllText(Repository.Sample(Path.ChangeExtension(sample, null) + ".truth.json"))).RootElement);

    public decimal Cell(string table, string row, string column) =>
        root.GetProperty("tables").GetProperty(table).GetProperty(row).GetProperty(column).GetDecimal();

    public IReadOnlyList<string> ExpectedRules => [.. root.GetProperty("expectedRules").EnumerateArray().Select(e => e.GetString()!)];

    public int Year => root.GetProperty("year").GetInt32();
}
