using MailRelay.Core.Gmail;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>The consent state: bound to its user, single-use, ten minutes, never stored in clear. Over a real SQLite store.</summary>
public sealed class GmailConsentStatesTests : IAsyncLifetime
{
    private const string Redirect = "https://relay.example.com/api/token/callback";

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private StorePorts _store = null!;
    private GmailConsentStates _states = null!;

    private string DatabasePath => Path.Combine(_data.Path, "mailrelay.db");

    public async Task InitializeAsync()
    {
        _store = StorePorts.Sqlite(new SqliteDatabase(DatabasePath));
        await _store.Schema.InitializeAsync(default);
        foreach (var user in new[] { "alice", "bob" }) await _store.Users.EnsureUserAsync(user, $"{user}@localhost", user, [], _time.GetUtcNow(), default);
        _states = new GmailConsentStates(_store.Gmail, new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()), _time);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Take_SameUserWithinTenMinutes_GivesTheVerifierOnce()
    {
        var ticket = await _states.StartAsync("alice", Redirect, default);
        _time.Advance(TimeSpan.FromMinutes(9));

        var first = await _states.TakeAsync("alice", ticket.State, default);
        var replay = await _states.TakeAsync("alice", ticket.State, default);

        first.Refusal.ShouldBeNull();
        first.Ticket!.CodeVerifier.ShouldBe(ticket.CodeVerifier);
        first.Ticket.RedirectUri.ShouldBe(Redirect);
        replay.Refusal.ShouldBe(GmailConnectOutcome.StateExpired);
    }

    [Fact]
    public async Task Take_AfterTenMinutes_IsRefusedAsExpired()
    {
        var ticket = await _states.StartAsync("alice", Redirect, default);
        _time.Advance(GmailConsentStates.Lifetime + TimeSpan.FromSeconds(1));

        (await _states.TakeAsync("alice", ticket.State, default)).Refusal.ShouldBe(GmailConnectOutcome.StateExpired);
    }

    [Fact]
    public async Task Take_ByAnotherUser_IsRefusedAsForeign_AndTheStateIsSpent()
    {
        var ticket = await _states.StartAsync("alice", Redirect, default);

        (await _states.TakeAsync("bob", ticket.State, default)).Refusal.ShouldBe(GmailConnectOutcome.StateForeign);
        (await _states.TakeAsync("alice", ticket.State, default)).Refusal.ShouldBe(GmailConnectOutcome.StateExpired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("never-issued")]
    public async Task Take_UnknownState_IsRefused(string? state) =>
        (await _states.TakeAsync("alice", state, default)).Refusal.ShouldBe(GmailConnectOutcome.StateExpired);

    [Fact]
    public async Task Start_NewStatesAreRandomUrlSafeAndVerifiersFitPkce()
    {
        var a = await _states.StartAsync("alice", Redirect, default);
        var b = await _states.StartAsync("alice", Redirect, default);

        a.State.ShouldNotBe(b.State);
        a.CodeVerifier.ShouldNotBe(b.CodeVerifier);
        a.State.Length.ShouldBeGreaterThanOrEqualTo(43);
        a.CodeVerifier.Length.ShouldBeInRange(43, 128);
        a.CodeVerifier.ShouldMatch("^[A-Za-z0-9._~-]+$");
        a.State.ShouldMatch("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public async Task Start_StoresNeitherTheStateNorTheVerifierInClear()
    {
        var ticket = await _states.StartAsync("alice", Redirect, default);
        SqliteConnection.ClearAllPools();

        foreach (var file in Directory.GetFiles(_data.Path, "mailrelay.db*"))
        {
            var text = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file));
            text.ShouldNotContain(ticket.State);
            text.ShouldNotContain(ticket.CodeVerifier);
        }
    }

    [Fact]
    public async Task Start_ForgetsFlowsThatExpiredLongAgo()
    {
        var old = await _states.StartAsync("alice", Redirect, default);
        _time.Advance(TimeSpan.FromHours(1));
        await _states.StartAsync("bob", Redirect, default);

        (await _store.Gmail.TakeGmailConsentRequestAsync(Hash(old.State), default)).ShouldBeNull();
    }

    private static string Hash(string state) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(state)));
}
