using MailRelay.Core.Audit;
using MailRelay.Core.Common;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>The audit list's cursor paging, across months, filtered or not.</summary>
public abstract partial class AuditStoreContract
{
    private async Task SeedAuditOverMonthsAsync(int count)
    {
        for (var i = 1; i <= count; i++)
            await Stores.Audit.AppendAuditAsync(new NewAuditEntry(i % 2 == 0 ? "alice" : "admin", i % 3 == 0 ? "route.delete" : "route.create", $"r{i}", null, $"t{i}"),
                T0.AddDays(9 * i), default);
    }

    private Func<PageRequest, Task<Page<AuditEntry>>> Audit(AuditFilter filter) => page => Stores.Audit.ListAuditAsync(filter, page, default);

    [Theory]
    [InlineData(null, null)]
    [InlineData("alice", null)]
    [InlineData(null, "route.delete")]
    public async Task ListAudit_WalkedByNextCursors_EveryEntryOnceInSkipOrder(string? actor, string? action)
    {
        await SeedAuditOverMonthsAsync(14);
        var filter = new AuditFilter(actor, action);

        var byCursor = await PageWalk.ByCursorAsync(Audit(filter), 2, e => e.Sequence);

        byCursor.ShouldNotBeEmpty();
        byCursor.ShouldBe(await PageWalk.BySkipAsync(Audit(filter), 2, e => e.Sequence));
        byCursor.ShouldBeUnique();
    }

    [Fact]
    public async Task ListAudit_MalformedOrForeignCursor_IsRefusedAsInvalid()
    {
        await SeedAuditOverMonthsAsync(3);
        var next = (await Stores.Audit.ListAuditAsync(PageRequest.First(1), default)).Next.ShouldNotBeNull();

        foreach (var cursor in PageWalk.Malformed(next))
            await Should.ThrowAsync<InvalidCursorException>(() => Stores.Audit.ListAuditAsync(new PageRequest(1, 1, cursor), default));
        await Should.ThrowAsync<InvalidCursorException>(() => Stores.Audit.ListAuditAsync(new AuditFilter(ActorId: "alice"), new PageRequest(1, 1, next), default));
    }
}
