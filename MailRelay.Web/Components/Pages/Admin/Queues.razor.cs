using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Queues;
using MailRelay.Core.Users;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace MailRelay.Web.Components.Pages.Admin;

public sealed partial class Queues
{
    private const int PageSize = 25;
    private static readonly DeliveryStatus?[] Statuses = Enum.GetValues<DeliveryStatus>().Select(s => (DeliveryStatus?)s).ToArray();

    private RadzenDataGrid<MessageListItem>? _grid;
    // Null until the first load: the grid calls LoadData on its first render only when Data is null.
    private IReadOnlyList<MessageListItem>? _messages;
    private int _total;
    private bool _loading;
    private int _skip;
    private IReadOnlyList<UserQueueSummary> _summaries = [];
    private IReadOnlyList<UserOption> _users = [];
    private int _inboxWaiting;
    private IReadOnlyList<StuckInboxItem> _stuck = [];
    private DateTimeOffset _now;
    private string? _filterUser;
    private DeliveryStatus? _filterStatus;
    private string? _filterText;
    private string? _selectedId;
    private int _version;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    [Inject] private QueueView QueueView { get; set; } = null!;

    [Inject] private StuckInbox StuckInbox { get; set; } = null!;

    private MessageFilter Filter => new(_filterUser, _filterStatus, string.IsNullOrWhiteSpace(_filterText) ? null : _filterText.Trim());

    protected override async Task OnInitializedAsync()
    {
        _users = await UserOption.LoadAsync(UserDirectory, Closing);
        await LoadSummaryAsync();
        // Every change may move a count or a status on this page: new mail, any user's deliveries.
        FollowRelay(_ => true, RefreshAsync);
    }

    private async Task LoadAsync(LoadDataArgs args)
    {
        _loading = true;
        _skip = args.Skip ?? 0;
        await LoadMessagesAsync();
        _loading = false;
    }

    private async Task LoadMessagesAsync()
    {
        var page = await QueueView.ListMessagesAsync(Filter, _skip, PageSize, Closing);
        _messages = page.Items;
        _total = page.Total;
    }

    private async Task LoadSummaryAsync()
    {
        _summaries = await QueueView.SummarizeAsync(Closing);
        _inboxWaiting = await QueueView.CountWaitingInboundAsync(Closing);
        _stuck = await StuckInbox.ListAsync(Closing);
        _now = Time.GetUtcNow();
    }

    /// <summary>Re-reads what the page shows, keeping the page of the list and the open details.</summary>
    private async Task RefreshAsync()
    {
        await LoadSummaryAsync();
        if (_messages is not null) await LoadMessagesAsync();
        _version++;
    }

    private async Task FilterAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private async Task UploadedAsync(string messageId)
    {
        _selectedId = messageId;
        await RefreshAsync();
    }

    private void Select(MessageListItem item) => _selectedId = item.Message.Id;

    private static void MarkRow(RowRenderEventArgs<MessageListItem> args)
    {
        if (args.Data is not { } item) return;
        args.Attributes["data-message-id"] = item.Message.Id;
        if (item.Message.Summary.IsFlagged) args.Attributes["data-flagged"] = "true";
    }
}
