using MailRelay.Core.Audit;
using MailRelay.Core.Users;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>The audit log, filtered by who, what and when, paged on the server; the CSV link exports the same filter.</summary>
public sealed partial class Audit : IDisposable
{
    private const int PageSize = 25;
    private static readonly IReadOnlyList<string> Actions = AuditActions.All;

    private readonly CancellationTokenSource _closing = new();
    private RadzenDataGrid<AuditEntry>? _grid;
    // Null until the first load: the grid calls LoadData on its first render only when Data is null.
    private IReadOnlyList<AuditEntry>? _entries;
    private int _total;
    private bool _loading;
    private IReadOnlyList<UserOption> _users = [];
    private IReadOnlyList<UserOption> _actors = [];
    private string? _user;
    private string? _action;
    private DateTime? _from;
    private DateTime? _to;
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

    private async Task LoadAsync(LoadDataArgs args)
    {
        _problem = Filter.Problem();
        if (_problem is not null)
        {
            // Nothing can match a range that ends before it starts; say so instead of showing "no entries".
            (_entries, _total) = ([], 0);
            return;
        }
        _loading = true;
        var page = await AuditLog.ListAsync(Filter, args.Skip ?? 0, args.Top ?? PageSize, _closing.Token);
        (_entries, _total, _loading) = (page.Items, page.Total, false);
    }

    private async Task FilterAsync()
    {
        if (_grid is not null) await _grid.FirstPage(true);
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
