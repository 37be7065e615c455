using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Gmail.Adapters;
using MailRelay.Tests.Fakes;

namespace MailRelay.Tests.Integration;

public sealed class GmailMailboxDeliveryTests : IAsyncLifetime
{
    private const string UserId = "user-alice";
    private const string Email = "alice@gmail.example";
    private GmailDeliveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await GmailDeliveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task DeliverAsync_SmallMessage_ArrivesByteForByteInInboxUnread()
    {
        await _h.ConnectAsync(UserId, Email);
        var raw = GmailDeliveryHarness.RawMessage(3_000);

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, raw), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered, result.Error);
        var message = _h.Google.Mailbox(Email).ShouldHaveSingleItem();
        result.ExternalId.ShouldBe(message.Id);
        message.Raw.ShouldBe(raw);
        message.LabelIds.ShouldBe(["INBOX", "UNREAD"]);
        message.UploadType.ShouldBe("multipart");
        message.InternalDateSource.ShouldBe("receivedTime");
    }

    [Fact]
    public async Task DeliverAsync_MarkAsSpam_GoesToSpamUnreadInsteadOfInbox()
    {
        await _h.ConnectAsync(UserId, Email);

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage(), markAsSpam: true), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered, result.Error);
        _h.Google.Mailbox(Email).ShouldHaveSingleItem().LabelIds.ShouldBe(["SPAM", "UNREAD"]);
    }

    [Fact]
    public async Task DeliverAsync_SixMegabyteMessage_GoesThroughResumableUploadIntact()
    {
        await _h.ConnectAsync(UserId, Email);
        var raw = GmailDeliveryHarness.RawMessage(6 * 1024 * 1024, seed: 6);

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, raw), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered, result.Error);
        var message = _h.Google.Mailbox(Email).ShouldHaveSingleItem();
        message.UploadType.ShouldBe("resumable");
        message.Raw.Length.ShouldBe(raw.Length);
        message.Raw.AsSpan().SequenceEqual(raw).ShouldBeTrue("the bytes arrive unchanged");
        message.LabelIds.ShouldBe(["INBOX", "UNREAD"]);
        message.InternalDateSource.ShouldBe("receivedTime");
        result.ExternalId.ShouldBe(message.Id);
    }

    [Fact]
    public async Task DeliverAsync_SecondDelivery_ReusesCachedAccessTokenUntilFiveMinutesBeforeExpiry()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        var request = GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage());

        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);
        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);
        _h.Google.RefreshCount(user).ShouldBe(1);

        // The fake issues 3599 s tokens: kept until 3599 - 300 s after they were issued.
        _h.Time.Advance(TimeSpan.FromSeconds(3599 - 300 - 1));
        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);
        _h.Google.RefreshCount(user).ShouldBe(1);

        _h.Time.Advance(TimeSpan.FromSeconds(2));
        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);
        _h.Google.RefreshCount(user).ShouldBe(2);
        _h.Google.Mailbox(Email).Count.ShouldBe(4);
    }

    [Fact]
    public async Task DeliverAsync_ManyAtOnceForOneUser_RefreshOnce()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(user).WithTokenLatency(TimeSpan.FromMilliseconds(100));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage(seed: i)), default)));

        results.ShouldAllBe(r => r.Outcome == MailboxDeliveryOutcome.Delivered);
        _h.Google.RefreshCount(user).ShouldBe(1);
        _h.Google.Mailbox(Email).Count.ShouldBe(8);
    }

    [Fact]
    public async Task DeliverAsync_StoredTokenReplaced_DropsTheCachedAccessToken()
    {
        var first = await _h.ConnectAsync(UserId, Email);
        var request = GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage());
        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);

        var renewed = _h.Google.AddUser(Email);
        await _h.SaveConnectionAsync(UserId, renewed);
        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);

        _h.Google.RefreshCount(first).ShouldBe(1);
        _h.Google.RefreshCount(renewed).ShouldBe(1);
    }

    [Fact]
    public async Task DeliverAsync_InvalidGrant_IsPermanentTokenErrorWithoutImport()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(user.RefreshToken).TokenAnswers(FakeResponse.InvalidGrant());

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.PermanentTokenError);
        result.Error.ShouldNotBeNull().ShouldContain("invalid_grant");
        result.Error.ShouldContain("Token has been expired or revoked.");
        _h.Google.ImportRequests.ShouldBe(0);
        _h.Google.Mailbox(Email).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(GmailConnectionStatus.Expired)]
    [InlineData(GmailConnectionStatus.Revoked)]
    [InlineData(GmailConnectionStatus.Disabled)]
    public async Task DeliverAsync_UnusableConnection_IsTokenErrorWithoutCallingGoogle(GmailConnectionStatus status)
    {
        var user = await _h.ConnectAsync(UserId, Email, status);

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.ShouldBe(MailboxDeliveryResult.TokenError(GmailMailboxDelivery.NotConnected));
        _h.Google.RefreshCount(user).ShouldBe(0);
        _h.Google.ImportRequests.ShouldBe(0);
    }

    [Fact]
    public async Task DeliverAsync_NoConnection_IsTokenError()
    {
        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request("nobody", GmailDeliveryHarness.RawMessage()), default);

        result.ShouldBe(MailboxDeliveryResult.TokenError("Gmail is not connected"));
    }

    [Fact]
    public async Task DeliverAsync_Import500_IsTransient()
    {
        await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(Email).ImportStatuses(500);

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        result.Error.ShouldNotBeNull().ShouldContain("500");
        _h.Google.Mailbox(Email).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_Import429WithRetryAfter_IsTransientWithThatDelay()
    {
        await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(Email).ImportAnswers(FakeResponse.RateLimited(TimeSpan.FromSeconds(7)));

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task DeliverAsync_Import403UserRateLimitExceeded_IsTransient()
    {
        await _h.ConnectAsync(UserId, Email);
        _h.Google.Script().ImportAnswers(FakeResponse.RateLimited(null, status: 403));

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        result.Error.ShouldNotBeNull().ShouldContain("userRateLimitExceeded");
        result.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task DeliverAsync_ImportThreeFailuresThenSuccess_FollowsTheScriptInOrder()
    {
        await _h.ConnectAsync(UserId, Email);
        _h.Google.Script().ImportStatuses(500, 503, 500);
        var request = GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage());

        var outcomes = new List<MailboxDeliveryOutcome>();
        for (var i = 0; i < 4; i++) outcomes.Add((await _h.Delivery.DeliverAsync(request, default)).Outcome);

        outcomes.ShouldBe([MailboxDeliveryOutcome.Transient, MailboxDeliveryOutcome.Transient, MailboxDeliveryOutcome.Transient, MailboxDeliveryOutcome.Delivered]);
        _h.Google.Mailbox(Email).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task DeliverAsync_Import400_IsRefusedWithGooglesMessage()
    {
        await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(Email).ImportAnswers(FakeResponse.GmailError(400, "Invalid To header", "invalidArgument"));

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.MessageError);
        result.Error.ShouldNotBeNull().ShouldContain("Invalid To header");
    }

    [Fact]
    public async Task DeliverAsync_AccessTokenRejected_RefreshesOnceAndDelivers()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        var request = GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage());
        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);

        _h.Google.ExpireAccessTokens(Email);
        var result = await _h.Delivery.DeliverAsync(request, default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered, result.Error);
        _h.Google.RefreshCount(user).ShouldBe(2);
        _h.Google.Mailbox(Email).Count.ShouldBe(2);
    }

    [Fact]
    public async Task DeliverAsync_GrantRevokedWhileTokenCached_IsPermanentTokenError()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        var request = GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage());
        (await _h.Delivery.DeliverAsync(request, default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);

        _h.Google.Revoke(Email);
        var result = await _h.Delivery.DeliverAsync(request, default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.PermanentTokenError);
        result.Error.ShouldNotBeNull().ShouldContain("invalid_grant");
        _h.Google.RefreshCount(user).ShouldBe(2, "the 401 drops the cached token and one refresh finds the grant revoked");
        _h.Google.Mailbox(Email).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task DeliverAsync_FreshTokenRejectedToo_IsTokenErrorAfterOneRetry()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        var unauthenticated = FakeResponse.GmailError(401, "Request had invalid authentication credentials.", "authError");
        _h.Google.Script(Email).ImportAnswers(unauthenticated, unauthenticated, unauthenticated);

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.PermanentTokenError);
        result.Error.ShouldNotBeNull().ShouldContain("401");
        _h.Google.RefreshCount(user).ShouldBe(2);
        _h.Google.ImportRequests.ShouldBe(2);
    }

    [Fact]
    public async Task DeliverAsync_ResumableSessionRefused_IsTransientWithRetryAfter()
    {
        await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(Email).ImportAnswers(FakeResponse.WithStatus(503) with { RetryAfter = TimeSpan.FromSeconds(30) });

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage(6 * 1024 * 1024)), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        _h.Google.UploadBytesReceived.ShouldBe(0, "no session, so the message was not sent");
    }

    [Fact]
    public async Task DeliverAsync_TokenEndpoint500_IsTransient()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(user).TokenStatuses(500);

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        _h.Google.ImportRequests.ShouldBe(0);
    }

    [Fact]
    public async Task DeliverAsync_TokenEndpointAnswersHtml502_IsTransient()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(user).TokenAnswers(new FakeResponse(502, "<html><body>Bad Gateway</body></html>"));

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient, result.Error);
    }

    [Fact]
    public async Task DeliverAsync_ClientRefusedByGoogle_IsTokenErrorNamingTheReason()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        _h.Google.Script(user).TokenAnswers(FakeResponse.TokenError(401, "invalid_client", "The OAuth client was not found."));

        var result = await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.PermanentTokenError);
        result.Error.ShouldNotBeNull().ShouldContain("invalid_client");
    }

    [Fact]
    public async Task DeliverAsync_SlowGoogle_TimesOutAsTransient()
    {
        await using var h = await GmailDeliveryHarness.StartAsync(new() { ["Google:RequestTimeout"] = "00:00:00.300" });
        var user = await h.ConnectAsync(UserId, Email);
        h.Google.Script(user).TokenAnswers(FakeResponse.Delayed(TimeSpan.FromSeconds(5)));
        var request = GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage());

        var slowToken = await h.Delivery.DeliverAsync(request, default);
        h.Google.Script(user).ImportAnswers(FakeResponse.Delayed(TimeSpan.FromSeconds(5)));
        var slowImport = await h.Delivery.DeliverAsync(request, default);

        slowToken.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        slowToken.Error.ShouldNotBeNull().ShouldContain("did not answer");
        slowImport.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        slowImport.Error.ShouldNotBeNull().ShouldContain("did not answer");
    }

    [Fact]
    public async Task DeliverAsync_GoogleUnreachable_IsTransient()
    {
        await using var h = await GmailDeliveryHarness.StartAsync(new() { ["Google:GmailApiBaseUrl"] = "http://127.0.0.1:1" });
        await h.ConnectAsync(UserId, Email);

        var result = await h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Transient);
        result.Error.ShouldNotBeNull().ShouldContain("could not be reached");
    }

    [Fact]
    public async Task DeliverAsync_CallerCancels_Throws()
    {
        await _h.ConnectAsync(UserId, Email);
        _h.Google.Script().WithImportLatency(TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() =>
            _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage()), cancel.Token));
    }

    [Theory]
    [InlineData(4 * 1024 * 1024)]
    [InlineData(6 * 1024 * 1024)]
    public async Task DeliverAsync_LargeMessage_IsStreamedNotBufferedFirst(int size)
    {
        await _h.ConnectAsync(UserId, Email);
        var raw = GmailDeliveryHarness.RawMessage(size, seed: 3);
        // The second half is only handed out once the fake has received a megabyte: a client that
        // read the whole message before sending would wait here for ever (and fail the timeout).
        var request = new MailboxDeliveryRequest(UserId, "big", raw.Length, false,
            _ => Task.FromResult<Stream>(new GatedStream(raw, raw.Length / 2, () => _h.Google.UploadBytesReceived >= 1024 * 1024)));

        var result = await _h.Delivery.DeliverAsync(request, default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered, result.Error);
        _h.Google.Mailbox(Email).ShouldHaveSingleItem().Raw.AsSpan().SequenceEqual(raw).ShouldBeTrue();
    }

    [Fact]
    public async Task DeliverAsync_AnyOutcome_NeverLogsRefreshOrAccessTokens()
    {
        var user = await _h.ConnectAsync(UserId, Email);
        var request = GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage());
        var accessTokens = new List<string>();

        await _h.Delivery.DeliverAsync(request, default);
        accessTokens.Add((await _h.Tokens.GetAsync((await _h.Store.Gmail.FindGmailConnectionAsync(UserId, default))!, default)).Value!);
        _h.Google.ExpireAccessTokens(Email);
        await _h.Delivery.DeliverAsync(request, default);
        accessTokens.Add((await _h.Tokens.GetAsync((await _h.Store.Gmail.FindGmailConnectionAsync(UserId, default))!, default)).Value!);
        _h.Google.Script(Email).ImportAnswers(FakeResponse.GmailError(400, "Invalid To header"));
        await _h.Delivery.DeliverAsync(request, default);
        await _h.Delivery.DeliverAsync(GmailDeliveryHarness.Request(UserId, GmailDeliveryHarness.RawMessage(6 * 1024 * 1024)), default);
        _h.Google.Revoke(Email);
        await _h.Delivery.DeliverAsync(request, default);

        var logged = _h.Logs.AllText;
        _h.Logs.Entries.Count.ShouldBeGreaterThan(5);
        logged.ShouldContain(UserId);
        logged.ShouldNotContain(user.RefreshToken);
        logged.ShouldNotContain("1//fake-refresh");
        foreach (var token in accessTokens)
            _h.Logs.Entries.Where(e => e.ToString().Contains(token, StringComparison.Ordinal)).ShouldBeEmpty();
        logged.ShouldNotContain("ya29.");
        logged.ShouldNotContain("upload_id", customMessage: "a resumable session URL is a credential too");
    }

    /// <summary>Hands out bytes up to a gate, then waits (up to 20 s) for a condition before handing out the rest.</summary>
    private sealed class GatedStream(byte[] data, int gate, Func<bool> open) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == gate)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!open())
                {
                    if (waited.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("The upload did not start before the message was read whole.");
                    await Task.Delay(10, cancellationToken);
                }
            }
            var end = _position < gate ? gate : data.Length;
            var count = Math.Min(buffer.Length, end - _position);
            data.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
