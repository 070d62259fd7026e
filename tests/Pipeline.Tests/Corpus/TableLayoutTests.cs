using Pipeline.Corpus.Documents;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Truth;

namespace Pipeline.Tests.Corpus;

public sealed class TableLayoutTests
{
    [Theory]
    [MemberData(nameof(CorpusSeeds.Sweep), MemberType = typeof(CorpusSeeds))]
    public void EveryGridIsRectangularWithEachColumnCoveredOnce(int seed)
    {
        var truth = DocumentMutations.Tables.Apply(TruthFactory.Create(seed), new Random(seed));

        foreach (var table in DocumentLayout.Build(truth).Select(b => b.Table).OfType<GridTable>())
        {
            var covered = new int[table.Rows.Count, table.ColumnCount];
            for (var r = 0; r < table.Rows.Count; r++)
            {
                foreach (var cell in table.Rows[r].Cells.Where(c => !c.Continuation))
                {
                    for (var dr = 0; dr < cell.RowSpan; dr++)
                    {
                        for (var dc = 0; dc < cell.ColSpan; dc++)
                        {
                            covered[r + dr, cell.Column + dc]++;
                        }
                    }
                }
            }

            Assert.All(covered.Cast<int>(), n => Assert.Equal(1, n));
        }
    }

    [Fact]
    public void ValueCellsCarryTheSpecAddressOfTheirValue()
    {
        var truth = TruthFactory.Create(31);
        var tables = DocumentLayout.Build(truth).Select(b => b.Table).OfType<GridTable>().ToList();

        var addresses = tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells)).Where(c => c.IsValue).Select(c => c.Address!).ToList();

        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.Contains("applications.withheld.stateSecret.naturalPerson", addresses);
        Assert.Contains("reviewLitigation.review.total", addresses);
        Assert.Contains("activeDisclosure.fees." + truth.Tables.ActiveDisclosure.Row("fees")!.Cells[^1].Column, addresses);
        var cellCount = truth.Tables.ActiveDisclosure.Rows.Concat(truth.Tables.Applications.Rows).Concat(truth.Tables.ReviewLitigation.Rows).Sum(r => r.Cells.Count);
        Assert.Equal(cellCount, addresses.Count);
    }
}
