using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Outbound;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Integration;

/// <summary>The rates behind the SMTP users page: one read per minute for every row, last 30 days only.</summary>
public sealed class SendingRatesTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private StorePorts _store = null!;
    private SendingRates _rates = null!;

    public async Task InitializeAsync()
    {
        _store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await _store.Schema.InitializeAsync(default);
        _rates = new SendingRates(new UsageReport(_store.Usage, _time), _time);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return Task.CompletedTask;
    }

    private Task BounceAsync(string id, DateTimeOffset at) =>
        _store.Usage.RecordOutboundEventAsync(new OutboundEvent(id, OutboundEventType.Bounce, at, null, null, null, 1), "s1", default);

    [Fact]
    public async Task ForAsync_WithinAMinute_ServedFromTheLastReadThenRefreshed()
    {
        await BounceAsync("m1", _time.GetUtcNow());
        (await _rates.ForAsync("s1", default)).Bounces.ShouldBe(1);

        await BounceAsync("m2", _time.GetUtcNow());
        (await _rates.ForAsync("s1", default)).Bounces.ShouldBe(1);

        _time.Advance(SendingRates.CacheFor);
        (await _rates.ForAsync("s1", default)).Bounces.ShouldBe(2);
    }

    [Fact]
    public async Task ForAsync_AfterInvalidate_ReadsAgainAtOnce()
    {
        (await _rates.ForAsync("s1", default)).Bounces.ShouldBe(0);
        await BounceAsync("m1", _time.GetUtcNow());

        _rates.Invalidate();

        (await _rates.ForAsync("s1", default)).Bounces.ShouldBe(1);
    }

    [Fact]
    public async Task ForAsync_EventsOlderThanTheWindow_NotCounted()
    {
        await BounceAsync("old", _time.GetUtcNow() - UsageReport.RateWindow - TimeSpan.FromMinutes(1));

        (await _rates.ForAsync("s1", default)).ShouldBe(new OutboundRates("s1", 0, 0, 0, 0));
    }
}
