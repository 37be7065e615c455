using MailRelay.Core.Common;
using MailRelay.Core.Smtp;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="ISmtpUserStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract partial class SmtpUserStoreContract : StoreContract
{
    private static SmtpUser NewSmtpUser(string id, string name, string owner, DateTimeOffset at, params string[] from) =>
        SmtpUser.New(id, name, owner, from, $"mr-{id}", at);

    [Fact]
    public async Task SmtpUser_CreateThenFind_RoundTripsEveryField_AndRefusesADuplicate()
    {
        var user = NewSmtpUser("s1", "Alice laptop", "alice", T0, "alice@example.com", "*@example.org") with
        {
            AccessKeyId = "AKIA0000000000000001", ProtectedPassword = "cipher", Attempts = 2, NextAttemptAt = T0.AddMinutes(4),
            LastError = "IAM Throttling", ErrorHistory = [new SmtpUserError(T0, "IAM Throttling")], LastRotatedAt = T0.AddDays(1),
            LeaseOwner = "node-a", LeaseUntil = T0.AddMinutes(2),
        };

        (await Stores.SmtpUsers.CreateSmtpUserAsync(user, default)).ShouldBeTrue();
        (await Stores.SmtpUsers.CreateSmtpUserAsync(user, default)).ShouldBeFalse();
        var found = (await Stores.SmtpUsers.FindSmtpUserAsync("s1", default)).ShouldNotBeNull();

        found.AllowedFrom.ShouldBe(user.AllowedFrom);
        found.ErrorHistory.ShouldBe(user.ErrorHistory);
        (found with { AllowedFrom = user.AllowedFrom, ErrorHistory = user.ErrorHistory }).ShouldBe(user);
        (await Stores.SmtpUsers.FindSmtpUserAsync("nope", default)).ShouldBeNull();
    }

    [Fact]
    public async Task ListSmtpUsers_SearchByNameOwnerOrAddress_FilterByStatus_NewestFirstAndPaged()
    {
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("s1", "Laptop", "alice", T0, "alice@example.com"), default);
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("s2", "Phone", "bob", T0.AddMinutes(1), "bob@example.com") with { Status = SmtpUserStatus.Active }, default);
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("s3", "Printer", "carol", T0.AddMinutes(2), "*@scan.example.com"), default);

        (await Stores.SmtpUsers.ListSmtpUsersAsync(new(), default)).Items.Select(u => u.Id).ShouldBe(["s3", "s2", "s1"]);
        (await Stores.SmtpUsers.ListSmtpUsersAsync(new("LAPTOP"), default)).Items.Select(u => u.Id).ShouldBe(["s1"]);
        (await Stores.SmtpUsers.ListSmtpUsersAsync(new("bob"), default)).Items.Select(u => u.Id).ShouldBe(["s2"]);
        (await Stores.SmtpUsers.ListSmtpUsersAsync(new("scan.example"), default)).Items.Select(u => u.Id).ShouldBe(["s3"]);
        (await Stores.SmtpUsers.ListSmtpUsersAsync(new(Status: SmtpUserStatus.Active), default)).Items.Select(u => u.Id).ShouldBe(["s2"]);
        var page = await Stores.SmtpUsers.ListSmtpUsersAsync(new(Skip: 1, Take: 1), default);
        (page.Total, page.Items.Single().Id).ShouldBe((3, "s2"));
    }

    [Fact]
    public async Task UpdateSmtpUser_WithStaleExpectedStatus_IsRefused()
    {
        var user = NewSmtpUser("s1", "Laptop", "alice", T0);
        await Stores.SmtpUsers.CreateSmtpUserAsync(user, default);

        (await Stores.SmtpUsers.UpdateSmtpUserAsync(user with { Status = SmtpUserStatus.Provisioning }, SmtpUserStatus.Pending, default)).ShouldBeTrue();
        (await Stores.SmtpUsers.UpdateSmtpUserAsync(user with { Status = SmtpUserStatus.Deleting }, SmtpUserStatus.Pending, default)).ShouldBeFalse();
        (await Stores.SmtpUsers.FindSmtpUserAsync("s1", default))!.Status.ShouldBe(SmtpUserStatus.Provisioning);
        (await Stores.SmtpUsers.UpdateSmtpUserAsync(user with { Id = "gone" }, SmtpUserStatus.Pending, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task ClaimDueSmtpUsers_TakesDueWorkOnce_SkipsLaterRetries_AndTakesOverExpiredLeases()
    {
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("pending", "a", "alice", T0), default);
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("later", "b", "alice", T0.AddSeconds(1)) with { NextAttemptAt = T0.AddMinutes(5) }, default);
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("deleting", "c", "alice", T0.AddSeconds(2)) with { Status = SmtpUserStatus.Deleting }, default);
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("active", "d", "alice", T0.AddSeconds(3)) with { Status = SmtpUserStatus.Active }, default);

        var first = await Stores.SmtpUsers.ClaimDueSmtpUsersAsync("node-a", T0, T0.AddMinutes(2), 10, default);
        var second = await Stores.SmtpUsers.ClaimDueSmtpUsersAsync("node-b", T0.AddMinutes(1), T0.AddMinutes(3), 10, default);
        var afterExpiry = await Stores.SmtpUsers.ClaimDueSmtpUsersAsync("node-b", T0.AddMinutes(6), T0.AddMinutes(8), 10, default);

        first.Select(u => u.Id).ShouldBe(["pending", "deleting"]);
        first.ShouldAllBe(u => u.LeaseOwner == "node-a" && u.LeaseUntil == T0.AddMinutes(2));
        second.ShouldBeEmpty();
        afterExpiry.Select(u => u.Id).ShouldBe(["pending", "later", "deleting"]);
    }

    [Fact]
    public async Task DeleteSmtpUser_OnlyFromTheExpectedStatus()
    {
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("s1", "a", "alice", T0) with { Status = SmtpUserStatus.Deleting }, default);

        (await Stores.SmtpUsers.DeleteSmtpUserAsync("s1", SmtpUserStatus.Active, default)).ShouldBeFalse();
        (await Stores.SmtpUsers.DeleteSmtpUserAsync("s1", SmtpUserStatus.Deleting, default)).ShouldBeTrue();
        (await Stores.SmtpUsers.FindSmtpUserAsync("s1", default)).ShouldBeNull();
    }

    [Fact]
    public async Task ListSmtpUsers_ByStatus_PagedNewestFirstWithTheStatusTotal()
    {
        for (var i = 1; i <= 5; i++)
        {
            var status = i % 2 == 1 ? SmtpUserStatus.Active : SmtpUserStatus.Failed;
            await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser($"s{i}", $"Device {i}", "alice", T0.AddMinutes(i)) with { Status = status }, default);
        }

        var page = await Stores.SmtpUsers.ListSmtpUsersAsync(new SmtpUserQuery(Status: SmtpUserStatus.Active, Skip: 1, Take: 1), default);
        var failed = await Stores.SmtpUsers.ListSmtpUsersAsync(new SmtpUserQuery(Status: SmtpUserStatus.Failed), default);

        // Counted (SQLite) or, where counting means reading every record, unknown until the last page (DynamoDB).
        page.Total.ShouldBeOneOf(3, Paging.UnknownTotal);
        page.Items.Single().Id.ShouldBe("s3");
        failed.Items.Select(u => u.Id).ShouldBe(["s4", "s2"]);
    }

    [Fact]
    public async Task CreateSmtpUser_IamNameTakenByAnotherRecord_IsRefused_UntilThatRecordIsDeleted()
    {
        await Stores.SmtpUsers.CreateSmtpUserAsync(NewSmtpUser("s1", "Laptop", "alice", T0), default);

        var clash = SmtpUser.New("s2", "Phone", "bob", [], "mr-s1", T0);
        (await Stores.SmtpUsers.CreateSmtpUserAsync(clash, default)).ShouldBeFalse();
        (await Stores.SmtpUsers.FindSmtpUserAsync("s2", default)).ShouldBeNull();

        (await Stores.SmtpUsers.DeleteSmtpUserAsync("s1", SmtpUserStatus.Pending, default)).ShouldBeTrue();
        (await Stores.SmtpUsers.CreateSmtpUserAsync(clash, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task UpdateSmtpUser_ReplacesEveryFieldAndFreesTheLease()
    {
        var user = NewSmtpUser("s1", "Laptop", "alice", T0, "alice@example.com");
        await Stores.SmtpUsers.CreateSmtpUserAsync(user, default);
        var claimed = (await Stores.SmtpUsers.ClaimDueSmtpUsersAsync("node-a", T0, T0.AddMinutes(2), 10, default)).Single();

        var active = claimed with
        {
            Status = SmtpUserStatus.Active, AccessKeyId = "AKIA0000000000000002", ProtectedPassword = "cipher", Attempts = 1,
            LastError = HugeText('x'), ErrorHistory = [new SmtpUserError(T0, "Throttling")], LeaseOwner = null, LeaseUntil = null,
        };
        (await Stores.SmtpUsers.UpdateSmtpUserAsync(active, SmtpUserStatus.Pending, default)).ShouldBeTrue();

        var found = (await Stores.SmtpUsers.FindSmtpUserAsync("s1", default)).ShouldNotBeNull();
        (found.Status, found.AccessKeyId, found.ProtectedPassword, found.LeaseOwner, found.LeaseUntil)
            .ShouldBe((SmtpUserStatus.Active, "AKIA0000000000000002", "cipher", (string?)null, (DateTimeOffset?)null));
        ShouldBeKeptOrCut(found.LastError, active.LastError!);
        found.ErrorHistory.ShouldBe(active.ErrorHistory);
        (await Stores.SmtpUsers.ClaimDueSmtpUsersAsync("node-b", T0, T0.AddMinutes(2), 10, default)).ShouldBeEmpty();
    }
}
