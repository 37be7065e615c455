using Amazon.Runtime;
using MailRelay.Core.Adapters.Aws;
using MailRelay.Core.Domain;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailRelay.Tests.Integration;

/// <summary>The real engine and jobs with the DynamoDB store (dynalite): drop folder → DynamoDB → local mailbox.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbForwardingTests(DynaliteProcess dynalite) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private RelayHost _host = null!;

    public async Task InitializeAsync()
    {
        var table = dynalite.NewTable();
        _host = await RelayHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["Store:Provider"] = "DynamoDb",
            ["Store:TableName"] = table.TableName,
            ["Store:Region"] = table.Region,
            ["Store:ServiceUrl"] = table.ServiceUrl,
            ["Store:CreateTable"] = "true",
        }, services => services.Replace(ServiceDescriptor.Singleton<AWSCredentials>(new BasicAWSCredentials("test", "test"))));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task DroppedFile_ForRoutedUser_IsDeliveredAndRecordedInDynamoDb()
    {
        _host.Store.ShouldBeOfType<DynamoDbRelayStore>();
        await _host.RouteAsync("alice@example.com", "alice", RouteActionKind.LocalMailbox);
        var raw = MessageFiles.Raw("Alice <alice@example.com>", "Lunch on Dynamo?");
        await MessageFiles.DropAsync(_data.Path, "lunch.eml", raw);

        var mailbox = Path.Combine(_data.Path, "mailboxes", "alice");
        await RelayHost.EventuallyAsync(() => Task.FromResult(Directory.Exists(mailbox) && Directory.GetFiles(mailbox, "*.eml").Length == 1),
            "alice's mailbox has the message");

        (await File.ReadAllTextAsync(Directory.GetFiles(mailbox, "*.eml").Single())).ShouldBe(raw);
        await RelayHost.EventuallyAsync(async () =>
            (await _host.Store.ListMessagesAsync(new MessageFilter(UserId: "alice"), 0, 10, default)).Items.SingleOrDefault()?.Deliveries.Single().Status == DeliveryStatus.Delivered,
            "the delivery is recorded as Delivered");
        var item = (await _host.Store.ListMessagesAsync(new MessageFilter(UserId: "alice"), 0, 10, default)).Items.Single();
        item.Message.Summary.Subject.ShouldBe("Lunch on Dynamo?");
    }

    [Fact]
    public async Task SameFileDroppedTwice_IsOneMessageAndOneDelivery()
    {
        await _host.RouteAsync("alice@example.com", "alice", RouteActionKind.LocalMailbox);
        var raw = MessageFiles.Raw("alice@example.com", "Twice");
        await MessageFiles.DropAsync(_data.Path, "first.eml", raw);
        await RelayHost.EventuallyAsync(async () => (await _host.Store.ListMessagesAsync(new(), 0, 10, default)).Total == 1, "the first copy is stored");
        await MessageFiles.DropAsync(_data.Path, "second.eml", raw);
        await RelayHost.EventuallyAsync(() => Task.FromResult(!File.Exists(Path.Combine(_data.Path, "inbox", "second.eml"))), "the second copy is acknowledged");

        var messages = await _host.Store.ListMessagesAsync(new(), 0, 10, default);
        messages.Total.ShouldBe(1);
        messages.Items.Single().Deliveries.ShouldHaveSingleItem();
    }
}
