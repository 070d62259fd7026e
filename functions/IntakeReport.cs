using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Intake;

namespace Pipeline.Functions;

/// <summary>A report dropped at <c>drop/{office}/{name}</c> (Event Grid delivers the event, at least once): taken in by the intake service.</summary>
public sealed class IntakeReport(IntakeService intake)
{
    [Function(nameof(IntakeReport))]
    public async Task Run(
        [BlobTrigger("drop/{office}/{name}", Source = BlobTriggerSource.EventGrid, Connection = SettingKeys.DropStorage)] BlobClient blob,
        string office,
        string name,
        CancellationToken cancellationToken)
    {
        // The original is only read (never moved or changed). It is held in memory to be hashed and then checked;
        // the checker refuses anything over its size limit.
        var content = new MemoryStream();
        var download = await blob.DownloadToAsync(content, cancellationToken);
        content.Position = 0;
        var etag = download.Headers.ETag?.ToString();
        await intake.TakeInAsync(new IntakeRequest(office, name, $"{blob.BlobContainerName}/{blob.Name}", etag, content), cancellationToken);
    }
}
