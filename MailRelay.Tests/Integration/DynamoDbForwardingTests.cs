using Amazon.Runtime;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Queues;
using MailRelay.Core.Routing;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailRelay.Tests.Integration;

/// <summary>The real engine and jobs with the DynamoDB store (dynalite): drop folder → DynamoDB → local mailbox.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbForwardingTests(DynaliteProcess dynalite) : FolderForwardingScenarios
{
    protected override Task<RelayHost> StartRelayAsync(string dataPath)
    {
        var table = dynalite.NewTable();
        return RelayHost.StartAsync(dataPath, new Dictionary<string, string?>
        {
            ["Store:Provider"] = "DynamoDb",
            ["Store:TableName"] = table.TableName,
            ["Store:Region"] = table.Region,
            ["Store:ServiceUrl"] = table.ServiceUrl,
            ["Store:CreateTable"] = "true",
        }, services => services.Replace(ServiceDescriptor.Singleton<AWSCredentials>(new BasicAWSCredentials("test", "test"))));
    }

    [Fact]
    public async Task DroppedFile_ForRoutedUser_IsDeliveredAndRecordedInDynamoDb()
    {
        Relay.Store.Schema.ShouldBeOfType<DynamoDbStoreSchema>();
        Relay.Store.Messages.ShouldBeOfType<DynamoDbMessageStore>();
        await Relay.RouteAsync("alice@example.com", "alice", RouteActionKind.LocalMailbox);
        var raw = MessageFiles.Raw("Alice <alice@example.com>", "Lunch on Dynamo?");
        await MessageFiles.DropAsync(Data.Path, "lunch.eml", raw);

        var mailbox = Path.Combine(Data.Path, "mailboxes", "alice");
        await RelayHost.EventuallyAsync(() => Task.FromResult(Directory.Exists(mailbox) && Directory.GetFiles(mailbox, "*.eml").Length == 1),
            "alice's mailbox has the message");

        (await File.ReadAllTextAsync(Directory.GetFiles(mailbox, "*.eml").Single())).ShouldBe(raw);
        await RelayHost.EventuallyAsync(async () =>
            (await Relay.Store.Messages.ListMessagesAsync(new MessageFilter(UserId: "alice"), new PageRequest(0, 10), default)).Items.SingleOrDefault()?.Deliveries.Single().Status == DeliveryStatus.Delivered,
            "the delivery is recorded as Delivered");
        var item = (await Relay.Store.Messages.ListMessagesAsync(new MessageFilter(UserId: "alice"), new PageRequest(0, 10), default)).Items.Single();
        item.Message.Summary.Subject.ShouldBe("Lunch on Dynamo?");
    }

}
