namespace MailRelay.Core.Infrastructure.DynamoDb;

/// <summary>The DynamoDB table of the store (the <c>Store</c> section's TableName, Region, ServiceUrl and CreateTable), used when <c>Store:Provider</c> is DynamoDb.</summary>
public sealed class DynamoDbSettings
{
    /// <summary>The single table (keys PK/SK, index GSI1 on GSI1PK/GSI1SK), e.g. <c>mailrelay</c>.</summary>
    public string TableName { get; set; } = "";

    /// <summary>The table's region, e.g. <c>eu-west-1</c>.</summary>
    public string Region { get; set; } = "";

    /// <summary>Sends the calls here instead of the regional endpoint (dynalite in tests, VPC endpoints).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Create the table at start when it is missing (tests, first runs); Terraform owns it in production.</summary>
    public bool CreateTable { get; set; }
}
