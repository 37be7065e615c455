using MailRelay.Core.Common;
using MailRelay.Core.Inbound.Headers;
using MimeKit;

namespace MailRelay.Core.Notifications.Adapters;

/// <summary>
/// The pickup folder as the admin Outbox page reads it: the <c>.eml</c> files, newest first, and
/// one file's text and HTML parts (found by MimeKit). Only file names it lists itself can be opened.
/// </summary>
public sealed class OutboxFolder(string folder) : IOutbox
{
    /// <summary>Files larger than this are listed but not opened; notifications are a few KB.</summary>
    public const long MaxOpenBytes = 5 * 1024 * 1024;

    public string Location => folder;

    public async Task<Page<OutboxEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var files = Files();
        var entries = new List<OutboxEntry>();
        foreach (var file in files.Skip(Paging.Skip(skip)).Take(Paging.Take(take)))
        {
            var entry = await ReadEntryAsync(file, cancellationToken);
            if (entry is not null) entries.Add(entry);
        }
        return new Page<OutboxEntry>(entries, skip, take, files.Count);
    }

    /// <summary>The email in <paramref name="fileName"/>, or null when there is no such file in the folder (or it is too large).</summary>
    public async Task<OutboxEmail?> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        // A bare name of this folder only: no separators, no "..", nothing but .eml.
        if (System.IO.Path.GetFileName(fileName) != fileName || !fileName.EndsWith(".eml", StringComparison.OrdinalIgnoreCase)) return null;
        var file = new FileInfo(System.IO.Path.Combine(folder, fileName));
        if (!file.Exists || file.Length > MaxOpenBytes) return null;
        var entry = await ReadEntryAsync(file, cancellationToken);
        if (entry is null) return null;
        try
        {
            using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            return new OutboxEmail(entry, ForDisplay(message.TextBody), ForDisplay(message.HtmlBody));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // removed or still locked meanwhile
        }
        catch (FormatException)
        {
            return new OutboxEmail(entry, null, null); // listed by its headers, but MimeKit finds no parts to show
        }
    }

    /// <summary>The part as the page shows it: the line breaks of the text, not of the wire, and none trailing.</summary>
    private static string? ForDisplay(string? part) => part?.ReplaceLineEndings("\n").TrimEnd('\n');

    private List<FileInfo> Files() =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles("*.eml")
                .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).ToList()
            : [];

    private static async Task<OutboxEntry?> ReadEntryAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = file.OpenRead();
            var summary = await MessageHeaderReader.ReadSummaryAsync(stream, file.Length, cancellationToken);
            return new OutboxEntry(file.Name, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), summary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // removed or still locked meanwhile: the next look lists it again
        }
    }
}
