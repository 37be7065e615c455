using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class DnsOptionsValidator : IValidateOptions<DnsOptions>
{
    public ValidateOptionsResult Validate(string? name, DnsOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(DnsOptions.SectionName, options.Provider, DnsOptions.DnsOverHttps),
            ProviderChoice.AbsoluteHttpUrl("Dns:ResolverUrl", options.ResolverUrl));
}
