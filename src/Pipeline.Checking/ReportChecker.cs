using System.Security.Cryptography;
using Pipeline.Mapping;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Reading;
using Pipeline.Rules;

namespace Pipeline.Checking;

/// <summary>
/// The pipeline's core: bytes in, the spec's result out. It knows nothing of files on disk,
/// HTTP or Azure; hosts hand it bytes. Whatever the input, it returns a result and never throws.
/// </summary>
public sealed class ReportChecker(IReadOnlyList<IReportReader> readers, ReportMapper mapper, ReportValidator validator, CheckLimits limits)
{
    /// <summary>Each report as mapped, before it is judged (the bench compares its running text with the truth).</summary>
    public event Action<string, AnnualReport>? Mapped;

    /// <summary>
    /// Checks a file given as a stream. Only files within the size limit are held in memory;
    /// a larger one is hashed as it streams past and refused, so its id is still its bytes' hash.
    /// </summary>
    public CheckResult Check(string name, Stream content, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (total > MaxHashedBytes)
            {
                // An endless stream (a device, a pipe that never closes) is not hashed to its end: the id is then
                // the hash of its first bytes, and the reason says it was at least this large.
                break;
            }

            hash.AppendData(buffer, 0, read);
            if (total + read <= limits.MaxBytes)
            {
                kept.Write(buffer, 0, read);
            }

            total += read;
        }

        var id = Convert.ToHexStringLower(hash.GetHashAndReset());
        return total > limits.MaxBytes
            ? ResultBuilder.Unreadable(id, name, null, TooLarge(total))
            : Check(id, new InputFile(name, kept.ToArray()), cancellationToken);
    }

    /// <summary>
    /// The result for a file a host could not open (a dangling link, a pipe, no permission): unreadable, with the
    /// host's reason. Its id is empty, as there are no bytes to hash.
    /// </summary>
    public static CheckResult NotOpened(string name, string reason) => ResultBuilder.Unreadable(string.Empty, name, null, reason);

    public CheckResult Check(InputFile file, CancellationToken cancellationToken = default) =>
        Check(Convert.ToHexStringLower(SHA256.HashData(file.Content.Span)), file, cancellationToken);

    /// <summary>The checks proper, for a file whose hash is already known (the stream path hashed it on the way in).</summary>
    private CheckResult Check(string id, InputFile file, CancellationToken cancellationToken)
    {
        if (file.Content.Length == 0)
        {
            return ResultBuilder.Unreadable(id, file.Name, null, "文件是空的（0 字节），请检查上传的文件。");
        }

        if (file.Content.Length > limits.MaxBytes)
        {
            return ResultBuilder.Unreadable(id, file.Name, null, TooLarge(file.Content.Length));
        }

        var reader = readers.FirstOrDefault(r => r.CanRead(file));
        if (reader is null)
        {
            var format = FileSignature.Describe(file);
            return ResultBuilder.Unreadable(id, file.Name, null, format is null
                ? $"不支持的文件格式。请提交 {FileSignature.SupportedKinds} 格式的年度报告。"
                : $"这是 {format} 文件，不是年度报告文档。目前能读取 {FileSignature.SupportedKinds} 格式的年度报告{(format.Contains("图片", StringComparison.Ordinal) ? "；扫描得到的图片请先合成 PDF 再提交" : string.Empty)}。");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        using var memory = new MemoryBudget(limits.MaxDocumentMegabytes * 1024L * 1024, deadline);
        try
        {
            return Isolated(() => Read(id, file, reader, deadline.Token), limits.Timeout);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ResultBuilder.Unreadable(id, file.Name, reader.Kind, memory.Exceeded ? OverBudget() : TimedOut());
        }
        catch (TimeoutException)
        {
            return ResultBuilder.Unreadable(id, file.Name, reader.Kind, TimedOut());
        }
    }

    /// <summary>How far a stream over the size limit is still hashed for its id before it is given up.</summary>
    private long MaxHashedBytes => limits.MaxBytes * 4;

    /// <summary>Stack for a document's thread: far deeper than any structure the readers' limits let through.</summary>
    private const int ReaderStackBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Runs one document on a thread of its own with a deep stack, and waits no longer than the deadline and a grace
    /// period. Readers stop at the deadline themselves; a parser that did not (a defect) is abandoned rather than let
    /// hold up the batch, and its document gets the timeout's result.
    /// </summary>
    private static CheckResult Isolated(Func<CheckResult> work, TimeSpan timeout)
    {
        CheckResult? result = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }
            },
            ReaderStackBytes)
        { IsBackground = true, Name = "check" };
        thread.Start();
        if (!thread.Join(timeout + TimeSpan.FromSeconds(15)))
        {
            throw new TimeoutException();
        }

        failure?.Throw();
        return result!;
    }

    private CheckResult Read(string id, InputFile file, IReportReader reader, CancellationToken cancellationToken)
    {
        try
        {
            var layout = reader.Read(file, cancellationToken);
            var (report, validation) = new SureNumbers(mapper, validator).Judge(layout);
            Mapped?.Invoke(file.Name, report);
            if (report.Sections.Count < 2 && report.Applications is null && report.ActiveDisclosure is null && report.ReviewLitigation is null)
            {
                return ResultBuilder.Unreadable(id, file.Name, reader.Kind, "文件中没有找到年度报告的六个部分或表二、表三、表四，这似乎不是政府信息公开工作年度报告。");
            }

            cancellationToken.ThrowIfCancellationRequested();
            var result = ResultBuilder.Build(id, file.Name, report, validation);
            var reports = MultipleReports.Count(layout);
            return reports > 1 ? MultipleReports.Flag(result, reports) : result;
        }
        catch (UnreadableException e)
        {
            return ResultBuilder.Unreadable(id, file.Name, reader.Kind, e.Message);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (InsufficientExecutionStackException)
        {
            return ResultBuilder.Unreadable(id, file.Name, reader.Kind, "文件的结构嵌套过深，超出了可以安全读取的范围，可能是损坏或恶意构造的文件。");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect of ours must not lose the upload or crash a batch: record it and go on.
            return ResultBuilder.Unreadable(id, file.Name, reader.Kind, $"读取文件时出现内部错误（{e.GetType().Name}），原件已保留，请联系管理员。");
        }
    }

    private string OverBudget() =>
        $"读取这份文件所需的内存超过上限（{limits.MaxDocumentMegabytes} MB），文件可能过于复杂或是恶意构造的，已停止处理。原件已保留。";

    private string TimedOut() =>
        $"读取和检查超过时限（{limits.Timeout.TotalSeconds:0} 秒）仍未完成，文件可能过于复杂或是恶意构造的，已停止处理。原件已保留。";

    private string TooLarge(long bytes) =>
        $"文件大小{(bytes > MaxHashedBytes ? "至少" : string.Empty)} {Megabytes(bytes)} MB，超过上限 {Megabytes(limits.MaxBytes)} MB。年度报告通常只有几 MB，请确认文件是否正确。";

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
