using MailRelay.Core.Configuration;
using MailRelay.Core.Infrastructure.DynamoDb;

namespace MailRelay.Core.Storage;

/// <summary>Where users, deliveries and the audit log live (<c>Store</c> section).</summary>
public sealed class StoreOptions : IPortOptions
{
    public const string SectionName = "Store";
    public const string Sqlite = "Sqlite";
    public const string DynamoDb = "DynamoDb";

    public string PortName => SectionName;

    /// <summary>Sqlite (default), or DynamoDb: one table shared by every instance.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to <c>LocalData:Directory</c>.</summary>
    public string SqlitePath { get; set; } = "mailrelay.db";

    /// <summary>The DynamoDB table (DynamoDb only): keys PK/SK, index GSI1 on GSI1PK/GSI1SK.</summary>
    public string? TableName { get; set; }

    /// <summary>The table's region, e.g. <c>eu-west-1</c> (DynamoDb only).</summary>
    public string? Region { get; set; }

    /// <summary>Sends DynamoDB calls here instead of AWS's endpoint (dynalite in tests, VPC endpoints).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Create the table at start when it is missing (tests, first runs); Terraform owns it in production.</summary>
    public bool CreateTable { get; set; }

    public bool UsesDynamoDb => Provider.Equals(DynamoDb, StringComparison.OrdinalIgnoreCase);

    /// <summary>The DynamoDB adapter's settings.</summary>
    public DynamoDbSettings ToDynamoDbSettings() =>
        new() { TableName = TableName ?? "", Region = Region ?? "", ServiceUrl = ServiceUrl, CreateTable = CreateTable };
}
