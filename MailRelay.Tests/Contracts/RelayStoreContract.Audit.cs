using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    [Fact]
    public async Task ListAudit_Paged_NewestFirstAcrossPages()
    {
        for (var i = 1; i <= 5; i++) await Store.AppendAuditAsync(new NewAuditEntry("admin", $"action.{i}", "t"), T0.AddMinutes(i), default);

        var pages = new List<Page<AuditEntry>>();
        for (var skip = 0; skip < 6; skip += 2) pages.Add(await Store.ListAuditAsync(skip, 2, default));

        pages.ShouldAllBe(p => p.Total == 5);
        pages.SelectMany(p => p.Items).Select(e => e.Action).ShouldBe(["action.5", "action.4", "action.3", "action.2", "action.1"]);
    }

    [Fact]
    public async Task AppendAudit_ReturnsTheEntryAsStored()
    {
        var appended = await Store.AppendAuditAsync(new NewAuditEntry("alice", "gmail.connect", "alice", null, null), T0, default);

        (await Store.ListAuditAsync(0, 1, default)).Items.ShouldHaveSingleItem().ShouldBe(appended);
    }

    [Fact]
    public async Task AppendAudit_HugeDetail_IsKeptOrCutButNeverLost()
    {
        var detail = HugeText('d');

        await Store.AppendAuditAsync(new NewAuditEntry("admin", "route.update", "*@example.com", detail), T0, default);

        var entry = (await Store.ListAuditAsync(0, 10, default)).Items.ShouldHaveSingleItem();
        ShouldBeKeptOrCut(entry.Detail, detail);
        entry.Action.ShouldBe("route.update");
    }
}
