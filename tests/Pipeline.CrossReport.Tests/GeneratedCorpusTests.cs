using Pipeline.Cli.CrossBench;

namespace Pipeline.CrossReport.Tests;

/// <summary>
/// The X-rules over generated bodies and years: each rule fires on exactly the cells the generator broke, and
/// X-DUPLICATE on exactly the reports it made as copies (its own record of them, not the rules' measure).
/// </summary>
public sealed class GeneratedCorpusTests : IDisposable
{
    private readonly string _folder;
    private readonly Pipeline.Storage.SqliteStore _store;

    public GeneratedCorpusTests() => _store = Reports.TempStore(out _folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_rule_fires_on_exactly_the_broken_cells_and_copies()
    {
        var rules = Reports.Rules(_store);
        var generated = CrossBenchCorpus.Generate(600, 150).ToList();
        foreach (var item in generated)
        {
            await Reports.AddAsync(_store, rules, item.Report);
        }

        Assert.Contains(generated, g => g.BrokenCarryCells.Count > 0);
        Assert.Contains(generated, g => g.BrokenInForceCells.Count > 0);
        Assert.Contains(generated, g => g.CopiedFromId is not null);
        Assert.Contains(generated, g => g.RepeatsPreviousYear);
        var firstYear = generated.Min(g => g.Report.Result.Year);
        foreach (var item in generated)
        {
            var result = await rules.EvaluateAsync(item.Report.Office, item.Report.Id, item.Report.Result);
            var label = $"{item.Report.Office} {item.Report.Result.Year}";

            var carry = Reports.Of(result, CarryOverRule.Id);
            Assert.Equal(item.BrokenCarryCells.Order(), carry.Where(f => f.Checked).Select(f => f.Cells.Single()).Order());
            Assert.Equal(item.Report.Result.Year == firstYear, carry.Any(f => !f.Checked));

            var inForce = Reports.Of(result, InForceRule.Id).Where(f => f.Checked).Select(f => f.Cells[0]);
            Assert.Equal(item.BrokenInForceCells, inForce);

            var duplicates = Reports.Of(result, DuplicateTextRule.Id).Where(f => f.Checked).ToList();
            // Repeating last year: the generator wrote this text from the one it gave the same body the year before.
            var lastYear = generated.SingleOrDefault(g => g.Report.Office == item.Report.Office && g.Report.Result.Year == item.Report.Result.Year - 1);
            Assert.True(item.RepeatsPreviousYear || lastYear?.Lineage != item.Lineage || item.CopiedFromId is not null);
            Assert.True((lastYear?.Lineage == item.Lineage) == duplicates.Any(f => !f.Message.Contains("可能照搬", StringComparison.Ordinal)), label);
            if (item.CopiedFromId is { } source)
            {
                Assert.Contains(duplicates, f => f.Message.Contains(source[..12], StringComparison.Ordinal));
            }

            // Whatever another body's report it names shares this one's text lineage in the generator.
            foreach (var other in generated.Where(g => g.Report.Result.Year == item.Report.Result.Year && g.Report.Office != item.Report.Office
                && duplicates.Any(f => f.Message.Contains(g.Report.Id[..12], StringComparison.Ordinal))))
            {
                Assert.Equal(item.Lineage, other.Lineage);
            }
        }
    }
}
