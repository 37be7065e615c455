using MailRelay.Core.Audit;
using MailRelay.Core.Forwarding;

namespace MailRelay.Core.Inbound;

/// <summary>An admin's "Upload message": the file goes through the same intake as received mail.</summary>
public sealed class MessageUpload(MessageIntake intake, IForwardingScheduler forwarding, AuditLog audit, TimeProvider time)
{
    /// <summary>The largest message an admin may upload (the page and the API alike).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public async Task<(IntakeResult Result, string MessageId)> UploadAsync(string actorId, Stream content, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        // Spooled to a temporary file so the message is streamed, hashed and stored without being held in memory.
        var spool = Path.Combine(Path.GetTempPath(), $"mailrelay-upload-{Guid.NewGuid():N}.eml");
        try
        {
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                await content.CopyToAsync(file, cancellationToken);
            string id;
            await using (var file = File.OpenRead(spool)) id = await ContentId.ComputeAsync(file, cancellationToken);
            var item = new InboundItem(spool, id, "upload", recipients, Verdicts.Unknown, time.GetUtcNow(), null,
                _ => Task.FromResult<Stream>(File.OpenRead(spool)));
            var result = await intake.AcceptAsync(item, cancellationToken);
            await audit.RecordAsync(actorId, AuditActions.MessageUpload, id, $"recipients: {string.Join(", ", recipients)}; {result}", cancellationToken);
            await forwarding.RunSoonAsync(cancellationToken);
            return (result, id);
        }
        finally
        {
            File.Delete(spool);
        }
    }
}
