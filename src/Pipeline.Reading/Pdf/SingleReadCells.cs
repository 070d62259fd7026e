using System.Collections.Concurrent;
using Pipeline.Imaging;
using Pipeline.Model.Layout;
using Pipeline.Ocr;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// One scanned document's numbers that PP-OCR alone read, each kept with its crop until the checker asks for
/// its second reading (<see cref="ISecondReading"/>). Filled from the pages' threads as they are read.
/// </summary>
internal sealed class SingleReadCells(Func<GrayImage, OcrText, OcrText> confirm, int parallelism) : ISecondReading
{
    private readonly ConcurrentDictionary<CellPlace, (GrayImage Crop, OcrText Sole)> cells = new();

    public IReadOnlyDictionary<CellPlace, double> SingleRead => cells.ToDictionary(c => c.Key, c => c.Value.Sole.Confidence);

    public void Add(IEnumerable<PendingCell> pending)
    {
        foreach (var cell in pending)
        {
            cells[cell.Place] = (cell.Crop, cell.Sole);
        }
    }

    public IReadOnlyDictionary<CellPlace, (string Text, double Confidence)> ReadAgain(IReadOnlyCollection<CellPlace> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var again = new ConcurrentDictionary<CellPlace, (string, double)>();
        Parallel.ForEach(
            places.Where(cells.ContainsKey),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            place =>
            {
                // Read again once: the cell then stands on two models' word, as any other does.
                if (cells.TryRemove(place, out var cell))
                {
                    var read = confirm(cell.Crop, cell.Sole);
                    again[place] = (read.Text, read.Confidence);
                }
            });
        return again;
    }
}

/// <summary>A number one model alone read on a page: its place, its crop and that model's reading.</summary>
internal sealed record PendingCell(CellPlace Place, GrayImage Crop, OcrText Sole);
