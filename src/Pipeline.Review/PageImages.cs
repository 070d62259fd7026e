using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Intake;
using Pipeline.Storage;

namespace Pipeline.Review;

/// <summary>
/// A page of a stored PDF original as a PNG, rendered on first request by pdftoppm and kept in a cache
/// folder (by report id, which is the hash of the bytes: a cached page never goes stale).
/// </summary>
public sealed class PageImages(IOriginals originals, ReviewOptions options)
{
    /// <summary>Enough to read the digits and see the rulings, small enough to load at once.</summary>
    public const int Dpi = 100;

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public static bool HasPages(StoredReport report) =>
        report.Result.Source.Kind is "pdf-text" or "pdf-scan" or "document-intelligence"
        || report.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page's PNG and its size in pixels, or null when the page does not exist or cannot be drawn.</summary>
    public async Task<PageImage?> GetAsync(StoredReport report, int page, CancellationToken cancellationToken)
    {
        if (page < 1 || page > 10_000)
        {
            return null;
        }

        Directory.CreateDirectory(options.CacheFolder);
        var target = Path.Combine(options.CacheFolder, $"{report.Id}-p{page}-{Dpi}.png");
        var gate = _locks.GetOrAdd(target, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(target))
            {
                await RenderAsync(report, page, target, cancellationToken);
            }

            return File.Exists(target) ? PageImage.Of(target) : null;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RenderAsync(StoredReport report, int page, string target, CancellationToken cancellationToken)
    {
        var work = Path.Combine(options.CacheFolder, "work-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        try
        {
            var pdf = Path.Combine(work, "original.pdf");
            await using (var source = await originals.OpenAsync(report.Path, cancellationToken))
            await using (var copy = File.Create(pdf))
            {
                await source.CopyToAsync(copy, cancellationToken);
            }

            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-f", $"{page}", "-l", $"{page}", "-r", $"{Dpi}", "-png", "-singlefile", pdf, Path.Combine(work, "page") })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("无法启动 pdftoppm。");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(RenderTimeout);
            try
            {
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                await errors;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var png = Path.Combine(work, "page.png");
            if (process.ExitCode == 0 && File.Exists(png))
            {
                File.Move(png, target, overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

/// <summary>A rendered page: the file and its size in pixels (from the PNG header) at <see cref="PageImages.Dpi"/>.</summary>
public sealed record PageImage(string Path, int Width, int Height)
{
    /// <summary>Points per pixel: the result's boxes are in points from the page's top-left corner.</summary>
    public double PointsWide => Width * 72.0 / PageImages.Dpi;

    public double PointsHigh => Height * 72.0 / PageImages.Dpi;

    public static PageImage Of(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        return new PageImage(path, BinaryPrimitives.ReadInt32BigEndian(header[16..20]), BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }
}
