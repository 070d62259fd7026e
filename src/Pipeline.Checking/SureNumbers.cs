using Pipeline.Mapping;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Rules;

namespace Pipeline.Checking;

/// <summary>
/// No number is sure on one model's word alone. A number the first model alone read with confidence
/// (<see cref="ISecondReading"/>) is sure when every identity of its table it takes part in holds (its row
/// total, its column's sums), so the table itself checks it; it then gets the model's confidence. Every other
/// one is read again by the second model. Before a report is called failed, every such cell a failing rule rests
/// on is read again too: the slow model stays off the common path and on every alarm.
/// </summary>
public sealed class SureNumbers(ReportMapper mapper, ReportValidator validator)
{
    public (AnnualReport Report, Validation Validation) Judge(LayoutDocument layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var report = mapper.Map(layout);
        if (layout.SecondReading is not { } second || second.SingleRead.Count == 0)
        {
            return (report, validator.Validate(report));
        }

        var single = second.SingleRead;
        var confirmed = ConfirmedByTable(report, single.Keys.ToHashSet());
        var again = second.ReadAgain([.. single.Keys.Except(confirmed)]);
        layout = Replaced(layout, again, confirmed.ToDictionary(p => p, p => single[p]));
        report = mapper.Map(layout);
        var validation = validator.Validate(report);
        if (validation.Verdict != Verdict.Failed)
        {
            return (report, validation);
        }

        // The table's identities held, yet a rule fails on such a cell: the second model reads it before the
        // report can be called failed.
        var alarmed = validation.Findings.Where(f => f.Checked && f.Severity == Severity.Error)
            .SelectMany(f => f.Cells)
            .Select(address => report.Cell(address) is { } cell ? CellPlace.Of(cell.Origin) : null)
            .OfType<CellPlace>()
            .Where(confirmed.Contains)
            .ToHashSet();
        if (alarmed.Count == 0)
        {
            return (report, validation);
        }

        layout = Replaced(layout, second.ReadAgain(alarmed), new Dictionary<CellPlace, double>());
        report = mapper.Map(layout);
        return (report, validator.Validate(report));
    }

    /// <summary>
    /// The single-read cells every identity they take part in holds for, and that take part in at least one: a
    /// cell no identity covers is not checked by its table.
    /// </summary>
    private HashSet<CellPlace> ConfirmedByTable(AnnualReport report, HashSet<CellPlace> single)
    {
        var holds = new Dictionary<CellPlace, bool>();
        foreach (var identity in validator.Identities(report))
        {
            var held = identity.Holds;
            foreach (var address in identity.Cells)
            {
                if (report.Cell(address) is { } cell && CellPlace.Of(cell.Origin) is { } place && single.Contains(place))
                {
                    holds[place] = holds.GetValueOrDefault(place, true) && held;
                }
            }
        }

        return [.. holds.Where(h => h.Value).Select(h => h.Key)];
    }

    /// <summary>The layout with the cells read again in their new reading, and the confirmed ones at their model's confidence.</summary>
    private static LayoutDocument Replaced(LayoutDocument layout, IReadOnlyDictionary<CellPlace, (string Text, double Confidence)> again, IReadOnlyDictionary<CellPlace, double> confirmed) =>
        layout.WithCells(cell => CellPlace.Of(cell.Origin) is not { } place ? cell
            : again.TryGetValue(place, out var read) ? cell with { Text = read.Text, Origin = cell.Origin with { Confidence = read.Confidence } }
            : confirmed.TryGetValue(place, out var confidence) ? cell with { Origin = cell.Origin with { Confidence = confidence } }
            : cell);
}
