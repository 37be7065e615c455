using MailRelay.Core.Routing;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IRouteStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class RouteStoreContract : StoreContract
{
    private static MailRoute Route(string pattern, string userId) =>
        new(0, pattern, [new RouteAction(RouteActionKind.Gmail, userId)], false, T0);

    [Fact]
    public async Task SaveRoute_CreateUpdateDelete_RoundTripsEveryField()
    {
        var created = await Stores.Routes.SaveRouteAsync(Route("alice@example.com", "alice"), default);
        var updated = await Stores.Routes.SaveRouteAsync(created with
        {
            Pattern = "alice@example.org",
            Actions = [new RouteAction(RouteActionKind.LocalMailbox, "alice"), new RouteAction(RouteActionKind.Hold, null)],
            HoldSpam = true, UpdatedAt = T0.AddHours(1),
        }, default);

        created.Id.ShouldBeGreaterThan(0);
        updated.Id.ShouldBe(created.Id);
        var listed = (await Stores.Routes.ListRoutesAsync(default)).ShouldHaveSingleItem();
        (listed.Id, listed.Pattern, listed.HoldSpam, listed.UpdatedAt).ShouldBe((created.Id, "alice@example.org", true, T0.AddHours(1)));
        listed.Actions.ShouldBe(updated.Actions);
        (await Stores.Routes.DeleteRouteAsync(created.Id, default)).ShouldBeTrue();
        (await Stores.Routes.DeleteRouteAsync(created.Id, default)).ShouldBeFalse();
        (await Stores.Routes.ListRoutesAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveRoute_PatternTakenByAnotherRoute_IsRefusedAndChangesNothing()
    {
        var alice = await Stores.Routes.SaveRouteAsync(Route("alice@example.com", "alice"), default);
        var bob = await Stores.Routes.SaveRouteAsync(Route("bob@example.com", "bob"), default);

        await Should.ThrowAsync<DuplicateRouteException>(() => Stores.Routes.SaveRouteAsync(Route("alice@example.com", "mallory"), default));
        await Should.ThrowAsync<DuplicateRouteException>(() => Stores.Routes.SaveRouteAsync(bob with { Pattern = "alice@example.com" }, default));

        var routes = await Stores.Routes.ListRoutesAsync(default);
        routes.Select(r => (r.Id, r.Pattern)).ShouldBe([(alice.Id, "alice@example.com"), (bob.Id, "bob@example.com")]);
        routes[0].Actions.ShouldHaveSingleItem().UserId.ShouldBe("alice");
    }

    [Fact]
    public async Task SaveRoute_SamePatternNewActions_AndFreedPatterns_AreAccepted()
    {
        var route = await Stores.Routes.SaveRouteAsync(Route("*@example.com", "alice"), default);
        await Stores.Routes.SaveRouteAsync(route with { Actions = [new RouteAction(RouteActionKind.Drop, null)] }, default);
        await Stores.Routes.SaveRouteAsync(route with { Pattern = "*@example.org" }, default);

        var reused = await Stores.Routes.SaveRouteAsync(Route("*@example.com", "bob"), default);

        reused.Id.ShouldNotBe(route.Id);
        (await Stores.Routes.ListRoutesAsync(default)).Select(r => r.Pattern).ShouldBe(["*@example.com", "*@example.org"]);
    }

    [Fact]
    public async Task SaveRoute_UnknownId_Throws() =>
        await Should.ThrowAsync<KeyNotFoundException>(() => Stores.Routes.SaveRouteAsync(Route("x@example.com", "x") with { Id = 999 }, default));

    [Fact]
    public async Task ListRoutes_AsARouteTable_MatchesExactThenUntaggedThenDomainThenAnything()
    {
        foreach (var (pattern, user) in new[] { ("*", "catchall"), ("*@example.com", "domain"), ("alice@example.com", "alice"), ("alice+vip@example.com", "vip") })
            await Stores.Routes.SaveRouteAsync(Route(pattern, user), default);

        var table = new RouteTable(await Stores.Routes.ListRoutesAsync(default));

        string? Target(string recipient) => table.Match(recipient)?.Actions.Single().UserId;
        (Target("alice+vip@example.com"), Target("alice+news@example.com"), Target("bob@example.com"), Target("carol@other.org"))
            .ShouldBe(("vip", "alice", "domain", "catchall"));
    }
}
