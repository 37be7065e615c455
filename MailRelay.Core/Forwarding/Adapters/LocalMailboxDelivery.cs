using MailRelay.Core.Storage;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// Delivers into a folder per user (<c>App_Data/mailboxes/{user}/</c>), one <c>.eml</c> per message,
/// named after the message id so delivering the same message twice keeps one copy.
/// </summary>
public sealed class LocalMailboxDelivery(string root) : IMailboxDelivery, ILocalMailboxes
{
    public async Task<MailboxDeliveryResult> DeliverAsync(MailboxDeliveryRequest request, CancellationToken cancellationToken)
    {
        var folder = FolderOf(request.UserId);
        Directory.CreateDirectory(folder);
        var name = FileNameOf(request.MessageId);
        var path = Path.Combine(folder, name);
        if (File.Exists(path)) return MailboxDeliveryResult.Delivered(name);
        var temporary = path + ".tmp";
        try
        {
            await using (var raw = await request.OpenRaw(cancellationToken))
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await raw.CopyToAsync(file, cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
            return MailboxDeliveryResult.Delivered(name);
        }
        catch (BlobNotFoundException e)
        {
            return MailboxDeliveryResult.Refused($"The raw message is missing: {e.Message}");
        }
        catch (IOException e)
        {
            // A full disk or a locked folder passes; the delivery is retried later.
            return MailboxDeliveryResult.Transient($"Could not write to the local mailbox: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The user's delivered files, newest first.</summary>
    public IReadOnlyList<FileInfo> List(string userId)
    {
        var folder = new DirectoryInfo(FolderOf(userId));
        return folder.Exists ? folder.GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ToList() : [];
    }

    private string FolderOf(string userId) => Path.Combine(root, Safe(userId));

    private static string FileNameOf(string messageId) => Safe(messageId) + ".eml";

    private static string Safe(string value) =>
        new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' ? c : '_').ToArray());
}
