using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Routing;

namespace MailRelay.Tests.Unit;

public class RouteTableTests
{
    private static readonly MailRoute Exact = Route(1, "alice@example.com", "alice");
    private static readonly MailRoute Untagged = Route(2, "bob@example.com", "bob");
    private static readonly MailRoute Domain = Route(3, "*@example.com", "carol");
    private static readonly MailRoute CatchAll = Route(4, "*", "dave");
    private static readonly RouteTable Table = new([CatchAll, Domain, Untagged, Exact]);

    [Theory]
    [InlineData("alice@example.com", "alice")]        // exact wins over domain and catch-all
    [InlineData("ALICE@Example.COM", "alice")]        // case-insensitive
    [InlineData("<alice@example.com>", "alice")]
    [InlineData("bob+news@example.com", "bob")]       // without +tag before *@domain
    [InlineData("bob@example.com", "bob")]
    [InlineData("erin@example.com", "carol")]         // domain before catch-all
    [InlineData("alice+x@example.com", "alice")]      // the untagged form matches the exact route
    [InlineData("frank@other.org", "dave")]           // only the catch-all is left
    [InlineData("not-an-address", "dave")]
    public void Match_Precedence_ExactThenUntaggedThenDomainThenCatchAll(string recipient, string expectedUser) =>
        Table.Match(recipient)!.Actions.Single().UserId.ShouldBe(expectedUser);

    [Fact]
    public void Match_TaggedAddressWithOwnRoute_PrefersTheExactTaggedRoute()
    {
        var table = new RouteTable([Route(1, "bob@example.com", "bob"), Route(2, "bob+billing@example.com", "accounts")]);
        table.Match("bob+billing@example.com")!.Actions.Single().UserId.ShouldBe("accounts");
        table.Match("bob+other@example.com")!.Actions.Single().UserId.ShouldBe("bob");
    }

    [Fact]
    public void Match_NoRoutes_IsNull() => new RouteTable([]).Match("alice@example.com").ShouldBeNull();

    [Fact]
    public void Plan_TwoUsersRoutes_EachUserGetsOnlyTheirOwnRecipientsMail()
    {
        var table = new RouteTable([Route(1, "alice@example.com", "alice"), Route(2, "bob@example.com", "bob")]);

        var forAlice = DeliveryPlanner.Plan(table, ["alice@example.com"], Verdicts.Unknown);

        forAlice.ShouldHaveSingleItem().UserId.ShouldBe("alice");
        forAlice.ShouldNotContain(d => d.UserId == "bob");
    }

    [Fact]
    public void Plan_SameUserThroughTwoAddresses_OneDelivery()
    {
        var table = new RouteTable([Route(1, "alice@example.com", "alice"), Route(2, "*@example.org", "alice")]);
        DeliveryPlanner.Plan(table, ["alice@example.com", "a@example.org"], Verdicts.Unknown).ShouldHaveSingleItem().UserId.ShouldBe("alice");
    }

    [Fact]
    public void Plan_Unroutable_IsHeldWithoutUser()
    {
        var held = DeliveryPlanner.Plan(new RouteTable([Exact]), ["stranger@nowhere.test"], Verdicts.Unknown).ShouldHaveSingleItem();
        (held.Status, held.UserId, held.Target).ShouldBe((DeliveryStatus.Held, (string?)null, DeliveryTarget.None));
        held.Note!.ShouldContain("No route matches stranger@nowhere.test");
    }

    [Fact]
    public void Plan_VirusFail_IsHeldForTheUser()
    {
        var delivery = DeliveryPlanner.Plan(new RouteTable([Exact]), ["alice@example.com"], Verdicts.Unknown with { Virus = "FAIL" }).Single();
        (delivery.Status, delivery.UserId).ShouldBe((DeliveryStatus.Held, "alice"));
    }

    [Fact]
    public void Plan_SpamFail_DeliveredWithSpamLabel_UnlessRouteHoldsSpam()
    {
        var spam = Verdicts.Unknown with { Spam = "FAIL" };
        var delivered = DeliveryPlanner.Plan(new RouteTable([Exact]), ["alice@example.com"], spam).Single();
        (delivered.Status, delivered.MarkAsSpam).ShouldBe((DeliveryStatus.Pending, true));

        var holding = new RouteTable([Exact with { HoldSpam = true }]);
        DeliveryPlanner.Plan(holding, ["alice@example.com"], spam).Single().Status.ShouldBe(DeliveryStatus.Held);
    }

    [Fact]
    public void Plan_DropAndHoldRoutes_AreRecordedNotLost()
    {
        var table = new RouteTable([
            new MailRoute(1, "noreply@example.com", [new RouteAction(RouteActionKind.Drop, null)], false, DateTimeOffset.UnixEpoch),
            new MailRoute(2, "legal@example.com", [new RouteAction(RouteActionKind.Hold, null)], false, DateTimeOffset.UnixEpoch)]);
        var plan = DeliveryPlanner.Plan(table, ["noreply@example.com", "legal@example.com"], Verdicts.Unknown);
        plan.Select(d => d.Status).ShouldBe([DeliveryStatus.Dropped, DeliveryStatus.Held], ignoreOrder: true);
    }

    [Theory]
    [InlineData(" Alice@Example.com ", "alice@example.com", null)]
    [InlineData("*@Example.com", "*@example.com", null)]
    [InlineData("*", "*", null)]
    [InlineData("*@", null, "'*@' is not a domain pattern; write it like *@example.com.")]
    [InlineData("alice", null, "'alice' is not an address, *@domain or *.")]
    [InlineData("a*@example.com", null, "'a*@example.com' is not an address, *@domain or *.")]
    public void NormalizePattern_ValidatesWithASentence(string input, string? pattern, string? error) =>
        RouteTable.NormalizePattern(input).ShouldSatisfyAllConditions(
            r => r.Value.ShouldBe(pattern),
            r => r.Failure.ShouldBe(error is null ? null : Failure.Invalid(error)));

    private static MailRoute Route(long id, string pattern, string user) =>
        new(id, pattern, [new RouteAction(RouteActionKind.Gmail, user)], false, DateTimeOffset.UnixEpoch);
}
