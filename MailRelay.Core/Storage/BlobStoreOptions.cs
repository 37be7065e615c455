using MailRelay.Core.Configuration;

namespace MailRelay.Core.Storage;

/// <summary>Where raw messages are kept until every delivery is done (<c>Blobs</c> section).</summary>
public sealed class BlobStoreOptions : IPortOptions
{
    public const string SectionName = "Blobs";
    public const string Folder = "Folder";
    public const string S3 = "S3";

    public string PortName => SectionName;

    /// <summary>Folder (default), or S3: the bucket the SES receipt rule writes to.</summary>
    public string Provider { get; set; } = Folder;

    /// <summary>Folder of the Folder adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string FolderPath { get; set; } = "blobs";

    /// <summary>The S3 bucket (S3 only): the SES receipt rule's bucket.</summary>
    public string? BucketName { get; set; }

    /// <summary>The bucket's region, e.g. <c>eu-west-1</c> (S3 only).</summary>
    public string? Region { get; set; }

    /// <summary>Sends S3 calls here with path-style addressing instead of AWS's endpoint (tests, s3rver, VPC endpoints).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// Prepended to every key (S3 only), for a bucket shared with other data. Leave it empty when
    /// <c>Inbound:Provider</c> is Sqs: SES's object keys (<c>inbound/…</c>) already are full keys.
    /// </summary>
    public string KeyPrefix { get; set; } = "";

    public bool UsesS3 => Provider.Equals(S3, StringComparison.OrdinalIgnoreCase);
}
