using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Outbound.Adapters;

/// <summary>
/// The local stand-in for the SES events queue: <c>*.json</c> files in <c>App_Data/outbound-events/</c>,
/// each an SES event (raw or in its SNS envelope), so the flow can be tried without AWS. A file that
/// is not a usable event is moved to <c>rejected/</c> with the reason logged; nothing is deleted unread.
/// </summary>
public sealed partial class FolderOutboundEventSource(string folder, TimeProvider time, ILogger<FolderOutboundEventSource> logger) : IOutboundEventSource
{
    public const string RejectedFolder = "rejected";

    // A file changed this recently may still be being written; read half a file as JSON and it would be rejected.
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);

    public async Task<IReadOnlyList<OutboundEventItem>> ReceiveAsync(int maxItems, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var items = new List<OutboundEventItem>();
        var now = time.GetUtcNow();
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.json").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (items.Count == maxItems) break;
            if (now - file.LastWriteTimeUtc < QuietPeriod) continue;
            string body;
            try
            {
                body = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            catch (IOException)
            {
                continue; // Still being written: the next run reads it.
            }
            var parsed = SesEventParser.Parse(body);
            if (parsed.Event is { } outboundEvent) items.Add(new OutboundEventItem(file.FullName, outboundEvent));
            else if (parsed.Ignored is not null) File.Delete(file.FullName);
            else Reject(file, parsed.Error!);
        }
        return items;
    }

    public Task AcknowledgeAsync(OutboundEventItem item, CancellationToken cancellationToken)
    {
        File.Delete(item.Handle);
        return Task.CompletedTask;
    }

    private void Reject(FileInfo file, string reason)
    {
        var rejected = Directory.CreateDirectory(Path.Combine(folder, RejectedFolder));
        file.MoveTo(Path.Combine(rejected.FullName, file.Name), overwrite: true);
        LogRejected(logger, file.Name, reason);
    }

    [LoggerMessage(LogLevel.Warning, "Outbound event file {FileName} is not a usable SES event and was moved to rejected/: {Reason}")]
    private static partial void LogRejected(ILogger logger, string fileName, string reason);
}
