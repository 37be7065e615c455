using MailRelay.Core.Gmail;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MailRelay.Web.Components.Pages;

public sealed partial class MyGmail
{
    private string _userId = "";
    private GmailStatusView? _status;
    private GmailConnectOutcome? _outcome;
    private bool _disconnecting;

    [Inject] private GmailStatusReader Reader { get; set; } = null!;

    [Inject] private GmailConnectFlow Flow { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _userId = await Authentication.CurrentUserIdAsync();
        await LoadAsync();
        // This user's deliveries moving (the queue draining after a renewal), their connection
        // changing, or new mail whose users are not known yet.
        FollowRelay(change => change.UserId is null || change.UserId == _userId, LoadAsync);
    }

    /// <summary>
    /// How the consent callback ended (<c>/my/gmail?gmail=renewed</c>); only a known code is shown.
    /// Read from the address rather than with [SupplyParameterFromQuery], whose provider bUnit 1.9.8 cannot run.
    /// </summary>
    protected override void OnParametersSet()
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        _outcome = GmailWords.Parse(query.TryGetValue("gmail", out var code) ? code.ToString() : null);
    }

    private async Task LoadAsync() => _status = await Reader.ReadAsync(_userId, Closing);

    /// <summary>
    /// The progress of what waited at the last renewal: while it drains, and once done when the
    /// user just came back from renewing. Not while the connection is lost again.
    /// </summary>
    private RenewalProgress? ShowProgress(GmailStatusView status) =>
        status.Progress is { } progress && !status.NeedsReconnect && status.IsConnected
            && (!progress.IsComplete || _outcome is GmailConnectOutcome.Connected or GmailConnectOutcome.Renewed)
            ? progress
            : null;

    private async Task DisconnectAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Disconnect Gmail",
            $"Disconnect {_status?.GmailAddress}? MailRelay revokes its access at Google and deletes the stored token. " +
            "Mail for you then waits here until you connect Gmail again; nothing is lost.",
            yesText: "Disconnect", cancelText: "Keep connected");
        if (confirmed != true) return;
        _disconnecting = true;
        try
        {
            var outcome = await Flow.DisconnectAsync(_userId, CancellationToken.None);
            _outcome = null;
            switch (outcome)
            {
                case GmailDisconnectOutcome.Disconnected:
                    Snackbar.Add("Gmail disconnected: access was revoked at Google and the token deleted. Your mail waits here until you connect again.", Severity.Success);
                    break;
                case GmailDisconnectOutcome.DisconnectedNotRevoked:
                    Snackbar.Add("Gmail disconnected. The token is deleted, but Google could not confirm the revocation: " +
                        "remove MailRelay under \"Third-party apps & services\" in your Google Account.", Severity.Warning);
                    break;
                default:
                    Snackbar.Add("Already disconnected: Gmail was not connected.", Severity.Info);
                    break;
            }
            await LoadAsync();
        }
        finally
        {
            _disconnecting = false;
        }
    }
}
