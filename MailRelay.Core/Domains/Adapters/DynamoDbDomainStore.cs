using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Domains.Adapters;

/// <summary>
/// The DNS page's domains: PK DOMAINS, SK DOMAIN#name, so listing is one Query in name order.
/// Adding is a put with attribute_not_exists (the first one is kept); removing a conditional delete.
/// A domain's last check is its item's <c>LastCheck</c> attribute (JSON), set only while the item exists.
/// </summary>
public sealed class DynamoDbDomainStore(DynamoDbTable table) : IDomainStore
{
    private const string DomainsPartition = "DOMAINS";

    public async Task<IReadOnlyList<MailDomain>> ListDomainsAsync(CancellationToken cancellationToken) =>
        (await table.QueryAsync(Partition(DomainsPartition, "DOMAIN#"), cancellationToken)).Select(ReadDomain).ToList();

    public Task<bool> AddDomainAsync(MailDomain domain, CancellationToken cancellationToken) =>
        table.PutNewAsync(NewItem(DomainsPartition, "DOMAIN#" + domain.Name)
            .Also("Name", S(domain.Name)).Also("AddedBy", S(domain.AddedBy)).Also("AddedAt", T(domain.AddedAt)), cancellationToken);

    public async Task<bool> RemoveDomainAsync(string name, CancellationToken cancellationToken) =>
        await table.DeleteIfAsync(DomainsPartition, "DOMAIN#" + name, "attribute_exists(PK)", cancellationToken) is not null;

    public async Task<bool> SaveCheckReportAsync(DomainCheckReport report, CancellationToken cancellationToken)
    {
        var update = new DynamoDbUpdate().Set("LastCheck", S(DomainCheckReports.ToJson(report))).When("attribute_exists(PK)");
        try
        {
            await table.UpdateAsync(update.ToRequest(table.Name, Key(DomainsPartition, "DOMAIN#" + report.Domain)), cancellationToken);
            return true;
        }
        catch (Amazon.DynamoDBv2.Model.ConditionalCheckFailedException)
        {
            return false; // removed meanwhile: its check goes with it
        }
    }

    public async Task<IReadOnlyList<DomainCheckReport>> ListCheckReportsAsync(CancellationToken cancellationToken) =>
        (await table.QueryAsync(Partition(DomainsPartition, "DOMAIN#"), cancellationToken))
            .Select(i => i.OptStr("LastCheck")).OfType<string>().Select(DomainCheckReports.FromJson).ToList();

    private static MailDomain ReadDomain(Item i) => new(i.Str("Name"), i.Str("AddedBy"), i.Time("AddedAt"));
}
