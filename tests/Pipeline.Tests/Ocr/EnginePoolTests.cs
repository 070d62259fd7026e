using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class EnginePoolTests
{
    [Fact]
    public void TwoThreadsReadingAtOnceEachHaveTheirOwnEngineAndThenShareThemOut()
    {
        using var pool = new EnginePool();
        var cells = new CellRecognizer(pool, new CellReadOptions(CheckLanguage: null));
        var numbers = new[] { "205", "1024" };
        var images = numbers.Select(n => RenderedText.Cell(n, 300, 60)).ToArray();
        var engines = new TesseractEngine?[2];
        var reads = new string?[2];
        var errors = new Exception?[2];

        // Both threads hold their lease at the same moment, so neither can be handed the other's engine.
        using var bothHold = new Barrier(2);
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            try
            {
                using (var lease = pool.Rent("chi_sim"))
                {
                    engines[i] = lease.Engine;
                    bothHold.SignalAndWait(TimeSpan.FromSeconds(30));
                }

                for (var k = 0; k < 3; k++)
                {
                    reads[i] = cells.ReadNumber(images[i]).Text;
                }
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(errors, Assert.Null);
        Assert.NotSame(engines[0], engines[1]);
        Assert.Equal(numbers, reads);

        // Six cells later there are still only the two engines: none per cell.
        Assert.Equal(2, pool.CreatedCount);
    }

    [Fact]
    public void ReadingOneAfterAnotherReusesOneEngine()
    {
        using var pool = new EnginePool();

        var first = pool.Use("eng", engine => engine);
        var second = pool.Use("eng", engine => engine);

        Assert.Same(first, second);
        Assert.Equal(1, pool.CreatedCount);
    }

    [Fact]
    public void ADisposedPoolLendsNoMore()
    {
        var pool = new EnginePool();
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Rent("eng"));
    }
}
