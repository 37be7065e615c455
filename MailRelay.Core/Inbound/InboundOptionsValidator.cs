using MailRelay.Core.Configuration;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Inbound;

public sealed class InboundOptionsValidator(IOptions<BlobStoreOptions> blobs) : IValidateOptions<InboundOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(InboundOptions.SectionName, options.Provider, InboundOptions.Folder, InboundOptions.Sqs),
            ProviderChoice.Required("Inbound:FolderPath", options.FolderPath),
            // SES's receipt rule puts the raw message in S3; SQS only says where. The blob store must read that bucket.
            options.Provider.Equals(InboundOptions.Sqs, StringComparison.OrdinalIgnoreCase) && !blobs.Value.Provider.Equals("S3", StringComparison.OrdinalIgnoreCase)
                ? "Inbound:Provider Sqs needs Blobs:Provider S3 (the bucket of the SES receipt rule), because SES stores the raw message there."
                : null);
}
