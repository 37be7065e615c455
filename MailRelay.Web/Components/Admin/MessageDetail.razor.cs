using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Queues;
using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MailRelay.Web.Components.Admin;

public sealed partial class MessageDetail
{
    private static readonly DeliveryStatus[] Retryable = [DeliveryStatus.Failed, DeliveryStatus.Retrying, DeliveryStatus.Queued];

    private StoredMessage? _message;
    private IReadOnlyList<Delivery> _deliveries = [];
    private Dictionary<long, IReadOnlyList<DeliveryEvent>> _timelines = [];
    private readonly Dictionary<long, string?> _assign = [];
    private (string? Id, int Version) _shown;
    private bool _loaded;
    private bool _working;

    [Inject] private QueueView QueueView { get; set; } = null!;

    [Inject] private QueueAdmin Queues { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired] public string MessageId { get; set; } = "";

    /// <summary>Bumped by the page when the relay changed, so the details are read again.</summary>
    [Parameter] public int Version { get; set; }

    [Parameter, EditorRequired] public IReadOnlyList<UserOption> Users { get; set; } = [];

    /// <summary>After an action, so the page refreshes its list and counts.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [Parameter] public EventCallback OnClose { get; set; }

    private bool CanPurge => !_message!.BlobDeleted || _deliveries.Any(d => d.Status is not (DeliveryStatus.Delivered or DeliveryStatus.Dropped));

    protected override async Task OnParametersSetAsync()
    {
        if (_shown == (MessageId, Version)) return;
        _shown = (MessageId, Version);
        var found = await QueueView.DeliveriesOfAsync(MessageId, CancellationToken.None);
        _message = found?.Message;
        _deliveries = found is null ? [] : [.. found.Deliveries.Select(d => d.Delivery)];
        _timelines = found is null ? [] : found.Deliveries.ToDictionary(d => d.Delivery.Id, d => d.Events);
        _loaded = true;
    }

    private string Whom(Delivery delivery) => delivery.UserId is null
        ? $"{delivery.Recipient} (no user)"
        : $"{UserOption.NameOf(Users, delivery.UserId)} · {(delivery.Target == DeliveryTarget.Gmail ? "Gmail" : "local mailbox")}";

    private static IEnumerable<(string Name, string? Value)> Verdicts(Verdicts v) =>
        [("Spam", v.Spam), ("Virus", v.Virus), ("SPF", v.Spf), ("DKIM", v.Dkim), ("DMARC", v.Dmarc)];

    private Task RetryAsync(Delivery delivery) =>
        ActAsync($"Try the delivery to {Whom(delivery)} again now?", "Retry delivery", "Retry", "Retry asked",
            async actor => (await Queues.RetryAsync(actor, delivery.Id, CancellationToken.None)).Failure);

    private Task ReleaseAsync(Delivery delivery)
    {
        var assignTo = delivery.UserId is null ? _assign.GetValueOrDefault(delivery.Id) : null;
        var whom = assignTo is null ? Whom(delivery) : UserOption.NameOf(Users, assignTo);
        return ActAsync($"Release this message and deliver it to {whom}?", "Release delivery", "Release", "Delivery released",
            async actor => (await Queues.ReleaseAsync(actor, delivery.Id, assignTo, CancellationToken.None)).Failure);
    }

    private Task PurgeAsync() =>
        ActAsync("Purge this message? Every delivery not done yet is dropped and its raw bytes are deleted. Copies already delivered stay where they are.",
            "Purge message", "Purge", "Message purged", async actor => (await Queues.PurgeAsync(actor, MessageId, CancellationToken.None)).Failure);

    /// <summary>Asks first, runs the action as the signed-in admin (it answers why it did not happen, or null), and says how it went.</summary>
    private async Task ActAsync(string question, string title, string ok, string done, Func<string, Task<Failure?>> action)
    {
        if (await Dialogs.ShowMessageBoxAsync(title, question, yesText: ok, cancelText: "Cancel") != true) return;
        _working = true;
        try
        {
            var failure = await action(await Authentication.CurrentUserIdAsync());
            if (failure is null) Snackbar.Add($"{done}: {_message?.Summary.Subject ?? MessageId}", Severity.Success);
            else Snackbar.Add($"{title} did not happen: {failure.Message}", Severity.Error);
            _shown = default; // read again on the next parameters set
            await OnChanged.InvokeAsync();
            await OnParametersSetAsync();
        }
        finally
        {
            _working = false;
        }
    }
}
