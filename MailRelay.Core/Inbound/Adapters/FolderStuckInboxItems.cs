namespace MailRelay.Core.Inbound.Adapters;

/// <summary>
/// The drop folder's stuck files: <c>.eml</c> files whose envelope sidecar cannot be used. Read from
/// the folder each time, so every instance sees the same list. Only a file listed as stuck is ever
/// released or deleted, and only inside the folder: a name is a plain file name, never a path.
/// </summary>
public sealed class FolderStuckInboxItems(string folder) : IStuckInboxItems
{
    public async Task<IReadOnlyList<StuckInboxItem>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) return [];
        var stuck = new List<StuckInboxItem>();
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            if (await ProblemOfAsync(file.FullName, cancellationToken) is { } reason)
                stuck.Add(new StuckInboxItem(file.Name, reason, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
        }
        return stuck;
    }

    public async Task<bool> ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        if (await StuckPathAsync(name, cancellationToken) is not { } path) return false;
        File.Move(EnvelopeSidecar.PathOf(path), EnvelopeSidecar.ReleasedPathOf(path), overwrite: true);
        return true;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await StuckPathAsync(name, cancellationToken) is not { } path) return false;
        File.Delete(path);
        File.Delete(EnvelopeSidecar.PathOf(path));
        return true;
    }

    /// <summary>The full path of the stuck file <paramref name="name"/> in the folder, or null when it is not one.</summary>
    private async Task<string?> StuckPathAsync(string name, CancellationToken cancellationToken)
    {
        if (!InboxItemName.IsPlain(name)) return null;
        var path = Path.Combine(Path.GetFullPath(folder), name);
        if (!string.Equals(Path.GetDirectoryName(path), Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) return null;
        return File.Exists(path) && await ProblemOfAsync(path, cancellationToken) is not null ? path : null;
    }

    private static async Task<string?> ProblemOfAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await EnvelopeSidecar.ReadAsync(path, cancellationToken)).Problem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Being written or moved right now: not stuck, intake tries it again.
            return null;
        }
    }
}
