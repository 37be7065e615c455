using MailRelay.Core.Metrics;
using MailRelay.Core.Routing;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>The sampler in the real engine: the jobs' outcomes and the store's queues reach the live series.</summary>
public sealed class QueueMetricsHostTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private RelayHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RelayHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Metrics:SampleInterval"] = "00:00:01", ["Metrics:Provider"] = "None" });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task DroppedMail_DeliveredAndHeld_ShowsAsOutcomesAndDepth()
    {
        await _host.RouteAsync("alice@example.com", "alice", RouteActionKind.LocalMailbox);
        var metrics = _host.Services.GetRequiredService<QueueMetrics>();
        await MessageFiles.DropAsync(_data.Path, "for-alice.eml", MessageFiles.Raw("alice@example.com", "Delivered"), ["alice@example.com"]);
        await MessageFiles.DropAsync(_data.Path, "nobody-1.eml", MessageFiles.Raw("nobody@example.com", "Held 1"), ["nobody@example.com"]);
        await MessageFiles.DropAsync(_data.Path, "nobody-2.eml", MessageFiles.Raw("nobody@example.com", "Held 2"), ["nobody@example.com"]);

        await RelayHost.EventuallyAsync(() =>
        {
            var view = metrics.Snapshot(MetricsWindow.Last24Hours);
            return Task.FromResult(view.Latest?.Total == 2 && view.Outcomes.Sum(o => o.Counts.Delivered) == 1);
        }, "two held messages waiting and one delivery counted");

        var latest = metrics.Snapshot(MetricsWindow.LastHour).Latest!;
        latest.Users.Single(u => u.UserId == "").Depth.ShouldBe(2, "held without a user");
        latest.Users.Single(u => u.UserId == "alice").Depth.ShouldBe(0);
    }
}
