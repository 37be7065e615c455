using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    [Fact]
    public async Task ListSmtpUsers_ByStatus_PagedNewestFirstWithTheStatusTotal()
    {
        for (var i = 1; i <= 5; i++)
        {
            var status = i % 2 == 1 ? SmtpUserStatus.Active : SmtpUserStatus.Failed;
            await Store.CreateSmtpUserAsync(NewSmtpUser($"s{i}", $"Device {i}", "alice", T0.AddMinutes(i)) with { Status = status }, default);
        }

        var page = await Store.ListSmtpUsersAsync(new SmtpUserQuery(Status: SmtpUserStatus.Active, Skip: 1, Take: 1), default);
        var failed = await Store.ListSmtpUsersAsync(new SmtpUserQuery(Status: SmtpUserStatus.Failed), default);

        (page.Total, page.Items.Single().Id).ShouldBe((3, "s3"));
        failed.Items.Select(u => u.Id).ShouldBe(["s4", "s2"]);
    }

    [Fact]
    public async Task CreateSmtpUser_IamNameTakenByAnotherRecord_IsRefused_UntilThatRecordIsDeleted()
    {
        await Store.CreateSmtpUserAsync(NewSmtpUser("s1", "Laptop", "alice", T0), default);

        var clash = SmtpUser.New("s2", "Phone", "bob", [], "mr-s1", T0);
        (await Store.CreateSmtpUserAsync(clash, default)).ShouldBeFalse();
        (await Store.FindSmtpUserAsync("s2", default)).ShouldBeNull();

        (await Store.DeleteSmtpUserAsync("s1", SmtpUserStatus.Pending, default)).ShouldBeTrue();
        (await Store.CreateSmtpUserAsync(clash, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task UpdateSmtpUser_ReplacesEveryFieldAndFreesTheLease()
    {
        var user = NewSmtpUser("s1", "Laptop", "alice", T0, "alice@example.com");
        await Store.CreateSmtpUserAsync(user, default);
        var claimed = (await Store.ClaimDueSmtpUsersAsync("node-a", T0, T0.AddMinutes(2), 10, default)).Single();

        var active = claimed with
        {
            Status = SmtpUserStatus.Active, AccessKeyId = "AKIA0000000000000002", ProtectedPassword = "cipher", Attempts = 1,
            LastError = HugeText('x'), ErrorHistory = [new SmtpUserError(T0, "Throttling")], LeaseOwner = null, LeaseUntil = null,
        };
        (await Store.UpdateSmtpUserAsync(active, SmtpUserStatus.Pending, default)).ShouldBeTrue();

        var found = (await Store.FindSmtpUserAsync("s1", default)).ShouldNotBeNull();
        (found.Status, found.AccessKeyId, found.ProtectedPassword, found.LeaseOwner, found.LeaseUntil)
            .ShouldBe((SmtpUserStatus.Active, "AKIA0000000000000002", "cipher", (string?)null, (DateTimeOffset?)null));
        ShouldBeKeptOrCut(found.LastError, active.LastError!);
        found.ErrorHistory.ShouldBe(active.ErrorHistory);
        (await Store.ClaimDueSmtpUsersAsync("node-b", T0, T0.AddMinutes(2), 10, default)).ShouldBeEmpty();
    }
}
