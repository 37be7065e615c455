namespace MailRelay.Core.Storage;

/// <summary>Raw messages by key, streamed both ways (never held whole in memory). Local: a folder; AWS: S3.</summary>
public interface IBlobStore
{
    /// <summary>Writes the stream under the key (replacing any blob there) and returns its size in bytes.</summary>
    Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens the blob for reading. Throws <see cref="BlobNotFoundException"/> when it is not there.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>The blob's size in bytes. Throws <see cref="BlobNotFoundException"/> when it is not there.</summary>
    Task<long> SizeAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the blob; deleting a missing blob is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The keys of every blob whose key starts with <paramref name="prefix"/> (e.g. <c>dataprotection/</c>),
    /// in ordinal order. Meant for small sets such as the Data Protection key ring, not for the mail blobs.
    /// </summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken);
}
