using MailRelay.Core.Audit;
using MailRelay.Core.Common;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IAuditStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract partial class AuditStoreContract : StoreContract
{
    [Fact]
    public async Task AppendAudit_ThenList_NewestFirstWithAllFields()
    {
        await Stores.Audit.AppendAuditAsync(new NewAuditEntry("alice", "user.sign-in", "alice"), T0, default);
        await Stores.Audit.AppendAuditAsync(new NewAuditEntry("admin", "route.create", "*@example.com", "to alice", "trace-1"), T0.AddMinutes(1), default);

        var page = await Stores.Audit.ListAuditAsync(new PageRequest(0, 10), default);

        page.Total.ShouldBe(2);
        page.Items.Select(e => e.Action).ShouldBe(["route.create", "user.sign-in"]);
        var newest = page.Items[0];
        (newest.ActorId, newest.Target, newest.Detail, newest.CorrelationId, newest.At).ShouldBe(("admin", "*@example.com", "to alice", "trace-1", T0.AddMinutes(1)));
        page.Items[0].Sequence.ShouldBeGreaterThan(page.Items[1].Sequence);
    }

    [Fact]
    public async Task ListAudit_Paged_NewestFirstAcrossPages()
    {
        for (var i = 1; i <= 5; i++) await Stores.Audit.AppendAuditAsync(new NewAuditEntry("admin", $"action.{i}", "t"), T0.AddMinutes(i), default);

        var pages = new List<Page<AuditEntry>>();
        for (var skip = 0; skip < 6; skip += 2) pages.Add(await Stores.Audit.ListAuditAsync(new PageRequest(skip, 2), default));

        pages.ShouldAllBe(p => p.Total == 5);
        pages.SelectMany(p => p.Items).Select(e => e.Action).ShouldBe(["action.5", "action.4", "action.3", "action.2", "action.1"]);
    }

    [Fact]
    public async Task ListAudit_EntriesOverSeveralMonths_PageNewestFirstAcrossTheMonths()
    {
        for (var i = 1; i <= 5; i++) await Stores.Audit.AppendAuditAsync(new NewAuditEntry(i % 2 == 0 ? "alice" : "admin", $"action.{i}", "t"), T0.AddDays(20 * i), default);

        var pages = new List<Page<AuditEntry>>();
        for (var skip = 0; skip < 6; skip += 2) pages.Add(await Stores.Audit.ListAuditAsync(new PageRequest(skip, 2), default));
        var byAdmin = await Stores.Audit.ListAuditAsync(new AuditFilter(ActorId: "admin"), new PageRequest(1, 2), default);
        var winter = await Stores.Audit.ListAuditAsync(new AuditFilter(From: T0.AddDays(40), To: T0.AddDays(80)), new PageRequest(0, 10), default);

        pages.ShouldAllBe(p => p.Total == 5);
        pages.SelectMany(p => p.Items).Select(e => e.Action).ShouldBe(["action.5", "action.4", "action.3", "action.2", "action.1"]);
        byAdmin.Total.ShouldBe(3);
        byAdmin.Items.Select(e => e.Action).ShouldBe(["action.3", "action.1"]);
        winter.Items.Select(e => e.Action).ShouldBe(["action.4", "action.3", "action.2"]);
    }

    [Fact]
    public async Task AppendAudit_ReturnsTheEntryAsStored()
    {
        var appended = await Stores.Audit.AppendAuditAsync(new NewAuditEntry("alice", "gmail.connect", "alice", null, null), T0, default);

        (await Stores.Audit.ListAuditAsync(new PageRequest(0, 1), default)).Items.ShouldHaveSingleItem().ShouldBe(appended);
    }

    [Fact]
    public async Task AppendAudit_HugeDetail_IsKeptOrCutButNeverLost()
    {
        var detail = HugeText('d');

        await Stores.Audit.AppendAuditAsync(new NewAuditEntry("admin", "route.update", "*@example.com", detail), T0, default);

        var entry = (await Stores.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.ShouldHaveSingleItem();
        ShouldBeKeptOrCut(entry.Detail, detail);
        entry.Action.ShouldBe("route.update");
    }

    private async Task SeedAuditAsync()
    {
        await Stores.Audit.AppendAuditAsync(new NewAuditEntry("alice", "user.sign-in", "alice", null, "t1"), T0, default);
        await Stores.Audit.AppendAuditAsync(new NewAuditEntry("admin", "route.create", "*@example.com", "to alice", "t2"), T0.AddHours(1), default);
        await Stores.Audit.AppendAuditAsync(new NewAuditEntry("admin", "route.delete", "*@example.com", null, "t3"), T0.AddHours(2), default);
        await Stores.Audit.AppendAuditAsync(new NewAuditEntry("alice", "route.create", "alice@example.com", null, "t4"), T0.AddHours(3), default);
    }

    [Fact]
    public async Task ListAuditFiltered_ByActor_OnlyTheirEntriesNewestFirst()
    {
        await SeedAuditAsync();

        var page = await Stores.Audit.ListAuditAsync(new AuditFilter(ActorId: "admin"), new PageRequest(0, 10), default);

        page.Total.ShouldBe(2);
        page.Items.Select(e => e.CorrelationId).ShouldBe(["t3", "t2"]);
    }

    [Fact]
    public async Task ListAuditFiltered_ByActionAndActor_BothMustMatch()
    {
        await SeedAuditAsync();

        var page = await Stores.Audit.ListAuditAsync(new AuditFilter("alice", "route.create"), new PageRequest(0, 10), default);

        page.Items.ShouldHaveSingleItem().Target.ShouldBe("alice@example.com");
        page.Total.ShouldBe(1);
    }

    [Fact]
    public async Task ListAuditFiltered_TimeRange_IncludesBothEnds()
    {
        await SeedAuditAsync();

        var page = await Stores.Audit.ListAuditAsync(new AuditFilter(From: T0.AddHours(1), To: T0.AddHours(2)), new PageRequest(0, 10), default);

        page.Items.Select(e => e.CorrelationId).ShouldBe(["t3", "t2"]);
    }

    [Fact]
    public async Task ListAuditFiltered_Paged_TotalCountsEveryMatch()
    {
        await SeedAuditAsync();

        var page = await Stores.Audit.ListAuditAsync(AuditFilter.All, new PageRequest(1, 2), default);

        page.Total.ShouldBe(4);
        page.Items.Select(e => e.CorrelationId).ShouldBe(["t3", "t2"]);
    }

    [Fact]
    public async Task ListAuditFiltered_BeforeSequence_ContinuesBelowIt()
    {
        await SeedAuditAsync();
        var newest = (await Stores.Audit.ListAuditAsync(AuditFilter.All, new PageRequest(0, 2), default)).Items;

        var rest = await Stores.Audit.ListAuditAsync(new AuditFilter(BeforeSequence: newest[^1].Sequence), new PageRequest(0, 10), default);

        rest.Items.Select(e => e.CorrelationId).ShouldBe(["t2", "t1"]);
    }

    [Fact]
    public async Task ListAuditActors_EveryActorOnceSorted()
    {
        await SeedAuditAsync();

        (await Stores.Audit.ListAuditActorsAsync(default)).ShouldBe(["admin", "alice"]);
    }
}
