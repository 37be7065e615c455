using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Routing;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

public sealed class ForwardingHostTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void ForwardingService_FromTheHost_HasALeaseOwnerOfAtMost48Characters()
    {
        // It used to cut its id to 48 characters with [..48], which throws on a machine with a short name.
        var forwarding = _factory.Services.GetRequiredService<ForwardingService>();

        forwarding.InstanceId.Length.ShouldBeLessThanOrEqualTo(48);
        forwarding.InstanceId.ShouldEndWith($"-{Environment.ProcessId}-{forwarding.InstanceId[^32..]}");
    }

    [Fact]
    public async Task UploadedMessage_ForRoutedAddress_IsDeliveredByTheHostsForwarding()
    {
        var services = _factory.Services;
        var store = StorePorts.From(services);
        await store.Routes.SaveRouteAsync(new MailRoute(0, "alice@example.com", [new RouteAction(RouteActionKind.Gmail, "alice")], false, DateTimeOffset.UtcNow), default);

        var (_, id) = await services.GetRequiredService<MessageUpload>()
            .UploadAsync("admin", new MemoryStream("Subject: hello\r\n\r\nhi\r\n"u8.ToArray()), ["alice@example.com"], default);

        await services.GetRequiredService<ForwardingService>().RunOnceAsync(default);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        Delivery delivery;
        // The host's own forwarding job may have taken it first; either way it ends delivered.
        while ((delivery = (await store.Deliveries.ListDeliveriesOfMessageAsync(id, default)).Single()).Status != DeliveryStatus.Delivered && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.UserId.ShouldBe("alice");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
