using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Storage;

public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    private const string WhenDynamoDb = $"{StoreOptions.SectionName}:Provider is {StoreOptions.DynamoDb}";

    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        ProviderChoice.ToResult([
            ProviderChoice.UnknownProvider(StoreOptions.SectionName, options.Provider, StoreOptions.Sqlite, StoreOptions.DynamoDb),
            ProviderChoice.Required("Store:SqlitePath", options.SqlitePath),
            .. options.UsesDynamoDb
                ?
                [
                    ProviderChoice.Required("Store:TableName", options.TableName, WhenDynamoDb),
                    ProviderChoice.Required("Store:Region", options.Region, WhenDynamoDb),
                    string.IsNullOrEmpty(options.ServiceUrl) ? null : ProviderChoice.AbsoluteHttpUrl("Store:ServiceUrl", options.ServiceUrl),
                ]
                : Array.Empty<string?>(),
        ]);
}
