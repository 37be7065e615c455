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
using Xunit.Abstractions;

namespace MailRelay.Tests.Integration;

/// <summary>"Send test email" against a real SMTP server process (STARTTLS, AUTH) with the SMTP user's own login.</summary>
public sealed class SmtpTestEmailTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Admin = "admin";
    private readonly TempDirectory _directory = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly SmtpIdentityOptions _options = new() { Region = "eu-west-1", SendingDomains = ["example.com"], SmtpEndpointHost = "127.0.0.1" };
    private StorePorts _store = null!;
    private SmtpProvisioning _provisioning = null!;
    private SmtpUserLifecycle _lifecycle = null!;
    private SmtpCredentialsReveal _reveal = null!;
    private SmtpTestEmail _testEmail = null!;
    private readonly PinnedServerCertificates _pins = new();
    private SmtpSinkProcess? _sink;

    public async Task InitializeAsync()
    {
        _store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_directory.Path, "mailrelay.db")));
        await _store.Schema.InitializeAsync(default);
        await _store.Users.EnsureUserAsync("alice", "alice@example.com", "Alice", [], DateTimeOffset.UtcNow, default);
        var loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        var options = Microsoft.Extensions.Options.Options.Create(_options);
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        var audit = new AuditLog(_store.Audit, TimeProvider.System);
        // One provisioner and one event bus for all three services: the local provisioner keeps its keys in memory.
        var provisioner = new LocalSmtpIdentityProvisioner();
        var events = new RelayEvents();
        _provisioning = new SmtpProvisioning(_store.Users, _store.SmtpUsers, provisioner, protector, audit, events, options, TimeProvider.System,
            loggers.CreateLogger<SmtpProvisioning>());
        _lifecycle = new SmtpUserLifecycle(_store.SmtpUsers, provisioner, protector, audit, events, options, TimeProvider.System,
            loggers.CreateLogger<SmtpUserLifecycle>());
        _reveal = new SmtpCredentialsReveal(_store.SmtpUsers, provisioner, protector, audit, options);
        _testEmail = new SmtpTestEmail(_store.SmtpUsers, _store.Users, protector, new SmtpClientTestSender(TimeProvider.System, _pins.Check), audit, options, loggers.CreateLogger<SmtpTestEmail>());
    }

    public async Task DisposeAsync()
    {
        if (_sink is not null) await _sink.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    /// <summary>
    /// An active SMTP user and its login, and the sink started with <paramref name="sinkPassword"/> (its own
    /// password when null), whose certificate the test sender trusts.
    /// </summary>
    private async Task<(SmtpUser User, SmtpCredentialsView Login)> ActiveUserWithSinkAsync(IReadOnlyList<string> allowedFrom, string? sinkPassword = null)
    {
        var user = (await _provisioning.CreateAsync(Admin, "Billing app", "alice", allowedFrom, default)).ShouldSucceed();
        await _provisioning.ProcessDueAsync("test", 10, default);
        var login = (await _reveal.RevealAsync(Admin, user.Id, default)).ShouldSucceed();
        _sink = await SmtpSinkProcess.StartAsync(login.UserName, sinkPassword ?? login.Password, default);
        _options.SmtpEndpointPort = _sink.Port;
        _pins.Pin(_sink.Certificate);
        return (user, login);
    }

    [Fact]
    public async Task SendAsync_ActiveUser_ArrivesFromItsFirstExactAddress_AuthenticatedAsItsAccessKey()
    {
        var (user, login) = await ActiveUserWithSinkAsync(["*@example.com", "Billing@Example.com", "zed@example.com"]);

        var result = (await _testEmail.SendAsync(Admin, user.Id, default)).ShouldSucceed();

        output.WriteLine(result.Answer);
        result.Accepted.ShouldBeTrue(result.Answer);
        // The sink's own reply to the message, as MailKit reports it.
        result.Answer.ShouldBe($"127.0.0.1:{_sink!.Port} answered \"250 OK: message queued\" to the message from billing@example.com to alice@example.com.");
        (result.From, result.To).ShouldBe(("billing@example.com", "alice@example.com"));
        var received = (await _sink.WaitForMessagesAsync(1)).ShouldHaveSingleItem(_sink.Transcript());
        received.From.ShouldBe("billing@example.com");
        received.To.ShouldBe(["alice@example.com"]);
        received.User.ShouldBe(login.UserName);
        received.Tls.ShouldBeTrue("AUTH must only happen after STARTTLS");
        received.RawText.ShouldContain("From: billing@example.com");
        received.RawText.ShouldContain("Subject: MailRelay test email for Billing app");
        var audit = (await _store.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.First();
        (audit.Action, audit.ActorId, audit.Target).ShouldBe((AuditActions.SmtpUserTestEmail, Admin, user.Id));
        audit.Detail.ShouldNotBeNull().ShouldContain("accepted");
        _logs.AllText.ShouldNotContain(login.Password);
    }

    [Fact]
    public async Task SendAsync_ServerRefusesThePassword_ShowsTheServersAnswer_NothingArrives()
    {
        var (user, login) = await ActiveUserWithSinkAsync(["billing@example.com"], sinkPassword: "not-what-mailrelay-has");

        var result = (await _testEmail.SendAsync(Admin, user.Id, default)).ShouldSucceed();

        output.WriteLine(result.Answer);
        result.Accepted.ShouldBeFalse();
        // smtp-sink.mjs refuses the login with smtp-server's 535 and the text its onAuth gives.
        result.Answer.ShouldBe($"127.0.0.1:{_sink!.Port} refused the login: \"535 Invalid username or password\"");
        result.Answer.ShouldNotContain(login.Password);
        _sink.Received.ShouldBeEmpty();
        var audit = (await _store.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.First();
        audit.Action.ShouldBe(AuditActions.SmtpUserTestEmail);
        audit.Detail.ShouldNotBeNull().ShouldContain("refused");
        audit.Detail.ShouldNotContain(login.Password);
        _logs.AllText.ShouldNotContain(login.Password);
    }

    [Fact]
    public async Task SendAsync_CertificateNotTrusted_SaysSoAndNothingArrives()
    {
        var (_, login) = await ActiveUserWithSinkAsync(["billing@example.com"]);
        var request = new SmtpTestRequest("127.0.0.1", _sink!.Port, login.UserName, login.Password, "billing@example.com", "alice@example.com",
            "Untrusted", "Never sent", TimeSpan.FromSeconds(15));

        // Without the pin: the system's trust store only.
        var outcome = await new SmtpClientTestSender(TimeProvider.System).SendAsync(request, default);

        output.WriteLine(outcome.Answer);
        outcome.Accepted.ShouldBeFalse();
        outcome.Answer.ShouldContain("certificate is not trusted here");
        outcome.Answer.ShouldNotContain(login.Password);
        _sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_OnlyAWildcardCoveringTheOwner_SendsAsTheOwner()
    {
        var (user, _) = await ActiveUserWithSinkAsync(["*@example.com"]);

        var result = (await _testEmail.SendAsync(Admin, user.Id, default)).ShouldSucceed();

        result.Accepted.ShouldBeTrue(result.Answer);
        (await _sink!.WaitForMessagesAsync(1)).ShouldHaveSingleItem().From.ShouldBe("alice@example.com");
    }

    [Fact]
    public async Task SendAsync_NotActive_IsRefusedWithoutContactingTheServer()
    {
        var (user, _) = await ActiveUserWithSinkAsync(["billing@example.com"]);
        (await _lifecycle.DisableAsync(Admin, user.Id, default)).ShouldSucceed();

        var result = await _testEmail.SendAsync(Admin, user.Id, default);

        result.ShouldFail().ShouldBe(Failure.Conflict("Only active SMTP users can send a test email."));
        _sink!.Received.ShouldBeEmpty();
    }

    [Fact]
    public void ChooseFrom_WildcardNotCoveringTheOwner_IsNull()
    {
        var user = SmtpUser.New("id", "n", "alice", ["*@example.org"], "iam", DateTimeOffset.UtcNow);

        SmtpTestEmail.ChooseFrom(user, "alice@example.com").ShouldBeNull();
        SmtpTestEmail.ChooseFrom(user, "Alice@Example.org").ShouldBe("alice@example.org");
    }
}
