using MailRelay.Core.Common;
using MailRelay.Core.Smtp;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>The SMTP user list's cursor paging, filtered or not (two created at the same time: the greater id first).</summary>
public abstract partial class SmtpUserStoreContract
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("laptop", null)]
    [InlineData(null, SmtpUserStatus.Failed)]
    public async Task ListSmtpUsers_WalkedByNextCursors_EveryOneOnceInSkipOrder(string? search, SmtpUserStatus? status)
    {
        for (var i = 1; i <= 10; i++)
            await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser($"s{i:D2}", i % 2 == 0 ? $"Laptop {i}" : $"Phone {i}", "alice", T0.AddMinutes(i / 3))
                with { Status = i % 3 == 0 ? SmtpUserStatus.Failed : SmtpUserStatus.Active }, default);
        Func<PageRequest, Task<Page<SmtpUser>>> list = page => Stores.SmtpUsers.ListSmtpUsersAsync(new SmtpUserQuery(search, status, page.Skip, page.Take, page.After), default);

        var byCursor = await PageWalk.ByCursorAsync(list, 2, u => u.Id);

        byCursor.ShouldNotBeEmpty();
        byCursor.ShouldBe(await PageWalk.BySkipAsync(list, 2, u => u.Id));
        byCursor.ShouldBeUnique();
    }

    [Fact]
    public async Task ListSmtpUsers_MalformedOrForeignCursor_IsRefusedAsInvalid()
    {
        for (var i = 1; i <= 3; i++) await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser($"s{i}", $"Device {i}", "alice", T0.AddMinutes(i)), default);
        var next = (await Stores.SmtpUsers.ListSmtpUsersAsync(new SmtpUserQuery(Take: 1), default)).Next.ShouldNotBeNull();

        foreach (var cursor in PageWalk.Malformed(next))
            await Should.ThrowAsync<InvalidCursorException>(() => Stores.SmtpUsers.ListSmtpUsersAsync(new SmtpUserQuery(Skip: 1, Take: 1, After: cursor), default));
        await Should.ThrowAsync<InvalidCursorException>(() => Stores.SmtpUsers.ListSmtpUsersAsync(new SmtpUserQuery("device", Skip: 1, Take: 1, After: next), default));
    }
}
