using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;
using MailRelay.Core.Users;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>
/// Every user and what concerns them (<see cref="UserOverview"/>), with the actions on one user:
/// a route to them (<see cref="RouteAdmin"/>), SMTP credentials (<see cref="SmtpProvisioning"/>)
/// and delivering their waiting mail now (<see cref="DeliverNow"/>), each audited there.
/// </summary>
public sealed partial class Users
{
    private const int PageSize = 25;

    private MudTable<UserSummary>? _table;
    private IReadOnlyList<UserSummary>? _items;
    private IReadOnlyList<UserOption> _options = [];
    private int _total;
    private string? _search;
    private RouteDraft? _routeDraft;
    private SmtpUserDraft? _smtpDraft;
    private string? _error;
    private bool _saving;
    private string? _delivering;

    [Inject] private UserOverview Overview { get; set; } = null!;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    [Inject] private RouteAdmin Routes { get; set; } = null!;

    [Inject] private SmtpProvisioning Provisioning { get; set; } = null!;

    [Inject] private DeliverNow Delivery { get; set; } = null!;

    [Inject] private IOptions<SmtpIdentityOptions> SmtpOptions { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _options = await UserOption.LoadAsync(UserDirectory, Closing);
        // Mail moving for anyone, SMTP users provisioned: the counts and states shown change.
        FollowRelay(change => change.Kind == SmtpProvisioning.ChangedKind || change.UserId is not null, ReloadAsync);
    }

    private async Task<TableData<UserSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Overview.ListAsync(new UserOverviewQuery(_search, state.Page * state.PageSize, state.PageSize), Closing);
        _items = page.Items;
        _total = page.Total;
        StateHasChanged(); // the empty state is outside the table
        return new TableData<UserSummary> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task ReloadAsync()
    {
        if (_table is not null) await _table.ReloadServerData();
    }

    /// <summary>A changed search starts again at the first page (moving there reloads it).</summary>
    private async Task FilterAsync()
    {
        if (_table is null) return;
        if (_table.CurrentPage != 0) _table.NavigateTo(0);
        else await _table.ReloadServerData();
    }

    private void AddRoute(AppUser user)
    {
        CloseForms();
        _routeDraft = new RouteDraft { Actions = [new RouteDraft.ActionDraft { Kind = RouteActionKind.Gmail, UserId = user.Id }] };
    }

    private void IssueSmtp(AppUser user)
    {
        CloseForms();
        _smtpDraft = new SmtpUserDraft { OwnerUserId = user.Id };
    }

    private void CloseForms()
    {
        _routeDraft = null;
        _smtpDraft = null;
        _error = null;
    }

    private async Task SaveRouteAsync()
    {
        if (_routeDraft is not { } draft || _saving) return;
        _saving = true;
        try
        {
            var actor = await Authentication.CurrentUserIdAsync();
            var result = await Routes.SaveAsync(actor, 0, draft.Pattern, draft.ToActions(), draft.HoldSpam, Closing);
            _error = result.Failure?.Message;
            if (!result.IsSuccess) return;
            CloseForms();
            Snackbar.Add($"Route saved: {result.Value.Pattern}.", Severity.Success);
            await ReloadAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task CreateSmtpUserAsync()
    {
        if (_smtpDraft is not { } draft || _saving) return;
        _saving = true;
        try
        {
            var actor = await Authentication.CurrentUserIdAsync();
            var result = await Provisioning.CreateAsync(actor, draft.Name, draft.OwnerUserId ?? "", draft.AllowedFromList(), Closing);
            _error = result.Failure?.Message;
            if (!result.IsSuccess) return;
            CloseForms();
            Snackbar.Add($"SMTP user {result.Value.Name} created: its credentials are being issued. Show them from its setup page once active.", Severity.Success);
            await ReloadAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeliverNowAsync(AppUser user)
    {
        _delivering = user.Id;
        try
        {
            var due = await Delivery.AskedByAsync(await Authentication.CurrentUserIdAsync(), user.Id, Closing);
            Snackbar.Add($"Delivering now: {due} waiting {(due == 1 ? "delivery" : "deliveries")} of {user.DisplayName} made due.", Severity.Info);
            await ReloadAsync();
        }
        finally
        {
            _delivering = null;
        }
    }

    private static Color GmailColor(GmailState state) => state switch
    {
        GmailState.Connected => Color.Success,
        GmailState.ExpiringSoon or GmailState.Failing => Color.Warning,
        GmailState.NotConnected => Color.Default,
        _ => Color.Error,
    };
}
