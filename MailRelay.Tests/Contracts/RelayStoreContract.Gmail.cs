using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    private static GmailConnection Connection(string userId, DateTimeOffset issuedAt, DateTimeOffset? expiresAt, GmailConnectionStatus status = GmailConnectionStatus.Connected) =>
        new(userId, $"{userId}@gmail.example", "protected-" + userId, "gmail.insert", issuedAt, expiresAt, status, 0, null, null);

    /// <summary>A connection belongs to a signed-in user (SQLite enforces it with a foreign key).</summary>
    private async Task SaveConnectionAsync(GmailConnection connection, CancellationToken cancellationToken)
    {
        await Store.EnsureUserAsync(connection.UserId, connection.UserId + "@example.com", connection.UserId, [], T0, cancellationToken);
        await Store.SaveGmailConnectionAsync(connection, cancellationToken);
    }

    [Fact]
    public async Task SaveGmailConnection_ThenFind_RoundTripsEveryField()
    {
        var connection = Connection("alice", T0, T0.AddDays(7), GmailConnectionStatus.Failing) with
        {
            FailureCount = 2, LastError = "timeout", LastErrorAt = T0.AddHours(1),
        };

        await SaveConnectionAsync(connection, default);

        (await Store.FindGmailConnectionAsync("alice", default)).ShouldBe(connection);
        (await Store.FindGmailConnectionAsync("bob", default)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveGmailConnection_Renewal_ReplacesTokenExpiryAndError()
    {
        await SaveConnectionAsync(Connection("alice", T0, T0.AddDays(7), GmailConnectionStatus.Expired) with
        {
            FailureCount = 3, LastError = "invalid_grant", LastErrorAt = T0,
        }, default);
        var renewed = Connection("alice", T0.AddDays(8), null) with { ProtectedRefreshToken = "protected-new" };

        await SaveConnectionAsync(renewed, default);

        (await Store.FindGmailConnectionAsync("alice", default)).ShouldBe(renewed);
    }

    [Fact]
    public async Task UpdateGmailConnectionStatus_KeepsTheToken_AndIgnoresAMissingConnection()
    {
        var connection = Connection("alice", T0, null);
        await SaveConnectionAsync(connection, default);

        await Store.UpdateGmailConnectionStatusAsync("alice", GmailConnectionStatus.Disabled, 3, "refresh failed", T0.AddHours(2), default);
        await Store.UpdateGmailConnectionStatusAsync("nobody", GmailConnectionStatus.Disabled, 3, "x", T0, default);

        (await Store.FindGmailConnectionAsync("alice", default)).ShouldBe(connection with
        {
            Status = GmailConnectionStatus.Disabled, FailureCount = 3, LastError = "refresh failed", LastErrorAt = T0.AddHours(2),
        });
        (await Store.FindGmailConnectionAsync("nobody", default)).ShouldBeNull();
    }

    [Fact]
    public async Task TakeGmailConsentRequest_TwoRacingCallbacks_OnlyOneGetsIt()
    {
        await Store.EnsureUserAsync("alice", "alice@example.com", "Alice", [], T0, default);
        await Store.SaveGmailConsentRequestAsync(new GmailConsentRequest("hash-race", "alice", "v", "https://relay.example/cb", T0, T0.AddMinutes(10)), T0, default);

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Store.TakeGmailConsentRequestAsync("hash-race", default)));

        taken.Count(t => t is not null).ShouldBe(1);
        (await Store.TakeGmailConsentRequestAsync("never-saved", default)).ShouldBeNull();
    }

    [Fact]
    public async Task ListConnectionsExpiringBefore_OnlyUsableWithAKnownExpiryBeforeTheCutoff_SoonestFirst()
    {
        await SaveConnectionAsync(Connection("alice", T0, T0.AddDays(1)), default);
        await SaveConnectionAsync(Connection("bob", T0, T0.AddHours(2), GmailConnectionStatus.Failing), default);
        await SaveConnectionAsync(Connection("carol", T0, T0.AddHours(3), GmailConnectionStatus.Expired), default);
        await SaveConnectionAsync(Connection("dave", T0, null), default);
        await SaveConnectionAsync(Connection("erin", T0, T0.AddDays(5)), default);
        await SaveConnectionAsync(Connection("fred", T0, T0.AddDays(1).AddSeconds(1)), default);

        var expiring = await Store.ListConnectionsExpiringBeforeAsync(T0.AddDays(1).AddSeconds(1), default);

        expiring.Select(e => e.Connection.UserId).ShouldBe(["bob", "alice"]);
        expiring.ShouldAllBe(e => !e.AlertSent);
        expiring[1].Connection.ShouldBe(Connection("alice", T0, T0.AddDays(1)));
    }

    [Fact]
    public async Task ClaimExpiryAlert_OncePerToken_AndAgainForTheRenewedToken()
    {
        await SaveConnectionAsync(Connection("alice", T0, T0.AddDays(1)), default);

        (await Store.ClaimExpiryAlertAsync("alice", T0, default)).ShouldBeTrue();
        (await Store.ClaimExpiryAlertAsync("alice", T0, default)).ShouldBeFalse();
        (await Store.ClaimExpiryAlertAsync("alice", T0.AddDays(-3), default)).ShouldBeFalse();
        (await Store.ClaimExpiryAlertAsync("nobody", T0, default)).ShouldBeFalse();
        (await Store.ListConnectionsExpiringBeforeAsync(T0.AddDays(2), default)).ShouldHaveSingleItem().AlertSent.ShouldBeTrue();

        await SaveConnectionAsync(Connection("alice", T0.AddDays(1), T0.AddDays(8)), default);

        (await Store.ListConnectionsExpiringBeforeAsync(T0.AddDays(9), default)).ShouldHaveSingleItem().AlertSent.ShouldBeFalse();
        (await Store.ClaimExpiryAlertAsync("alice", T0.AddDays(1), default)).ShouldBeTrue();
    }
}
