using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Queues;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MailRelay.Web.Components.Pages;

public sealed partial class MyQueue
{
    /// <summary>Per status for waiting mail, and in all for the delivered history.</summary>
    private const int MaxItems = 50;
    private const int MaxMailboxFiles = 20;
    private static readonly DeliveryStatus[] DueOnRequest = [DeliveryStatus.Pending, DeliveryStatus.Queued, DeliveryStatus.Retrying];

    private string _userId = "";
    private IReadOnlyList<MyMessage>? _waiting;
    private IReadOnlyList<MyMessage>? _delivered;
    private string? _deliveredNext;
    private bool _loadingOlder;
    private IReadOnlyList<System.IO.FileInfo> _mailbox = [];
    private int _mailboxTotal;
    private bool _delivering;

    [Inject] private QueueView QueueView { get; set; } = null!;

    [Inject] private DeliverNow Delivery { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private bool CanDeliverNow => _waiting?.Any(m => m.Deliveries.Any(d => DueOnRequest.Contains(d.Status))) == true;

    protected override async Task OnInitializedAsync()
    {
        _userId = await Authentication.CurrentUserIdAsync();
        await LoadAsync();
        // New mail (no user known yet) or a change to this user's deliveries.
        FollowRelay(change => change.UserId is null || change.UserId == _userId, LoadAsync);
    }

    private async Task LoadAsync()
    {
        var waiting = new List<MyMessage>();
        foreach (var status in DeliveryWords.Waiting)
            waiting.AddRange(await MineAsync(status));
        // One entry per message, even when two of its deliveries to this user wait for different reasons.
        _waiting = waiting.GroupBy(m => m.Message.Id)
            .Select(g => new MyMessage(g.First().Message, g.SelectMany(m => m.Deliveries).OrderBy(d => d.Id).ToList()))
            .OrderByDescending(m => m.Message.Sequence).ToList();
        // As many delivered messages as shown (older ones may have been opened), so a live update keeps the view.
        var delivered = await QueueView.ListMineAsync(_userId, DeliveryStatus.Delivered, PageRequest.First(Math.Max(MaxItems, _delivered?.Count ?? 0)), Closing);
        _delivered = Mine(delivered);
        _deliveredNext = delivered.Next;
        var files = QueueView.LocalMailboxFiles(_userId);
        _mailboxTotal = files.Count;
        _mailbox = files.Take(MaxMailboxFiles).ToList();
    }

    /// <summary>Messages with a delivery of this user in <paramref name="status"/>, showing only this user's deliveries.</summary>
    private async Task<IReadOnlyList<MyMessage>> MineAsync(DeliveryStatus status) =>
        Mine(await QueueView.ListMineAsync(_userId, status, PageRequest.First(MaxItems), Closing));

    private static List<MyMessage> Mine(Page<MessageListItem> page) => page.Items.Select(item => new MyMessage(item.Message, item.Deliveries)).ToList();

    /// <summary>The next older delivered messages, read after the last one shown (by its cursor; the user is always the signed-in one).</summary>
    private async Task ShowOlderAsync()
    {
        if (_delivered is null || _deliveredNext is null) return;
        _loadingOlder = true;
        try
        {
            var older = await QueueView.ListMineAsync(_userId, DeliveryStatus.Delivered, new PageRequest(_delivered.Count, MaxItems, _deliveredNext), Closing);
            _delivered = _delivered.Concat(Mine(older)).DistinctBy(m => m.Message.Id).ToList();
            _deliveredNext = older.Next;
        }
        finally
        {
            _loadingOlder = false;
        }
    }

    private async Task DeliverNowAsync()
    {
        _delivering = true;
        try
        {
            var due = await Delivery.AskedByAsync(_userId, _userId, Closing);
            Snackbar.Add(due == 0 ? "Your waiting mail is being delivered." : $"{due} waiting {(due == 1 ? "message is" : "messages are")} being delivered now.",
                Severity.Info);
            await LoadAsync();
        }
        finally
        {
            _delivering = false;
        }
    }
}
