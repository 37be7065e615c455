using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;

namespace MailRelay.Core.Cluster.Adapters;

/// <summary>
/// One item per job (PK <c>JOBLEASE#name</c>, SK <c>JOBLEASE</c>), taken with a conditional PutItem:
/// DynamoDB applies one of two racing puts and refuses the other's condition.
/// </summary>
public sealed class DynamoDbJobLeases(DynamoDbTable table) : IJobLeases
{
    private const string Sk = "JOBLEASE";
    private static readonly Dictionary<string, string> Names = new() { ["#owner"] = "Owner", ["#until"] = "LeaseUntil" };

    public Task<bool> TryAcquireAsync(string jobName, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        // Times are fixed-width UTC text, so < compares them as times.
        table.PutIfAsync(NewItem(Pk(jobName), Sk).Also("Owner", S(owner)).Also("LeaseUntil", T(until)),
            "attribute_not_exists(PK) OR #owner = :owner OR #until < :now", cancellationToken,
            new() { [":owner"] = S(owner), [":now"] = T(now) }, Names);

    public async Task ReleaseAsync(string jobName, string owner, CancellationToken cancellationToken) =>
        await table.DeleteIfAsync(Pk(jobName), Sk, "#owner = :owner", cancellationToken,
            new() { [":owner"] = S(owner) }, new() { ["#owner"] = "Owner" });

    private static string Pk(string jobName) => "JOBLEASE#" + jobName;
}
