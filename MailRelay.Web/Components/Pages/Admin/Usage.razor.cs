using System.Globalization;
using MailRelay.Core.Common;
using MailRelay.Core.Outbound;
using MailRelay.Core.Users;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using MailRelay.Web.Components.Shared;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>Usage per user and day and per credential and day over a range of days (the last 30 by default), paged on the server.</summary>
public sealed partial class Usage : IDisposable
{
    private const int PageSize = 25;
    private const string DayFormat = "yyyy-MM-dd";
    private static readonly Dictionary<string, object> InboundLabel = new() { ["aria-label"] = "Received mail per user and day" };
    private static readonly Dictionary<string, object> OutboundLabel = new() { ["aria-label"] = "SES events per credential and day" };

    private readonly CancellationTokenSource _closing = new();
    private MudTable<UsageRow>? _inboundTable;
    private MudTable<OutboundUsageRow>? _outboundTable;
    private readonly PageCursors _inboundCursors = new();
    private readonly PageCursors _outboundCursors = new();
    private IReadOnlyList<UserOption> _users = [];
    private string? _from;
    private string? _to;
    private string? _problem;

    [Inject] private UsageReport Report { get; set; } = null!;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    private DayRange Range => Report.RangeOf(Day(_from), Day(_to));

    private string CsvUrl => string.Create(CultureInfo.InvariantCulture, $"/api/admin/usage.csv?from={Range.From:yyyy-MM-dd}&to={Range.To:yyyy-MM-dd}");

    protected override async Task OnInitializedAsync()
    {
        var range = Report.RangeOf(null, null);
        (_from, _to) = (range.From.ToString(DayFormat, CultureInfo.InvariantCulture), range.To.ToString(DayFormat, CultureInfo.InvariantCulture));
        _users = await UserOption.LoadAsync(UserDirectory, _closing.Token);
    }

    private async Task<TableData<UsageRow>> LoadInboundAsync(TableState state, CancellationToken cancellationToken)
    {
        if (Checked() is not { } range) return new TableData<UsageRow> { Items = [], TotalItems = 0 };
        var page = await Report.ListInboundAsync(range, _inboundCursors.RequestFor(state.Page, state.PageSize), cancellationToken);
        return _inboundCursors.Loaded(state.Page, page);
    }

    private async Task<TableData<OutboundUsageRow>> LoadOutboundAsync(TableState state, CancellationToken cancellationToken)
    {
        if (Checked() is not { } range) return new TableData<OutboundUsageRow> { Items = [], TotalItems = 0 };
        var page = await Report.ListOutboundAsync(range, _outboundCursors.RequestFor(state.Page, state.PageSize), cancellationToken);
        return _outboundCursors.Loaded(state.Page, page);
    }

    /// <summary>The range when it is usable; otherwise the problem is shown and both lists stay empty.</summary>
    private DayRange? Checked()
    {
        var range = Range;
        _problem = range.Problem();
        return _problem is null ? range : null;
    }

    private Task FromChangedAsync(string? value)
    {
        _from = value;
        return FilterAsync();
    }

    private Task ToChangedAsync(string? value)
    {
        _to = value;
        return FilterAsync();
    }

    private async Task FilterAsync()
    {
        _inboundCursors.Reset();
        _outboundCursors.Reset();
        foreach (var table in new MudTableBase?[] { _inboundTable, _outboundTable })
            table?.NavigateTo(0);
        if (_inboundTable is not null) await _inboundTable.ReloadServerData();
        if (_outboundTable is not null) await _outboundTable.ReloadServerData();
    }

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
