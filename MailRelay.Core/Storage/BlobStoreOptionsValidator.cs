using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Storage;

public sealed class BlobStoreOptionsValidator : IValidateOptions<BlobStoreOptions>
{
    private const string WhenS3 = $"{BlobStoreOptions.SectionName}:Provider is {BlobStoreOptions.S3}";

    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options) =>
        ProviderChoice.ToResult([
            ProviderChoice.UnknownProvider(BlobStoreOptions.SectionName, options.Provider, BlobStoreOptions.Folder, BlobStoreOptions.S3),
            ProviderChoice.Required("Blobs:FolderPath", options.FolderPath),
            string.IsNullOrEmpty(options.ServiceUrl) ? null : ProviderChoice.AbsoluteHttpUrl("Blobs:ServiceUrl", options.ServiceUrl),
            options.KeyPrefix.StartsWith('/') ? $"Blobs:KeyPrefix must not start with '/', but is '{options.KeyPrefix}'." : null,
            .. options.UsesS3 ? S3Failures(options) : [],
        ]);

    private static string?[] S3Failures(BlobStoreOptions options) =>
    [
        ProviderChoice.Required("Blobs:BucketName", options.BucketName, WhenS3),
        ProviderChoice.Required("Blobs:Region", options.Region, WhenS3),
    ];
}
