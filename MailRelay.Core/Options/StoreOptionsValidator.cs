using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(StoreOptions.SectionName, options.Provider, StoreOptions.Sqlite),
            ProviderChoice.Required("Store:SqlitePath", options.SqlitePath));
}
