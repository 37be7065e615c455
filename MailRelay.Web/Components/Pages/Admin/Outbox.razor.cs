using MailRelay.Core.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Radzen;
using Radzen.Blazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>The pickup folder's emails (the local notification sender writes them) and one of them shown whole.</summary>
public sealed partial class Outbox
{
    private const int PageSize = 25;

    private RadzenDataGrid<OutboxEntry>? _grid;
    private IReadOnlyList<OutboxEntry>? _entries;
    private int _total;
    private int _skip;
    private bool _loading;
    private OutboxEmail? _selected;
    private string? _missing;

    [Inject] private OutboxView Folder { get; set; } = null!;

    [Inject] private IOptions<NotificationOptions> Options { get; set; } = null!;

    private bool UsesSmtp => Options.Value.UsesSmtp;

    private string SmtpHost => $"{Options.Value.Smtp.Host}:{Options.Value.Smtp.Port}";

    // The first page is read here, not by the grid, so an empty folder shows the empty state instead of a grid.
    protected override Task OnInitializedAsync() => LoadPageAsync();

    private async Task LoadAsync(LoadDataArgs args)
    {
        _loading = true;
        _skip = args.Skip ?? 0;
        await LoadPageAsync();
        _loading = false;
    }

    private async Task LoadPageAsync()
    {
        var page = await Folder.ListAsync(_skip, PageSize, CancellationToken.None);
        _entries = page.Items;
        _total = page.Total;
    }

    private async Task RefreshAsync()
    {
        if (_grid is not null && _skip > 0) await _grid.FirstPage(true);
        else
        {
            _skip = 0;
            await LoadPageAsync();
        }
    }

    private async Task ShowAsync(OutboxEntry entry)
    {
        _selected = await Folder.ReadAsync(entry.FileName, CancellationToken.None);
        _missing = _selected is null ? entry.FileName : null;
    }

    private static void MarkRow(RowRenderEventArgs<OutboxEntry> args)
    {
        if (args.Data is { } entry) args.Attributes["data-file"] = entry.FileName;
    }
}
