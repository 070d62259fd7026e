using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Generation;

/// <summary>
/// Table 三, balanced by construction: each applicant column is drawn as received + carried
/// over = handled + carried forward, the handled ones spread over the result rows, and the
/// total column is the sum of the six. Every identity of the rules then holds.
/// </summary>
public static class ApplicationsFactory
{
    public const string NewReceived = "newReceived";
    public const string CarriedOver = "carriedOver";
    public const string ResultTotal = "resultTotal";
    public const string CarriedForward = "carriedForward";

    /// <summary>How often each result occurs in real reports: mostly granted or not held.</summary>
    private static readonly Dictionary<string, int> ResultWeights = new(StringComparer.Ordinal)
    {
        ["granted"] = 40,
        ["partiallyGranted"] = 8,
        ["unableToProvide.notHeld"] = 15,
        ["unableToProvide.needsCreation"] = 3,
        ["unableToProvide.stillUnclear"] = 3,
        ["notProcessed.petition"] = 5,
        ["notProcessed.duplicate"] = 3,
        ["otherHandling"] = 4,
        ["otherHandling.noCorrection"] = 3,
        ["otherHandling.other"] = 2,
    };

    public static IReadOnlyList<string> ApplicantColumns { get; } =
        ApplicationsSchema.Columns.Select(c => c.Key).Where(k => k != ApplicationsSchema.Total).ToList();

    public static TruthTable Create(Random rng, Vintage vintage, bool withApplications)
    {
        var resultRows = ApplicationsSchema.ResultRows(vintage).ToList();
        var weights = resultRows.Select(r => ResultWeights.GetValueOrDefault(r, 1)).ToList();
        var values = new Dictionary<(string Row, string Column), int>();
        foreach (var column in ApplicantColumns)
        {
            var received = withApplications ? Received(rng, column) : 0;

            // Only a body that receives applications has any left over from last year.
            var carriedOver = received > 0 && rng.Chance(0.3) ? rng.Next(1, 3) : 0;
            var open = received + carriedOver;
            var carriedForward = open > 0 && rng.Chance(0.35) ? rng.Next(0, Math.Min(open, 3) + 1) : 0;
            var handled = open - carriedForward;

            values[(NewReceived, column)] = received;
            values[(CarriedOver, column)] = carriedOver;
            values[(CarriedForward, column)] = carriedForward;
            values[(ResultTotal, column)] = handled;
            foreach (var row in resultRows)
            {
                values[(row, column)] = 0;
            }

            for (var i = 0; i < handled; i++)
            {
                values[(resultRows[rng.PickWeighted(weights)], column)]++;
            }
        }

        var builder = new TruthTableBuilder();
        foreach (var row in ApplicationsSchema.Rows(vintage))
        {
            foreach (var column in ApplicantColumns)
            {
                builder.Set(row.Key, column, values[(row.Key, column)]);
            }

            builder.Set(row.Key, ApplicationsSchema.Total, ApplicantColumns.Sum(c => values[(row.Key, c)]));
        }

        return builder.Build();
    }

    /// <summary>Natural persons apply most; organisations seldom. A body with applications has at least one.</summary>
    private static int Received(Random rng, string column) => column switch
    {
        "naturalPerson" => rng.Next(1, 25),
        "commercial" => rng.Chance(0.4) ? rng.Next(1, 6) : 0,
        "legalService" => rng.Chance(0.2) ? rng.Next(1, 4) : 0,
        "otherOrg" => rng.Chance(0.15) ? rng.Next(1, 4) : 0,
        _ => rng.Chance(0.1) ? rng.Next(1, 3) : 0,
    };
}
