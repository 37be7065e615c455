using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using MailRelay.Core.Users;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MailRelay.Web.Components.Shared;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>
/// SMTP users: list, create, the state-machine actions and revealing credentials (audited).
/// The page follows <see cref="SmtpProvisioning.ChangedKind"/> events, so a record the background job
/// moves (pending → provisioning → active or failed, deleting → gone) updates without a reload.
/// </summary>
public sealed partial class SmtpUsers
{
    private const int PageSize = 25;
    private const int MaxFailedShown = 100;
    private static readonly SmtpUserStatus?[] Statuses = Enum.GetValues<SmtpUserStatus>().Select(s => (SmtpUserStatus?)s).ToArray();

    private MudTable<SmtpUser>? _table;
    // Null until the table's first load (after its first render).
    private IReadOnlyList<SmtpUser>? _items;
    private IReadOnlyList<SmtpUser> _failed = [];
    private IReadOnlyList<UserOption>? _users;
    private int _total;
    private PageRequest _request = PageRequest.First(PageSize);
    private readonly PageCursors _cursors = new();
    private string? _search;
    private SmtpUserStatus? _status;
    private SmtpUserDraft? _draft;
    private string? _error;
    private bool _saving;
    private SmtpUser? _revealed;
    private SmtpCredentialsView? _credentials;

    [Inject] private SmtpProvisioning Provisioning { get; set; } = null!;

    [Inject] private SmtpUserLifecycle Lifecycle { get; set; } = null!;

    [Inject] private SmtpCredentialsReveal Credentials { get; set; } = null!;

    [Inject] private SmtpUserLookup Lookup { get; set; } = null!;

    [Inject] private IOptions<SmtpIdentityOptions> Options { get; set; } = null!;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private SmtpUserQuery Query => new(string.IsNullOrWhiteSpace(_search) ? null : _search.Trim(), _status, _request.Skip, _request.Take, _request.After);

    protected override async Task OnInitializedAsync()
    {
        _users = await UserOption.LoadAsync(UserDirectory, Closing);
        await LoadFailedAsync();
        FollowRelay(change => change.Kind == SmtpProvisioning.ChangedKind, RefreshAsync);
    }

    /// <summary>The table's server paging: one page of the records the filters match.</summary>
    private async Task<TableData<SmtpUser>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        _request = _cursors.RequestFor(state.Page, state.PageSize);
        var page = await Lookup.ListAsync(Query, Closing);
        _items = page.Items;
        _total = page.Total;
        StateHasChanged(); // the empty state and the credentials panel are outside the table
        return _cursors.Loaded(state.Page, page);
    }

    private async Task LoadFailedAsync() =>
        _failed = (await Lookup.ListAsync(new SmtpUserQuery(Status: SmtpUserStatus.Failed, Take: MaxFailedShown), Closing)).Items;

    private async Task RefreshAsync()
    {
        await LoadFailedAsync();
        if (_table is not null) await _table.ReloadServerData();
        // Credentials shown for a record that has since lost them (rotated, deleted) must not stay on screen.
        if (_revealed is { } shown && _items?.FirstOrDefault(u => u.Id == shown.Id) is { } now && now.AccessKeyId != shown.AccessKeyId) HideCredentials();
    }

    /// <summary>A changed filter starts again at the first page (moving there reloads it).</summary>
    private async Task FilterAsync()
    {
        if (_table is null) return;
        _cursors.Reset();
        if (_table.CurrentPage != 0) _table.NavigateTo(0);
        else await _table.ReloadServerData();
    }

    private Task OnStatusChanged(SmtpUserStatus? status)
    {
        _status = status;
        return FilterAsync();
    }

    private void Add()
    {
        _draft = new SmtpUserDraft();
        _error = null;
    }

    private void HideCredentials()
    {
        _credentials = null;
        _revealed = null;
    }

    private async Task CreateAsync()
    {
        if (_draft is null || _saving) return;
        _saving = true;
        try
        {
            var actor = await Authentication.CurrentUserIdAsync();
            var result = await Provisioning.CreateAsync(actor, _draft.Name, _draft.OwnerUserId ?? "", _draft.AllowedFromList(), Closing);
            _error = result.Failure?.Message;
            if (!result.IsSuccess) return;
            _draft = null;
            Snackbar.Add($"SMTP user created. {result.Value.Name}: its credentials are being issued.", Severity.Success);
            await RefreshAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ActAsync((SmtpUser User, SmtpUserAction Action) request)
    {
        var (user, action) = request;
        if (action == SmtpUserAction.Reveal)
        {
            await RevealAsync(user);
            return;
        }
        var (question, ok) = Confirmation(user, action);
        if (await Dialogs.ShowMessageBoxAsync($"{ok} SMTP user", question, yesText: ok, cancelText: "Cancel") != true) return;

        var actor = await Authentication.CurrentUserIdAsync();
        var result = action switch
        {
            SmtpUserAction.Retry => await Lifecycle.RetryAsync(actor, user.Id, Closing),
            SmtpUserAction.Disable => await Lifecycle.DisableAsync(actor, user.Id, Closing),
            SmtpUserAction.Enable => await Lifecycle.EnableAsync(actor, user.Id, Closing),
            SmtpUserAction.Rotate => await Lifecycle.RotateAsync(actor, user.Id, Closing),
            _ => await Lifecycle.DeleteAsync(actor, user.Id, Closing),
        };
        if (result.IsSuccess) Snackbar.Add($"{ok}: done. {user.Name}", Severity.Success);
        else Snackbar.Add($"{ok}: not done. {result.Failure.Message}", Severity.Error);
        if (_revealed?.Id == user.Id) HideCredentials();
        await RefreshAsync();
    }

    private async Task RevealAsync(SmtpUser user)
    {
        var actor = await Authentication.CurrentUserIdAsync();
        var credentials = await Credentials.RevealAsync(actor, user.Id, Closing);
        if (!credentials.IsSuccess)
        {
            Snackbar.Add($"No credentials yet: {user.Name} has no credentials to show.", Severity.Warning);
            return;
        }
        _revealed = user;
        _credentials = credentials.Value;
    }

    private static (string Question, string Ok) Confirmation(SmtpUser user, SmtpUserAction action) => action switch
    {
        SmtpUserAction.Retry => ($"Try provisioning {user.Name} again?", "Retry"),
        SmtpUserAction.Disable => ($"Disable {user.Name}? Mail clients using its credentials stop being able to send until it is enabled.", "Disable"),
        SmtpUserAction.Enable => ($"Enable {user.Name}? Its current credentials work again.", "Enable"),
        SmtpUserAction.Rotate => ($"Rotate the credentials of {user.Name}? The current password stops working; mail clients need the new one.", "Rotate"),
        _ => ($"Delete {user.Name}? Its credentials stop working and its IAM user is removed.", "Delete"),
    };
}
