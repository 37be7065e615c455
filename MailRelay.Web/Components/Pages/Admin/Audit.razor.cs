using MailRelay.Core.Audit;
using MailRelay.Core.Users;
using MailRelay.Web.Components.Admin;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using System.Globalization;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>The audit log, filtered by who, what and when, paged on the server; the CSV link exports the same filter.</summary>
public sealed partial class Audit : IDisposable
{
    private const int PageSize = 25;
    private static readonly IReadOnlyList<string> Actions = AuditActions.All;

    private readonly CancellationTokenSource _closing = new();
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm";
    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Audit log" };

    private MudTable<AuditEntry>? _table;
    private readonly PageCursors _cursors = new();
    private IReadOnlyList<UserOption> _users = [];
    private IReadOnlyList<UserOption> _actors = [];
    private string? _user;
    private string? _action;
    private string? _from;
    private string? _to;
    private string? _problem;

    [Inject] private AuditLog AuditLog { get; set; } = null!;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    private AuditFilter Filter => new(_user, _action, Utc(_from), Utc(_to));

    private bool Filtered => _user is not null || _action is not null || _from is not null || _to is not null;

    private string CsvUrl
    {
        get
        {
            var query = new Dictionary<string, string?>
            {
                ["user"] = _user,
                ["action"] = _action,
                ["from"] = Utc(_from)?.ToString("O"),
                ["to"] = Utc(_to)?.ToString("O"),
            };
            return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/admin/audit.csv", query.Where(q => q.Value is not null));
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _users = await UserOption.LoadAsync(UserDirectory, _closing.Token);
        _actors = (await AuditLog.ListActorsAsync(_closing.Token))
            .Select(id => _users.FirstOrDefault(u => u.Id == id) ?? new UserOption(id, id))
            .OrderBy(u => u.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        _problem = Filter.Problem();
        // Nothing can match a range that ends before it starts; say so instead of showing "no entries".
        if (_problem is not null) return new TableData<AuditEntry> { Items = [], TotalItems = 0 };
        var page = await AuditLog.ListAsync(Filter, _cursors.RequestFor(state.Page, state.PageSize), cancellationToken);
        return _cursors.Loaded(state.Page, page);
    }

    private Task UserChangedAsync(string? user)
    {
        _user = user;
        return FilterAsync();
    }

    private Task ActionChangedAsync(string? action)
    {
        _action = action;
        return FilterAsync();
    }

    private Task FromChangedAsync(string? from)
    {
        _from = from;
        return FilterAsync();
    }

    private Task ToChangedAsync(string? to)
    {
        _to = to;
        return FilterAsync();
    }

    private async Task FilterAsync()
    {
        if (_table is null) return;
        _cursors.Reset();
        _table.NavigateTo(0);
        await _table.ReloadServerData();
    }

    /// <summary>A datetime-local field's value, read as UTC (the label says so); empty or unreadable is no bound.</summary>
    private static DateTimeOffset? Utc(string? value) =>
        DateTime.TryParseExact(value, [TimeFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : null;

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
