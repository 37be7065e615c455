using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using MailRelay.Core.Users;
using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Components.Pages.Admin;

/// <summary>
/// How to put one SMTP user into a mail client: server, port, user name, the password on an
/// explicit (audited) request, per-client steps, and "Send test email" with the server's answer.
/// Follows the provisioning job live, and forgets a shown password once the key changes.
/// </summary>
public sealed partial class SmtpUserSetup
{
    private SmtpUser? _user;
    private AppUser? _owner;
    private string? _from;
    private bool _loaded;
    private SmtpCredentialsView? _credentials;
    private Result<SmtpTestEmailResult>? _test;
    private bool _sending;

    [Parameter] public string Id { get; set; } = "";

    [Inject] private SmtpUserLookup Lookup { get; set; } = null!;

    [Inject] private SmtpCredentialsReveal Credentials { get; set; } = null!;

    [Inject] private SmtpTestEmail TestEmail { get; set; } = null!;

    [Inject] private IOptions<SmtpIdentityOptions> Options { get; set; } = null!;

    [Inject] private UserDirectory UserDirectory { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    private SmtpEndpoint Endpoint => SmtpEndpoint.Of(Options.Value);

    private bool TestAccepted => _test?.Value?.Accepted == true;

    /// <summary>The server's answer, or why nothing was sent; shown after the same lead-in either way.</summary>
    private string? TestAnswer => _test?.Value?.Answer ?? _test?.Failure?.Message;

    protected override async Task OnParametersSetAsync()
    {
        _credentials = null;
        _test = null;
        await LoadAsync();
        FollowRelay(change => change.Kind == SmtpProvisioning.ChangedKind, LoadAsync);
    }

    private async Task LoadAsync()
    {
        var user = await Lookup.FindAsync(Id, Closing);
        if (_credentials is not null && user?.AccessKeyId != _user?.AccessKeyId) _credentials = null;
        _user = user;
        _owner = user is null ? null : await UserDirectory.FindAsync(user.OwnerUserId, Closing);
        _from = user is null || _owner is null ? null : SmtpTestEmail.ChooseFrom(user, _owner.Email);
        _loaded = true;
    }

    private async Task RevealAsync()
    {
        if (_user is null) return;
        _credentials = (await Credentials.RevealAsync(await Authentication.CurrentUserIdAsync(), _user.Id, Closing)).Value;
    }

    private async Task SendTestAsync()
    {
        if (_user is null || _sending) return;
        _sending = true;
        try
        {
            _test = await TestEmail.SendAsync(await Authentication.CurrentUserIdAsync(), _user.Id, Closing);
        }
        finally
        {
            _sending = false;
        }
    }
}
