using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Integration;

/// <summary>The real state machine against the fake IAM (through <see cref="IamSmtpIdentityProvisioner"/>) and a SQLite file.</summary>
public sealed class SmtpProvisioningTests : IAsyncLifetime
{
    private const string Admin = "admin";
    private const string Owner = "alice";
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly RelayEvents _events = new();
    private FakeIamEndpoint _iam = null!;
    private StorePorts _store = null!;
    private string _databasePath = null!;

    public async Task InitializeAsync()
    {
        _iam = await FakeIamEndpoint.StartAsync();
        _databasePath = Path.Combine(_directory.Path, "mailrelay.db");
        _store = StorePorts.Sqlite(new SqliteDatabase(_databasePath));
        await _store.Schema.InitializeAsync(default);
        await _store.Users.EnsureUserAsync(Owner, "alice@example.com", "Alice", [], _time.GetUtcNow(), default);
    }

    public async Task DisposeAsync()
    {
        await _iam.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    /// <summary>The SMTP user services over one store, provisioner, protector and log, as the host wires them.</summary>
    private sealed record SmtpServices(SmtpProvisioning Provisioning, SmtpUserLifecycle Lifecycle, SmtpCredentialsReveal Reveal);

    private SmtpServices Service(ISmtpIdentityProvisioner? provisioner = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SmtpIdentityOptions { Region = "eu-west-1", SendingDomains = ["example.com"] });
        var loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        provisioner ??= new IamSmtpIdentityProvisioner(_iam.CreateClient(_time));
        var protector = new DataProtectionSecretProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_directory.Path, "keys"))));
        var audit = new AuditLog(_store.Audit, _time);
        return new SmtpServices(
            new SmtpProvisioning(_store.Users, _store.SmtpUsers, provisioner, protector, audit, _events, options, _time, loggers.CreateLogger<SmtpProvisioning>()),
            new SmtpUserLifecycle(_store.SmtpUsers, provisioner, protector, audit, _events, options, _time, loggers.CreateLogger<SmtpUserLifecycle>()),
            new SmtpCredentialsReveal(_store.SmtpUsers, provisioner, protector, audit, options));
    }

    private async Task<SmtpUser> CreateAsync(SmtpServices service)
    {
        return (await service.Provisioning.CreateAsync(Admin, "Alice laptop", Owner, ["Alice@Example.com", "*@example.com"], default)).ShouldSucceed();
    }

    /// <summary>The SQLite file and its write-ahead log as text, to search for secrets.</summary>
    private async Task<string> DatabaseTextAsync()
    {
        SqliteConnection.ClearAllPools();
        var file = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(_databasePath));
        foreach (var wal in new[] { _databasePath + "-wal" }.Where(File.Exists))
            file += System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(wal));
        return file;
    }

    private async Task<SmtpUser> Reload(string id) => (await _store.SmtpUsers.FindSmtpUserAsync(id, default)).ShouldNotBeNull();

    [Fact]
    public async Task Process_HappyPath_MakesUserPolicyAndKey_InThisOrder_AndStoresOnlyTheProtectedPassword()
    {
        var service = Service();
        var user = await CreateAsync(service);

        (await service.Provisioning.ProcessDueAsync("node-a", 10, default)).ShouldBe(1);

        _iam.Actions.ShouldBe(["CreateUser", "PutUserPolicy", "CreateAccessKey"]);
        var active = await Reload(user.Id);
        active.Status.ShouldBe(SmtpUserStatus.Active);
        active.LeaseOwner.ShouldBeNull();
        var iamUser = _iam.User(user.IamUserName).ShouldNotBeNull();
        iamUser.Path.ShouldBe("/mailrelay/");
        iamUser.Tags.Values.ShouldBe([user.Id, Owner], ignoreOrder: true);
        iamUser.Policies.Values.Single().ShouldBe(SendingPolicy.Build(["*@example.com", "alice@example.com"]));
        var key = iamUser.Keys.Single();
        active.AccessKeyId.ShouldBe(key.AccessKeyId);

        var revealed = (await service.Reveal.RevealAsync(Admin, user.Id, default)).ShouldSucceed();
        revealed.UserName.ShouldBe(key.AccessKeyId);
        revealed.Password.ShouldBe(SesSmtpPassword.FromSecretKey(key.SecretAccessKey, "eu-west-1"));
        active.ProtectedPassword.ShouldNotBe(revealed.Password);

        var file = await DatabaseTextAsync();
        file.ShouldNotContain(key.SecretAccessKey);
        file.ShouldNotContain(revealed.Password);
        _logs.AllText.ShouldNotContain(key.SecretAccessKey);
        _logs.AllText.ShouldNotContain(revealed.Password);
        (await _store.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.Select(a => a.Action).ShouldBe([AuditActions.SmtpUserReveal, AuditActions.SmtpUserCreate]);
    }

    [Fact]
    public async Task Process_CreateAccessKeyFails_RollsBackUserAndPolicy_AndRetriesLater()
    {
        var service = Service();
        var user = await CreateAsync(service);
        _iam.FailNext("CreateAccessKey", 1, "ServiceFailure", "boom", System.Net.HttpStatusCode.InternalServerError, "Receiver");

        await service.Provisioning.ProcessDueAsync("node-a", 10, default);

        _iam.Actions.ShouldBe(["CreateUser", "PutUserPolicy", "CreateAccessKey", "ListAccessKeys", "ListUserPolicies", "DeleteUserPolicy", "DeleteUser"]);
        _iam.User(user.IamUserName).ShouldBeNull();
        var retrying = await Reload(user.Id);
        (retrying.Status, retrying.Attempts, retrying.NextAttemptAt).ShouldBe((SmtpUserStatus.Provisioning, 1, (DateTimeOffset?)_time.GetUtcNow().AddMinutes(1)));
        retrying.LastError.ShouldNotBeNull().ShouldContain("ServiceFailure");
        retrying.ErrorHistory.ShouldHaveSingleItem();

        (await service.Provisioning.ProcessDueAsync("node-a", 10, default)).ShouldBe(0);
        _time.Advance(TimeSpan.FromMinutes(1));
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);
        (await Reload(user.Id)).Status.ShouldBe(SmtpUserStatus.Active);
    }

    [Fact]
    public async Task Process_Throttled_IsRetriedWithGrowingBackoff_AndFailsAfterFiveAttempts_ThenRetryByHandWorks()
    {
        var service = Service();
        var user = await CreateAsync(service);
        _iam.ThrottleNext("CreateUser", 5);

        for (var attempt = 1; attempt <= SmtpProvisioning.MaxAttempts; attempt++)
        {
            (await service.Provisioning.ProcessDueAsync("node-a", 10, default)).ShouldBe(1);
            _time.Advance(SmtpProvisioning.Backoff(attempt));
        }

        var failed = await Reload(user.Id);
        (failed.Status, failed.Attempts, failed.ErrorHistory.Count).ShouldBe((SmtpUserStatus.Failed, 5, 5));
        failed.LastError.ShouldNotBeNull().ShouldContain("Throttling");
        (await service.Provisioning.ProcessDueAsync("node-a", 10, default)).ShouldBe(0);

        (await service.Lifecycle.RetryAsync(Admin, user.Id, default)).ShouldSucceed();
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);
        (await Reload(user.Id)).Status.ShouldBe(SmtpUserStatus.Active);
    }

    [Fact]
    public async Task Process_ThrottledOnce_IsActiveAfterTheBackoff()
    {
        var service = Service();
        var user = await CreateAsync(service);
        _iam.ThrottleNext("PutUserPolicy", 1);

        await service.Provisioning.ProcessDueAsync("node-a", 10, default);
        _time.Advance(SmtpProvisioning.Backoff(1));
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);

        (await Reload(user.Id)).Status.ShouldBe(SmtpUserStatus.Active);
        _iam.User(user.IamUserName).ShouldNotBeNull().Keys.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Delete_RemovesKeysPoliciesUserAndRecord()
    {
        var service = Service();
        var user = await CreateAsync(service);
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);

        (await service.Lifecycle.DeleteAsync(Admin, user.Id, default)).ShouldSucceed();
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);

        _iam.User(user.IamUserName).ShouldBeNull();
        (await _store.SmtpUsers.FindSmtpUserAsync(user.Id, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_IamUserAlreadyGone_Completes()
    {
        var service = Service();
        var user = await CreateAsync(service);
        (await service.Lifecycle.DeleteAsync(Admin, user.Id, default)).ShouldSucceed();

        await service.Provisioning.ProcessDueAsync("node-a", 10, default);

        _iam.Actions.ShouldBe(["ListAccessKeys"]);
        (await _store.SmtpUsers.FindSmtpUserAsync(user.Id, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Rotate_SwitchesToANewKeyAndDeletesTheOld_DisableEnableFlipTheKey()
    {
        var service = Service();
        var user = await CreateAsync(service);
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);
        var before = await Reload(user.Id);
        var oldPassword = (await service.Reveal.RevealAsync(Admin, user.Id, default)).ShouldSucceed().Password;

        (await service.Lifecycle.RotateAsync(Admin, user.Id, default)).ShouldSucceed();

        var rotated = await Reload(user.Id);
        rotated.AccessKeyId.ShouldNotBe(before.AccessKeyId);
        rotated.LastRotatedAt.ShouldBe(_time.GetUtcNow());
        _iam.User(user.IamUserName)!.Keys.Select(k => k.AccessKeyId).ShouldBe([rotated.AccessKeyId!]);
        (await service.Reveal.RevealAsync(Admin, user.Id, default)).ShouldSucceed().Password.ShouldNotBe(oldPassword);

        (await service.Lifecycle.DisableAsync(Admin, user.Id, default)).ShouldSucceed();
        (_iam.User(user.IamUserName)!.Keys.Single().Status, (await Reload(user.Id)).Status).ShouldBe(("Inactive", SmtpUserStatus.Disabled));
        (await service.Lifecycle.RotateAsync(Admin, user.Id, default)).ShouldFail();
        (await service.Lifecycle.EnableAsync(Admin, user.Id, default)).ShouldSucceed();
        (_iam.User(user.IamUserName)!.Keys.Single().Status, (await Reload(user.Id)).Status).ShouldBe(("Active", SmtpUserStatus.Active));
    }

    [Fact]
    public async Task Rotate_NeitherTheOldNorTheNewSecretOrPassword_IsInTheStoreOrTheLogs()
    {
        var service = Service();
        var user = await CreateAsync(service);
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);
        var oldKey = _iam.User(user.IamUserName)!.Keys.Single();
        var oldPassword = (await service.Reveal.RevealAsync(Admin, user.Id, default)).ShouldSucceed().Password;

        (await service.Lifecycle.RotateAsync(Admin, user.Id, default)).ShouldSucceed();

        var newKey = _iam.User(user.IamUserName)!.Keys.Single();
        newKey.AccessKeyId.ShouldNotBe(oldKey.AccessKeyId);
        var newPassword = (await service.Reveal.RevealAsync(Admin, user.Id, default)).ShouldSucceed().Password;
        newPassword.ShouldBe(SesSmtpPassword.FromSecretKey(newKey.SecretAccessKey, "eu-west-1"));
        var file = await DatabaseTextAsync();
        var audit = string.Join("\n", (await _store.Audit.ListAuditAsync(new PageRequest(0, 50), default)).Items.Select(a => $"{a.Target} {a.Detail}"));
        foreach (var secret in new[] { oldKey.SecretAccessKey, oldPassword, newKey.SecretAccessKey, newPassword })
        {
            file.ShouldNotContain(secret);
            _logs.AllText.ShouldNotContain(secret);
            audit.ShouldNotContain(secret);
        }
        _logs.AllText.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Rotate_LeftoverKeyAtIamsLimit_IsDeletedFirst()
    {
        var service = Service();
        var user = await CreateAsync(service);
        await service.Provisioning.ProcessDueAsync("node-a", 10, default);
        // A key left behind (say, by a rotation that crashed before deleting it): the user is at IAM's limit of two.
        await _iam.CreateClient(_time).CreateAccessKeyAsync(user.IamUserName, default);
        _iam.User(user.IamUserName)!.Keys.Count.ShouldBe(FakeIamEndpoint.AccessKeysPerUser);
        var current = (await Reload(user.Id)).AccessKeyId;

        (await service.Lifecycle.RotateAsync(Admin, user.Id, default)).ShouldSucceed();

        var rotated = await Reload(user.Id);
        rotated.AccessKeyId.ShouldNotBe(current);
        _iam.User(user.IamUserName)!.Keys.Select(k => k.AccessKeyId).ShouldBe([rotated.AccessKeyId!]);
    }

    [Fact]
    public async Task Process_UserLeftWithKeysByAFailedRollback_DeletesThemBeforeMakingTheKey()
    {
        var service = Service();
        var user = await CreateAsync(service);
        var client = _iam.CreateClient(_time);
        await client.CreateUserAsync(user.IamUserName, new Dictionary<string, string>(), default);
        await client.CreateAccessKeyAsync(user.IamUserName, default);
        await client.CreateAccessKeyAsync(user.IamUserName, default);

        await service.Provisioning.ProcessDueAsync("node-a", 10, default);

        var active = await Reload(user.Id);
        active.Status.ShouldBe(SmtpUserStatus.Active);
        _iam.User(user.IamUserName)!.Keys.Select(k => k.AccessKeyId).ShouldBe([active.AccessKeyId!]);
    }

    [Fact]
    public async Task Create_AddressOutsideTheSendingDomains_IsRefused()
    {
        var result = await Service().Provisioning.CreateAsync(Admin, "x", Owner, ["bob@elsewhere.org"], default);

        var failure = result.ShouldFail();
        failure.Kind.ShouldBe(FailureKind.Invalid);
        failure.Message.ShouldContain("elsewhere.org");
    }

    [Fact]
    public async Task Process_LocalProvisioner_HappyPath_IssuesAnIamShapedKey()
    {
        var service = Service(new LocalSmtpIdentityProvisioner());
        var user = await CreateAsync(service);

        await service.Provisioning.ProcessDueAsync("node-a", 10, default);

        var active = await Reload(user.Id);
        active.Status.ShouldBe(SmtpUserStatus.Active);
        active.AccessKeyId.ShouldNotBeNull().ShouldMatch("^AKIA[A-Z2-7]{16}$");
        var revealed = (await service.Reveal.RevealAsync(Admin, user.Id, default)).ShouldSucceed();
        revealed.WorksWithSes.ShouldBeFalse();
        Convert.FromBase64String(revealed.Password)[0].ShouldBe((byte)4);
        _iam.Actions.ShouldBeEmpty();
    }
}
