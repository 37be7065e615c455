namespace MailRelay.Core.Options;

/// <summary>Where users, deliveries and the audit log live (<c>Store</c> section).</summary>
public sealed class StoreOptions : IPortOptions
{
    public const string SectionName = "Store";
    public const string Sqlite = "Sqlite";
    public const string DynamoDbProvider = "DynamoDb";

    public string PortName => SectionName;

    /// <summary>Sqlite (default) or DynamoDb (section <c>Store:DynamoDb</c>).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to <c>LocalData:Directory</c>.</summary>
    public string SqlitePath { get; set; } = "mailrelay.db";

    /// <summary>The DynamoDB table, when <see cref="Provider"/> is DynamoDb.</summary>
    public DynamoDbSettings DynamoDb { get; set; } = new();

    public bool UsesDynamoDb => Provider.Equals(DynamoDbProvider, StringComparison.OrdinalIgnoreCase);
}
