using Pipeline.Corpus.Truth;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Generation;

/// <summary>
/// Table 二 in either format. Local bodies make no 规章, so those rows are zero; the rest are
/// drawn in plausible ranges, with in-force counts never below what was issued.
/// </summary>
public static class ActiveDisclosureFactory
{
    public static TruthTable Create(Random rng, Vintage vintage)
    {
        var builder = new TruthTableBuilder();
        foreach (var item in ActiveDisclosureSchema.Items(vintage))
        {
            foreach (var row in item.Rows)
            {
                var values = vintage == Vintage.Format2021 ? Row2021(rng, row.Key) : Row2019(rng, row.Key);
                foreach (var column in item.Columns)
                {
                    builder.Set(row.Key, column.Key, values[column.Key]);
                }
            }
        }

        return builder.Build();
    }

    private static Dictionary<string, decimal> Row2021(Random rng, string row)
    {
        switch (row)
        {
            case "regulations":
                return new() { ["issued"] = 0, ["repealed"] = 0, ["inForce"] = 0 };
            case "normativeDocuments":
                var issued = rng.Next(0, 7);
                return new() { ["issued"] = issued, ["repealed"] = rng.Next(0, 3), ["inForce"] = issued + rng.Next(0, 25) };
            case "fees":
                return new() { ["amount"] = rng.Chance(0.3) ? rng.Next(1, 50000) / 100m : 0 };
            default:
                return new() { ["decisions"] = Decisions(rng, row) };
        }
    }

    private static Dictionary<string, decimal> Row2019(Random rng, string row)
    {
        switch (row)
        {
            case "regulations":
                return new() { ["newlyMade"] = 0, ["newlyPublished"] = 0, ["totalPublished"] = 0 };
            case "normativeDocuments":
                var made = rng.Next(0, 7);
                return new() { ["newlyMade"] = made, ["newlyPublished"] = made, ["totalPublished"] = made + rng.Next(0, 25) };
            case "fees":
                var fees = rng.Next(0, 6);
                return new() { ["previousCount"] = fees, ["change"] = rng.Next(-Math.Min(fees, 2), 3) };
            case "procurement":
                var projects = rng.Chance(0.4) ? rng.Next(1, 10) : 0;
                return new() { ["projects"] = projects, ["amount"] = projects > 0 ? rng.Next(100, 500000) / 100m : 0 };
            default:
                var previous = rng.Chance(0.5) ? rng.Next(1, 60) : 0;
                var change = previous > 0 ? rng.Next(-Math.Min(previous, 5), 6) : rng.Next(0, 3);
                return new() { ["previousCount"] = previous, ["change"] = change, ["decisions"] = previous + change > 0 ? Decisions(rng, row) : 0 };
        }
    }

    private static int Decisions(Random rng, string row) => row switch
    {
        "licensing" => rng.Chance(0.5) ? rng.Next(1, 600) : 0,
        "punishment" => rng.Chance(0.5) ? rng.Next(1, 200) : 0,
        _ => rng.Chance(0.3) ? rng.Next(1, 30) : 0,
    };
}
