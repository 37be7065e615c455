using MailRelay.Core.Inbound;
using Shouldly;
using Xunit;

namespace MailRelay.Tests.Unit;

/// <summary>
/// The inbound loop stores a batch's messages at the same time only where their order cannot
/// matter: the same recipient address, or the same message id, keeps the source's order.
/// </summary>
public sealed class InboundOrderTests
{
    [Fact]
    public void Lanes_SameRecipient_OneLaneInTheSourcesOrder_OthersApart()
    {
        var lanes = InboundOrder.Lanes([Item("1", "alice@example.com"), Item("2", "bob@example.com"), Item("3", "ALICE@example.com "), Item("4", "carol@example.com")]);

        Ids(lanes).ShouldBe(["1 3", "2", "4"]);
    }

    [Fact]
    public void Lanes_SameMessageIdForAnotherRecipient_StaysBehindTheFirst()
    {
        // The second adds bob to the stored message; stored at the same time, it would find nothing and be a duplicate.
        var lanes = InboundOrder.Lanes([Item("m", "alice@example.com"), Item("m", "bob@example.com")]);

        Ids(lanes).ShouldBe(["m m"]);
    }

    [Fact]
    public void Lanes_ItemSharingWithTwoLanes_JoinsThem_InTheSourcesOrder()
    {
        var lanes = InboundOrder.Lanes(
        [
            Item("1", "alice@example.com"), Item("2", "bob@example.com"), Item("3", "alice@example.com"),
            Item("4", "bob@example.com", "alice@example.com"), Item("5", "dave@example.com"),
        ]);

        Ids(lanes).ShouldBe(["1 2 3 4", "5"]);
    }

    [Fact]
    public void Lanes_NoRecipients_EachItsOwnLane()
    {
        Ids(InboundOrder.Lanes([Item("1"), Item("2")])).ShouldBe(["1", "2"]);
    }

    private static InboundItem Item(string id, params string[] recipients) =>
        new($"handle-{id}", id, "test", recipients, Verdicts.Unknown, null, null, null);

    private static List<string> Ids(IReadOnlyList<IReadOnlyList<InboundItem>> lanes) =>
        [.. lanes.Select(l => string.Join(" ", l.Select(i => i.MessageId)))];
}
