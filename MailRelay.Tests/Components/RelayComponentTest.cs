using System.Security.Claims;
using Bunit;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Queues;
using MailRelay.Core.Routing;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Core.Users;
using MailRelay.Tests.Support;
using MailRelay.Web.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace MailRelay.Tests.Components;

/// <summary>
/// A bUnit context with the real relay services over a SQLite store and folders of this test's
/// own; only the Quartz trigger is a recording fake. Users admin, alice and bob exist.
/// </summary>
public abstract class RelayComponentTest : BunitContext, IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    protected RelayComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<MailRelay.Web.Components.Layout.ThemeState>();
        Services.AddScoped<MailRelay.Web.Components.Shared.ViewerTimeZone>();
        Store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        Store.AddTo(Services);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Events);
        Services.AddSingleton<IForwardingScheduler>(Forwarding);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<IBlobStore>(new FolderBlobStore(Path.Combine(_data.Path, "blobs")));
        Services.AddSingleton<IInboundSource>(new FolderInboundSource(InboxPath, TimeProvider.System, NullLogger<FolderInboundSource>.Instance));
        Services.AddSingleton(new LocalMailboxDelivery(Path.Combine(_data.Path, "mailboxes")));
        Services.AddSingleton<ILocalMailboxes>(sp => sp.GetRequiredService<LocalMailboxDelivery>());
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<IStuckInboxItems>(new FolderStuckInboxItems(InboxPath));
        Services.AddSingleton<StuckInbox>();
        Services.AddSingleton<MessageIntake>();
        Services.AddSingleton<MessageUpload>();
        Services.AddSingleton<RouteAdmin>();
        Services.AddSingleton<RouteCache>();
        Services.AddSingleton<QueueAdmin>();
        Services.AddSingleton<QueueView>();
        Services.AddSingleton<MailRelay.Core.Users.UserDirectory>();
        Services.AddSingleton<DeliverNow>();
        Services.AddSingleton(Metrics);
        Services.AddSingleton<MailRelay.Core.Outbound.UsageReport>();
        Services.AddSingleton<MailRelay.Core.Outbound.SendingRates>();
    }

    protected StorePorts Store { get; }

    protected RelayEvents Events { get; } = new();

    protected RecordingForwardingScheduler Forwarding { get; } = new();

    /// <summary>The in-memory queue series the charts read; tests record samples into it directly.</summary>
    protected MailRelay.Core.Metrics.QueueMetrics Metrics { get; } = new();

    protected string InboxPath => Path.Combine(_data.Path, "inbox");

    public async Task InitializeAsync()
    {
        await Store.Schema.InitializeAsync(default);
        foreach (var id in new[] { "admin", "alice", "bob" })
        {
            string[] roles = id == "admin" ? [RoleNames.Admin] : [];
            await Store.Users.EnsureUserAsync(id, $"{id}@localhost", char.ToUpperInvariant(id[0]) + id[1..], roles, DateTimeOffset.UtcNow, default);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeRelayAsync();

    /// <summary>Renders nothing more and deletes this test's store and folders.</summary>
    protected async Task DisposeRelayAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    /// <summary>Answers MudChart's size questions for the browser bUnit does not have, so its lines are drawn.</summary>
    protected void AnswerChartSizes()
    {
        JSInterop.Setup<MudBlazor.Interop.ElementSize>("mudObserveElementSize", _ => true).SetResult(new MudBlazor.Interop.ElementSize { Width = 700, Height = 240 });
        JSInterop.Setup<MudBlazor.Interop.ElementSize>("mudGetSvgBBox", _ => true).SetResult(new MudBlazor.Interop.ElementSize { Width = 40, Height = 14 });
    }

    /// <summary>Signs <paramref name="userId"/> in the way the app does: the id in the NameIdentifier claim.</summary>
    protected void SignInAs(string userId, bool admin = false)
    {
        var auth = this.AddAuthorization();
        auth.SetAuthorized(userId);
        if (admin)
        {
            auth.SetRoles(RoleNames.Admin);
            auth.SetPolicies(AuthSchemes.AdminPolicy);
        }
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    /// <summary>Stores a message with one Gmail delivery per (user, status); a null user is a delivery held without one.</summary>
    protected async Task<string> SeedMessageAsync(string subject, string? problem, params (string? UserId, DeliveryStatus Status)[] deliveries)
    {
        var id = $"test-{Guid.NewGuid():N}";
        var recipients = deliveries.Select(d => $"{d.UserId ?? "nobody"}@example.com").ToList();
        var summary = new MessageSummary("Sender <sender@example.net>", string.Join(", ", recipients), subject, DateTimeOffset.UtcNow, $"<{id}@example.net>", 2048, problem);
        var message = new StoredMessage(id, 0, "test", DateTimeOffset.UtcNow, $"messages/{id}", recipients, Verdicts.Unknown, summary, false);
        var planned = deliveries.Select(d => new NewDelivery($"{d.UserId ?? "nobody"}@example.com", d.UserId,
            d.UserId is null ? DeliveryTarget.None : DeliveryTarget.Gmail, d.Status, false, d.Status == DeliveryStatus.Queued ? "The Gmail connection expired." : null)).ToList();
        (await Store.Messages.AddMessageAsync(message, planned, DateTimeOffset.UtcNow, default)).ShouldBeTrue();
        return id;
    }

    /// <summary>
    /// Opens the MudSelect in <paramref name="scope"/> and picks the option whose text contains
    /// <paramref name="option"/>; its list renders in <paramref name="popovers"/> (render a
    /// <see cref="MudBlazor.MudPopoverProvider"/> before the page).
    /// </summary>
    protected static void ChooseOption(AngleSharp.Dom.IElement scope, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, string option)
    {
        // MudSelect opens on mouse down; its items answer a click.
        scope.QuerySelector(".mud-select .mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-list-item").ShouldContain(i => i.TextContent.Contains(option)));
        var item = popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains(option));
        try
        {
            item.Click();
        }
        catch (MissingEventHandlerException)
        {
            item.MouseDown();
        }
    }
}
