using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class InboundOptionsValidator : IValidateOptions<InboundOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(InboundOptions.SectionName, options.Provider, InboundOptions.Folder),
            ProviderChoice.Required("Inbound:FolderPath", options.FolderPath));
}
