using System.Text.RegularExpressions;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>The embedded default: one file per blob under a folder. Writes go to a temporary file
/// first and are renamed into place, so a crash never leaves a half-written blob under its key.</summary>
public sealed partial class FolderBlobStore(string root) : IBlobStore
{
    public async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            long size;
            // Unbuffered: the copy's own buffer goes straight to the file, not through a second one of the stream's.
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                size = file.Position;
            }
            File.Move(temporary, path, overwrite: true);
            return size;
        }
        catch
        {
            // Deleting a file that is not there is no error: one call, no check first.
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) throw new BlobNotFoundException(key);
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public Task<long> SizeAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(key));
        return file.Exists ? Task.FromResult(file.Length) : throw new BlobNotFoundException(key);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken)
    {
        CheckPrefix(prefix);
        // Only the folder the prefix names is walked, so listing the key ring never scans the mail blobs.
        var folder = Path.Combine(root, prefix[..(prefix.LastIndexOf('/') + 1)].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder)) return Task.FromResult<IReadOnlyList<string>>([]);
        var keys = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !TemporaryFile().IsMatch(path))
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(keys);
    }

    /// <summary>A blob being written by <see cref="PutAsync"/> is not a blob yet.</summary>
    [GeneratedRegex(@"\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryFile();

    /// <summary>An empty prefix lists everything; otherwise the same rules as keys.</summary>
    private static void CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(prefix) || prefix.Contains('\\'))
            throw new ArgumentException($"'{prefix}' is not a valid blob key prefix.", nameof(prefix));
    }

    /// <summary>Keys are relative paths with '/' separators; anything that would leave the root is refused.</summary>
    private string PathOf(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key) || key.Contains('\\'))
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
