using System.Collections.Concurrent;
using MailRelay.Core.Inbound.Headers;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>
/// The embedded default intake: <c>.eml</c> files dropped into <c>App_Data/inbox/</c>. Envelope
/// recipients come from a sidecar <c>name.eml.json</c> (<c>{"recipients": [...]}</c>) when there is
/// one, else from the To header; a file whose sidecar cannot be used stays for an admin (<see cref="FolderStuckInboxItems"/>) (a dropped file has no envelope). A file is removed only once its
/// message is stored; one still being written (changed in the last half second) is left for the next read.
/// </summary>
public sealed partial class FolderInboundSource(string folder, TimeProvider time, ILogger<FolderInboundSource> logger) : IInboundSource
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);

    // Stuck files by the write time of their sidecar when they were found stuck: read and logged
    // once, then skipped until the sidecar changes (fixed, or set aside by a release).
    private readonly ConcurrentDictionary<string, DateTime> _stuck = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<InboundItem>> ReceiveAsync(int maxItems, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var items = new List<InboundItem>();
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            if (items.Count == maxItems) break;
            if (now - file.LastWriteTimeUtc < QuietPeriod) continue;
            if (_notBefore.TryGetValue(file.FullName, out var notBefore) && now < notBefore) continue;
            if (_stuck.TryGetValue(file.FullName, out var sidecarSeen) && sidecarSeen == SidecarWrittenAt(file.FullName)) continue;
            try
            {
                var (recipients, problem) = await EnvelopeSidecar.ReadAsync(file.FullName, cancellationToken);
                if (problem is null)
                {
                    items.Add(await ReadAsync(file, recipients, cancellationToken));
                    continue;
                }
                // Listed for admins by FolderStuckInboxItems; only a release or a fixed sidecar changes it.
                LogStuck(logger, file.Name, problem);
                _stuck[file.FullName] = SidecarWrittenAt(file.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogUnreadable(logger, e, file.Name);
                _notBefore[file.FullName] = now.AddSeconds(30);
            }
        }
        return items;
    }

    public Task AcknowledgeAsync(InboundItem item, CancellationToken cancellationToken)
    {
        File.Delete(item.Handle);
        File.Delete(EnvelopeSidecar.PathOf(item.Handle));
        File.Delete(EnvelopeSidecar.ReleasedPathOf(item.Handle));
        _notBefore.TryRemove(item.Handle, out _);
        _stuck.TryRemove(item.Handle, out _);
        return Task.CompletedTask;
    }

    /// <summary>When the file's sidecar was last written; a fixed date when there is none (set aside by a release).</summary>
    private static DateTime SidecarWrittenAt(string emlPath) => File.GetLastWriteTimeUtc(EnvelopeSidecar.PathOf(emlPath));

    public Task AbandonAsync(InboundItem item, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        _notBefore[item.Handle] = time.GetUtcNow() + retryAfter;
        return Task.CompletedTask;
    }

    public Task<int> CountWaitingAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml").Count() : 0);

    private static async Task<InboundItem> ReadAsync(FileInfo file, IReadOnlyList<string>? sidecarRecipients, CancellationToken cancellationToken)
    {
        string id;
        await using (var stream = file.OpenRead()) id = await ContentId.ComputeAsync(stream, cancellationToken);
        var recipients = sidecarRecipients;
        if (recipients is null)
        {
            await using var stream = file.OpenRead();
            recipients = await MessageHeaderReader.ReadToAddressesAsync(stream, cancellationToken);
        }
        var path = file.FullName;
        return new InboundItem(path, id, "folder", recipients, Verdicts.Unknown, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), null,
            _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)));
    }

    [LoggerMessage(LogLevel.Warning, "Dropped file {FileName} is stuck in the inbox until an admin releases or deletes it: {Reason}")]
    private static partial void LogStuck(ILogger logger, string fileName, string reason);

    [LoggerMessage(LogLevel.Warning, "Dropped file {FileName} could not be read; it stays in the inbox and is tried again later")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string fileName);
}
