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
                ? "不支持的文件格式。请提交 txt、html 或 docx 格式的年度报告。"
                : $"这是{format}文件，目前只能读取 txt、html 或 docx 格式的年度报告。");
        }

        try
        {
            var layout = reader.Read(file, cancellationToken);
            var report = mapper.Map(layout);
            Mapped?.Invoke(file.Name, report);
            if (report.Sections.Count < 2 && report.Applications is null && report.ActiveDisclosure is null && report.ReviewLitigation is null)
            {
                return ResultBuilder.Unreadable(id, file.Name, reader.Kind, "文件中没有找到年度报告的六个部分或表二、表三、表四，这似乎不是政府信息公开工作年度报告。");
            }

            return ResultBuilder.Build(id, file.Name, report, validator.Validate(report));
        }
        catch (UnreadableException e)
        {
            return ResultBuilder.Unreadable(id, file.Name, reader.Kind, e.Message);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect of ours must not lose the upload or crash a batch: record it and go on.
            return ResultBuilder.Unreadable(id, file.Name, reader.Kind, $"读取文件时出现内部错误（{e.GetType().Name}），原件已保留，请联系管理员。");
        }
    }

    private string TooLarge(long bytes) =>
        $"文件大小 {Megabytes(bytes)} MB，超过上限 {Megabytes(limits.MaxBytes)} MB。年度报告通常只有几 MB，请确认文件是否正确。";

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
