using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    private const string WhenDynamoDb = "Store:Provider is DynamoDb";

    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(StoreOptions.SectionName, options.Provider, StoreOptions.Sqlite, StoreOptions.DynamoDbProvider),
            ProviderChoice.Required("Store:SqlitePath", options.SqlitePath),
            options.UsesDynamoDb ? ProviderChoice.Required("Store:DynamoDb:TableName", options.DynamoDb.TableName, WhenDynamoDb) : null,
            options.UsesDynamoDb ? ProviderChoice.Required("Store:DynamoDb:Region", options.DynamoDb.Region, WhenDynamoDb) : null,
            options.UsesDynamoDb && !string.IsNullOrEmpty(options.DynamoDb.ServiceUrl)
                ? ProviderChoice.AbsoluteHttpUrl("Store:DynamoDb:ServiceUrl", options.DynamoDb.ServiceUrl)
                : null);
}
