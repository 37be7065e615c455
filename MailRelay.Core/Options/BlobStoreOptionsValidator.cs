using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class BlobStoreOptionsValidator : IValidateOptions<BlobStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(BlobStoreOptions.SectionName, options.Provider, BlobStoreOptions.Folder),
            ProviderChoice.Required("Blobs:FolderPath", options.FolderPath));
}
