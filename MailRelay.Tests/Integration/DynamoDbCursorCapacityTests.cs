using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Queues;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Xunit.Abstractions;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Costs follow work, not history (issue 14): a page of the message list read by its cursor costs what the
/// first page costs, however deep; the same page reached by skip costs more (it reads the skipped items too).
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbCursorCapacityTests(DynaliteProcess dynalite, ITestOutputHelper output)
{
    private const int Messages = 300;
    private const int PageSize = 25;
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("carol")]
    public async Task ListMessages_TenthPageByCursor_CostsWhatTheFirstDoes_AndLessThanBySkip(string? user)
    {
        var settings = dynalite.NewTable();
        using var client = dynalite.CreateClient(settings);
        var table = new DynamoDbTable(client, settings);
        await new DynamoDbStoreSchema(table).InitializeAsync(default);
        var store = new DynamoDbMessageStore(table);
        for (var i = 0; i < Messages; i++)
            (await store.AddMessageAsync(Message($"m-{i:D3}", T0.AddMinutes(i)), [To(i % 2 == 0 ? "alice" : "bob"), To("carol")], T0, default)).ShouldBeTrue();
        var filter = new MessageFilter(UserId: user);

        Page<MessageListItem> page = null!;
        var first = await table.Capacity.MeasureAsync(async () => page = await store.ListMessagesAsync(filter, PageRequest.First(PageSize), default));
        for (var index = 1; index < 9; index++)
            page = await store.ListMessagesAsync(filter, new PageRequest(index * PageSize, PageSize, page.Next), default);
        var tenth = new PageRequest(9 * PageSize, PageSize, page.Next.ShouldNotBeNull());
        Page<MessageListItem> byCursor = null!, bySkip = null!;
        var cursorUnits = await table.Capacity.MeasureAsync(async () => byCursor = await store.ListMessagesAsync(filter, tenth, default));
        var skipUnits = await table.Capacity.MeasureAsync(async () => bySkip = await store.ListMessagesAsync(filter, tenth with { After = null }, default));

        output.WriteLine($"read units: first page {first:F1}, tenth by cursor {cursorUnits:F1}, tenth by skip {skipUnits:F1}");
        byCursor.Items.Select(i => i.Message.Id).ShouldBe(bySkip.Items.Select(i => i.Message.Id));
        byCursor.Items.Count.ShouldBe(PageSize);
        // Same items, same reads: the first page and the tenth differ only in rounding (within one unit).
        cursorUnits.ShouldBeInRange(first - 1, first + 1);
        skipUnits.ShouldBeGreaterThan(cursorUnits + 5);
    }

    private static StoredMessage Message(string id, DateTimeOffset at) => new(
        id, 0, "test", at, "inbound/" + id, ["alice@example.com"], Verdicts.Unknown,
        new MessageSummary("Sender <sender@example.org>", "alice@example.com", "Subject " + id, at, $"<{id}@example.org>", 1234, null), false);

    private static NewDelivery To(string userId) => new($"{userId}@example.com", userId, DeliveryTarget.Gmail, DeliveryStatus.Delivered, false, null);
}
