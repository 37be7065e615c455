using System.Globalization;
using MailRelay.Core.Common;
using MailRelay.Core.Outbound;
using MailRelay.Core.Users;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>Usage per user and day and per credential and day over a range of days (the last 30 by default), paged on the server.</summary>
public sealed partial class Usage : IDisposable
{
    private const int PageSize = 25;

    private readonly CancellationTokenSource _closing = new();
    private RadzenDataGrid<UsageRow>? _inboundGrid;
    private RadzenDataGrid<OutboundUsageRow>? _outboundGrid;
    private IReadOnlyList<UsageRow>? _inbound;
    private IReadOnlyList<OutboundUsageRow>? _outbound;
    private int _inboundTotal;
    private int _outboundTotal;
    private IReadOnlyList<UserOption> _users = [];
    private DateTime? _from;
    private DateTime? _to;
    private string? _problem;

    [Inject] private UsageReport Report { get; set; } = null!;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    private DayRange Range => Report.RangeOf(Day(_from), Day(_to));

    private string CsvUrl => string.Create(CultureInfo.InvariantCulture, $"/api/admin/usage.csv?from={Range.From:yyyy-MM-dd}&to={Range.To:yyyy-MM-dd}");

    protected override async Task OnInitializedAsync()
    {
        var range = Report.RangeOf(null, null);
        (_from, _to) = (range.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), range.To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        _users = await UserOption.LoadAsync(UserDirectory, _closing.Token);
    }

    private async Task LoadInboundAsync(LoadDataArgs args)
    {
        if (Checked() is not { } range) return;
        var page = await Report.ListInboundAsync(range, args.Skip ?? 0, args.Top ?? PageSize, _closing.Token);
        (_inbound, _inboundTotal) = (page.Items, page.Total);
    }

    private async Task LoadOutboundAsync(LoadDataArgs args)
    {
        if (Checked() is not { } range) return;
        var page = await Report.ListOutboundAsync(range, args.Skip ?? 0, args.Top ?? PageSize, _closing.Token);
        (_outbound, _outboundTotal) = (page.Items, page.Total);
    }

    /// <summary>The range when it is usable; otherwise both lists are emptied and the problem is shown.</summary>
    private DayRange? Checked()
    {
        var range = Range;
        _problem = range.Problem();
        if (_problem is null) return range;
        (_inbound, _inboundTotal, _outbound, _outboundTotal) = ([], 0, [], 0);
        return null;
    }

    private async Task FilterAsync()
    {
        if (_inboundGrid is not null) await _inboundGrid.FirstPage(true);
        if (_outboundGrid is not null) await _outboundGrid.FirstPage(true);
    }

    private static DateOnly? Day(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
