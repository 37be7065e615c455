using MailRelay.Core.Common;
using MailRelay.Core.Inbound;
using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MailRelay.Web.Components.Admin;

public sealed partial class StuckInboxPanel
{
    private bool _working;

    [Inject] private StuckInbox Inbox { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<StuckInboxItem> Items { get; set; } = [];

    /// <summary>After an action, so the page reads the list and counts again.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private Task ReleaseAsync(StuckInboxItem item) =>
        ActAsync($"Release {item.Name}? Its envelope sidecar is set aside and the message is stored and routed by its To header.",
            "Release inbox file", "Release", "Inbox file released", item, actor => Inbox.ReleaseAsync(actor, item.Name, CancellationToken.None));

    private Task DeleteAsync(StuckInboxItem item) =>
        ActAsync($"Delete {item.Name} and its sidecar? The message is gone for good; nobody receives it.",
            "Delete inbox file", "Delete", "Inbox file deleted", item, actor => Inbox.DeleteAsync(actor, item.Name, CancellationToken.None));

    /// <summary>Asks first, runs the action as the signed-in admin, and says how it went.</summary>
    private async Task ActAsync(string question, string title, string ok, string done, StuckInboxItem item, Func<string, Task<Result>> action)
    {
        if (await Dialogs.ShowMessageBoxAsync(title, question, yesText: ok, cancelText: "Cancel") != true) return;
        _working = true;
        try
        {
            var result = await action(await Authentication.CurrentUserIdAsync());
            if (result.IsSuccess) Snackbar.Add($"{done}: {item.Name}", Severity.Success);
            else Snackbar.Add($"{title} did not happen: {result.Failure.Message}", Severity.Error);
            await OnChanged.InvokeAsync();
        }
        finally
        {
            _working = false;
        }
    }
}
