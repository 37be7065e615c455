using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Queues;
using MailRelay.Core.Users;
using MailRelay.Web.Components.Admin;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

public sealed partial class Queues
{
    private const int PageSize = 25;
    private static readonly DeliveryStatus?[] Statuses = Enum.GetValues<DeliveryStatus>().Select(s => (DeliveryStatus?)s).ToArray();

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Messages" };

    private MudTable<MessageListItem>? _table;
    private readonly PageCursors _cursors = new();
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

    /// <summary>The table's page of messages, read on the server.</summary>
    private async Task<TableData<MessageListItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await QueueView.ListMessagesAsync(Filter, _cursors.RequestFor(state.Page, state.PageSize), cancellationToken);
        return _cursors.Loaded(state.Page, page);
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
        if (_table is not null) await _table.ReloadServerData();
        _version++;
    }

    private Task FilterUserAsync(string? user)
    {
        _filterUser = user;
        return FirstPageAsync();
    }

    private Task FilterStatusAsync(DeliveryStatus? status)
    {
        _filterStatus = status;
        return FirstPageAsync();
    }

    private Task SearchAsync(string? text)
    {
        _filterText = text;
        return FirstPageAsync();
    }

    private async Task FirstPageAsync()
    {
        if (_table is null) return;
        _cursors.Reset();
        _table.NavigateTo(0);
        await _table.ReloadServerData();
    }

    private async Task UploadedAsync(string messageId)
    {
        _selectedId = messageId;
        await RefreshAsync();
    }

    private void Select(MessageListItem item) => _selectedId = item.Message.Id;
}
