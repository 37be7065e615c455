using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    private async Task SeedAuditAsync()
    {
        await Store.AppendAuditAsync(new NewAuditEntry("alice", "user.sign-in", "alice", null, "t1"), T0, default);
        await Store.AppendAuditAsync(new NewAuditEntry("admin", "route.create", "*@example.com", "to alice", "t2"), T0.AddHours(1), default);
        await Store.AppendAuditAsync(new NewAuditEntry("admin", "route.delete", "*@example.com", null, "t3"), T0.AddHours(2), default);
        await Store.AppendAuditAsync(new NewAuditEntry("alice", "route.create", "alice@example.com", null, "t4"), T0.AddHours(3), default);
    }

    [Fact]
    public async Task ListAuditFiltered_ByActor_OnlyTheirEntriesNewestFirst()
    {
        await SeedAuditAsync();

        var page = await Store.ListAuditAsync(new AuditFilter(ActorId: "admin"), 0, 10, default);

        page.Total.ShouldBe(2);
        page.Items.Select(e => e.CorrelationId).ShouldBe(["t3", "t2"]);
    }

    [Fact]
    public async Task ListAuditFiltered_ByActionAndActor_BothMustMatch()
    {
        await SeedAuditAsync();

        var page = await Store.ListAuditAsync(new AuditFilter("alice", "route.create"), 0, 10, default);

        page.Items.ShouldHaveSingleItem().Target.ShouldBe("alice@example.com");
        page.Total.ShouldBe(1);
    }

    [Fact]
    public async Task ListAuditFiltered_TimeRange_IncludesBothEnds()
    {
        await SeedAuditAsync();

        var page = await Store.ListAuditAsync(new AuditFilter(From: T0.AddHours(1), To: T0.AddHours(2)), 0, 10, default);

        page.Items.Select(e => e.CorrelationId).ShouldBe(["t3", "t2"]);
    }

    [Fact]
    public async Task ListAuditFiltered_Paged_TotalCountsEveryMatch()
    {
        await SeedAuditAsync();

        var page = await Store.ListAuditAsync(AuditFilter.All, 1, 2, default);

        page.Total.ShouldBe(4);
        page.Items.Select(e => e.CorrelationId).ShouldBe(["t3", "t2"]);
    }

    [Fact]
    public async Task ListAuditFiltered_BeforeSequence_ContinuesBelowIt()
    {
        await SeedAuditAsync();
        var newest = (await Store.ListAuditAsync(AuditFilter.All, 0, 2, default)).Items;

        var rest = await Store.ListAuditAsync(new AuditFilter(BeforeSequence: newest[^1].Sequence), 0, 10, default);

        rest.Items.Select(e => e.CorrelationId).ShouldBe(["t2", "t1"]);
    }

    [Fact]
    public async Task ListAuditActors_EveryActorOnceSorted()
    {
        await SeedAuditAsync();

        (await Store.ListAuditActorsAsync(default)).ShouldBe(["admin", "alice"]);
    }
}
