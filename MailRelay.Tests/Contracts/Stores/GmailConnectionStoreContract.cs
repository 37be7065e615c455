using MailRelay.Core.Gmail;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IGmailConnectionStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class GmailConnectionStoreContract : StoreContract
{
    [Fact]
    public async Task DeleteGmailConnection_RemovesItOnce()
    {
        await Stores.Users.EnsureUserAsync("alice", "alice@example.com", "Alice", [], T0, default);
        await Stores.Gmail.SaveGmailConnectionAsync(new GmailConnection("alice", "alice@gmail.example", "protected", "gmail.insert", T0, null,
            GmailConnectionStatus.Connected, 0, null, null), default);

        (await Stores.Gmail.DeleteGmailConnectionAsync("alice", default)).ShouldBeTrue();
        (await Stores.Gmail.DeleteGmailConnectionAsync("alice", default)).ShouldBeFalse();
        (await Stores.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
    }

    [Fact]
    public async Task GmailRenewals_AddThenList_NewestFirstPerUserWithAllFieldsAndLimit()
    {
        foreach (var user in new[] { "alice", "bob" }) await Stores.Users.EnsureUserAsync(user, $"{user}@example.com", user, [], T0, default);
        var first = await Stores.Gmail.AddGmailRenewalAsync(new GmailRenewal(0, "alice", T0, "alice@gmail.example", "gmail.insert", T0.AddDays(7), 3), default);
        await Stores.Gmail.AddGmailRenewalAsync(new GmailRenewal(0, "alice", T0.AddDays(6), "alice@gmail.example", "gmail.insert openid", null, 0), default);
        await Stores.Gmail.AddGmailRenewalAsync(new GmailRenewal(0, "bob", T0.AddDays(1), "bob@gmail.example", "gmail.insert", null, 0), default);

        var renewals = await Stores.Gmail.ListGmailRenewalsAsync("alice", 10, default);

        first.Id.ShouldBeGreaterThan(0);
        renewals.Select(r => r.At).ShouldBe([T0.AddDays(6), T0]);
        renewals[1].ShouldBe(first);
        (await Stores.Gmail.ListGmailRenewalsAsync("alice", 1, default)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task GmailConsentRequest_TakenOnceOnly_AndExpiredOnesAreForgottenOnSave()
    {
        await Stores.Users.EnsureUserAsync("alice", "alice@example.com", "Alice", [], T0, default);
        var request = new GmailConsentRequest("hash-1", "alice", "protected-verifier", "https://relay.example/api/token/callback", T0, T0.AddMinutes(10));
        await Stores.Gmail.SaveGmailConsentRequestAsync(request, T0, default);
        await Stores.Gmail.SaveGmailConsentRequestAsync(request with { StateHash = "hash-old", ExpiresAt = T0.AddMinutes(-1) }, T0.AddMinutes(-11), default);
        await Stores.Gmail.SaveGmailConsentRequestAsync(request with { StateHash = "hash-2" }, T0.AddMinutes(5), default);

        (await Stores.Gmail.TakeGmailConsentRequestAsync("hash-1", default)).ShouldBe(request);
        (await Stores.Gmail.TakeGmailConsentRequestAsync("hash-1", default)).ShouldBeNull();
        (await Stores.Gmail.TakeGmailConsentRequestAsync("hash-old", default)).ShouldBeNull();
        (await Stores.Gmail.TakeGmailConsentRequestAsync("hash-2", default)).ShouldNotBeNull();
    }

    private static GmailConnection Connection(string userId, DateTimeOffset issuedAt, DateTimeOffset? expiresAt, GmailConnectionStatus status = GmailConnectionStatus.Connected) =>
        new(userId, $"{userId}@gmail.example", "protected-" + userId, "gmail.insert", issuedAt, expiresAt, status, 0, null, null);

    /// <summary>A connection belongs to a signed-in user (SQLite enforces it with a foreign key).</summary>
    private async Task SaveConnectionAsync(GmailConnection connection, CancellationToken cancellationToken)
    {
        await Stores.Users.EnsureUserAsync(connection.UserId, connection.UserId + "@example.com", connection.UserId, [], T0, cancellationToken);
        await Stores.Gmail.SaveGmailConnectionAsync(connection, cancellationToken);
    }

    [Fact]
    public async Task SaveGmailConnection_ThenFind_RoundTripsEveryField()
    {
        var connection = Connection("alice", T0, T0.AddDays(7), GmailConnectionStatus.Failing) with
        {
            FailureCount = 2, LastError = "timeout", LastErrorAt = T0.AddHours(1),
        };

        await SaveConnectionAsync(connection, default);

        (await Stores.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBe(connection);
        (await Stores.Gmail.FindGmailConnectionAsync("bob", default)).ShouldBeNull();
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

        (await Stores.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBe(renewed);
    }

    [Fact]
    public async Task UpdateGmailConnectionStatus_KeepsTheToken_AndIgnoresAMissingConnection()
    {
        var connection = Connection("alice", T0, null);
        await SaveConnectionAsync(connection, default);

        await Stores.Gmail.UpdateGmailConnectionStatusAsync("alice", GmailConnectionStatus.Disabled, 3, "refresh failed", T0.AddHours(2), default);
        await Stores.Gmail.UpdateGmailConnectionStatusAsync("nobody", GmailConnectionStatus.Disabled, 3, "x", T0, default);

        (await Stores.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBe(connection with
        {
            Status = GmailConnectionStatus.Disabled, FailureCount = 3, LastError = "refresh failed", LastErrorAt = T0.AddHours(2),
        });
        (await Stores.Gmail.FindGmailConnectionAsync("nobody", default)).ShouldBeNull();
    }

    [Fact]
    public async Task TakeGmailConsentRequest_TwoRacingCallbacks_OnlyOneGetsIt()
    {
        await Stores.Users.EnsureUserAsync("alice", "alice@example.com", "Alice", [], T0, default);
        await Stores.Gmail.SaveGmailConsentRequestAsync(new GmailConsentRequest("hash-race", "alice", "v", "https://relay.example/cb", T0, T0.AddMinutes(10)), T0, default);

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Stores.Gmail.TakeGmailConsentRequestAsync("hash-race", default)));

        taken.Count(t => t is not null).ShouldBe(1);
        (await Stores.Gmail.TakeGmailConsentRequestAsync("never-saved", default)).ShouldBeNull();
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

        var expiring = await Stores.Gmail.ListConnectionsExpiringBeforeAsync(T0.AddDays(1).AddSeconds(1), default);

        expiring.Select(e => e.Connection.UserId).ShouldBe(["bob", "alice"]);
        expiring.ShouldAllBe(e => !e.AlertSent);
        expiring[1].Connection.ShouldBe(Connection("alice", T0, T0.AddDays(1)));
    }

    [Fact]
    public async Task ClaimExpiryAlert_OncePerToken_AndAgainForTheRenewedToken()
    {
        await SaveConnectionAsync(Connection("alice", T0, T0.AddDays(1)), default);

        (await Stores.Gmail.ClaimExpiryAlertAsync("alice", T0, default)).ShouldBeTrue();
        (await Stores.Gmail.ClaimExpiryAlertAsync("alice", T0, default)).ShouldBeFalse();
        (await Stores.Gmail.ClaimExpiryAlertAsync("alice", T0.AddDays(-3), default)).ShouldBeFalse();
        (await Stores.Gmail.ClaimExpiryAlertAsync("nobody", T0, default)).ShouldBeFalse();
        (await Stores.Gmail.ListConnectionsExpiringBeforeAsync(T0.AddDays(2), default)).ShouldHaveSingleItem().AlertSent.ShouldBeTrue();

        await SaveConnectionAsync(Connection("alice", T0.AddDays(1), T0.AddDays(8)), default);

        (await Stores.Gmail.ListConnectionsExpiringBeforeAsync(T0.AddDays(9), default)).ShouldHaveSingleItem().AlertSent.ShouldBeFalse();
        (await Stores.Gmail.ClaimExpiryAlertAsync("alice", T0.AddDays(1), default)).ShouldBeTrue();
    }
}
