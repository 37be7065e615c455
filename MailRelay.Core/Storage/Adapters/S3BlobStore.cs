using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>
/// Raw messages in an S3 bucket: the one SES's receipt rule writes to, so an SES object key is a
/// blob key as it is. Reads stream straight from the response; writes stream from the caller's
/// stream, spooled to a temporary file first only when that stream cannot tell its length
/// (S3 needs it up front), so a large message is never held in memory. Listing reads
/// <paramref name="listPageSize"/> keys per request (S3's maximum is 1,000; tests use less to cross pages).
/// </summary>
public sealed class S3BlobStore(IAmazonS3 s3, string bucketName, string keyPrefix = "", int listPageSize = 1000) : IBlobStore
{
    public async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        if (content.CanSeek) return await PutSeekableAsync(objectKey, content, cancellationToken);

        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"mailrelay-s3-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await content.CopyToAsync(spool, cancellationToken);
        spool.Position = 0;
        return await PutSeekableAsync(objectKey, spool, cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucketName, Key = ObjectKey(key) }, cancellationToken);
            return new S3ObjectStream(response);
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            throw new BlobNotFoundException(key);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await SizeAsync(key, cancellationToken);
            return true;
        }
        catch (BlobNotFoundException)
        {
            return false;
        }
    }

    public async Task<long> SizeAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucketName, Key = ObjectKey(key) }, cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            throw new BlobNotFoundException(key);
        }
    }

    /// <summary>S3's DeleteObject succeeds for a missing key, which is what the port asks for.</summary>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucketName, Key = ObjectKey(key) }, cancellationToken);

    public async Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.StartsWith('/') || prefix.Contains("..", StringComparison.Ordinal) || prefix.Contains('\\'))
            throw new ArgumentException($"'{prefix}' is not a valid blob key prefix.", nameof(prefix));
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucketName, Prefix = keyPrefix + prefix, MaxKeys = listPageSize };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            // AWSSDK v4 leaves the list null on an empty page.
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key[keyPrefix.Length..]));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken));
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private async Task<long> PutSeekableAsync(string objectKey, Stream content, CancellationToken cancellationToken)
    {
        var length = content.Length - content.Position;
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucketName,
            Key = objectKey,
            InputStream = content,
            AutoCloseStream = false,
            AutoResetStreamPosition = false,
        }, cancellationToken);
        return length;
    }

    /// <summary>Keys are relative paths with '/' separators, as for the folder store; '..' and leading '/' are refused alike.</summary>
    private string ObjectKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.StartsWith('/') || key.Contains("..", StringComparison.Ordinal) || key.Contains('\\'))
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        return keyPrefix + key;
    }

    private static bool IsMissing(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NotFound";
}
