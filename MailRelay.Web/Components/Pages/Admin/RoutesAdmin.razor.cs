using MailRelay.Core.Routing;
using MailRelay.Core.Users;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

public sealed partial class RoutesAdmin
{
    private IReadOnlyList<MailRoute>? _routes;
    private IReadOnlyList<UserOption>? _users;
    private RouteDraft? _draft;
    private string? _editedPattern;
    private string? _error;
    private bool _saving;

    [Inject] private RouteAdmin Routes { get; set; } = null!;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _users = await UserOption.LoadAsync(UserDirectory, CancellationToken.None);
        await LoadRoutesAsync();
    }

    private async Task LoadRoutesAsync() => _routes = await Routes.ListAsync(CancellationToken.None);

    private void Add() => Open(new RouteDraft(), null);

    private void Edit(MailRoute route) => Open(RouteDraft.From(route), route.Pattern);

    private void Open(RouteDraft draft, string? pattern)
    {
        _draft = draft;
        _editedPattern = pattern;
        _error = null;
    }

    private void Cancel() => _draft = null;

    private async Task SaveAsync()
    {
        if (_draft is null || _saving) return;
        _saving = true;
        try
        {
            var actor = await Authentication.CurrentUserIdAsync();
            var result = await Routes.SaveAsync(actor, _draft.Id, _draft.Pattern, _draft.ToActions(), _draft.HoldSpam, CancellationToken.None);
            _error = result.Failure?.Message;
            if (!result.IsSuccess) return;
            _draft = null;
            Snackbar.Add($"Route saved. {result.Value.Pattern}: {DescribeActions(result.Value)}", Severity.Success);
            await LoadRoutesAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync(MailRoute route)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete route",
            $"Delete the route for {route.Pattern}? Mail for it will follow the next matching route, or be held for an admin.",
            yesText: "Delete", cancelText: "Keep it");
        if (confirmed != true) return;
        var actor = await Authentication.CurrentUserIdAsync();
        if ((await Routes.DeleteAsync(actor, route.Id, CancellationToken.None)).IsSuccess)
            Snackbar.Add($"Route deleted: {route.Pattern}", Severity.Success);
        else
            Snackbar.Add($"Route already gone: the route for {route.Pattern} had been deleted meanwhile.", Severity.Warning);
        if (_draft?.Id == route.Id) _draft = null;
        await LoadRoutesAsync();
    }

    private string DescribeActions(MailRoute route) => string.Join(", ", route.Actions.Select(a => a.Kind switch
    {
        RouteActionKind.Gmail => $"Gmail of {UserOption.NameOf(_users ?? [], a.UserId)}",
        RouteActionKind.LocalMailbox => $"Local mailbox of {UserOption.NameOf(_users ?? [], a.UserId)}",
        RouteActionKind.Drop => "Drop",
        _ => "Hold for an admin",
    }));
}
