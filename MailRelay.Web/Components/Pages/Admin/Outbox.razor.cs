using MailRelay.Core.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>The pickup folder's emails (the local notification sender writes them) and one of them shown whole.</summary>
public sealed partial class Outbox
{
    private const int PageSize = 25;
    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Emails in the outbox" };

    private MudTable<OutboxEntry>? _table;
    private int _total;
    private OutboxEmail? _selected;
    private string? _missing;

    [Inject] private OutboxView Folder { get; set; } = null!;

    [Inject] private IOptions<NotificationOptions> Options { get; set; } = null!;

    private bool UsesSmtp => Options.Value.UsesSmtp;

    private string SmtpHost => $"{Options.Value.Smtp.Host}:{Options.Value.Smtp.Port}";

    // The count is read here, not by the table, so an empty folder shows the empty state instead of a table.
    protected override async Task OnInitializedAsync() => _total = (await Folder.ListAsync(0, 1, CancellationToken.None)).Total;

    private async Task<TableData<OutboxEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Folder.ListAsync(state.Page * state.PageSize, state.PageSize, cancellationToken);
        _total = page.Total;
        return new TableData<OutboxEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task RefreshAsync()
    {
        if (_table is null)
        {
            await OnInitializedAsync();
            return;
        }
        _table.NavigateTo(0);
        await _table.ReloadServerData();
    }

    private async Task ShowAsync(OutboxEntry entry)
    {
        _selected = await Folder.ReadAsync(entry.FileName, CancellationToken.None);
        _missing = _selected is null ? entry.FileName : null;
    }
}
