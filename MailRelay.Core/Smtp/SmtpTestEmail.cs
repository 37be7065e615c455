using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Storage;
using MailRelay.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Smtp;

/// <summary>
/// "Send test email": one message through the configured SMTP endpoint with an SMTP user's own
/// login, to its owner, From an address the user may send as. The answer is the server's, so an
/// admin sees exactly what a mail client would (SES's "535 Authentication Credentials Invalid", or
/// that it went through). Audited; the password is only decrypted for the send and never logged.
/// </summary>
public sealed class SmtpTestEmail(
    ISmtpUserStore smtpUserStore, IUserStore userStore,
    ISecretProtector protector,
    ISmtpTestSender sender,
    AuditLog audit,
    IOptions<SmtpIdentityOptions> options,
    ILogger<SmtpTestEmail> logger)
{
    /// <summary>
    /// The server's answer to the test (accepted or not, it was sent); NotFound for an unknown id, Conflict when
    /// nothing could be sent (the record's state, its owner's address, its allowed addresses).
    /// </summary>
    public async Task<Result<SmtpTestEmailResult>> SendAsync(string actorId, string id, CancellationToken cancellationToken)
    {
        var user = await smtpUserStore.FindSmtpUserAsync(id, cancellationToken);
        if (user is null) return SmtpProvisioning.NoSuchUser;
        if (user is not { Status: SmtpUserStatus.Active, AccessKeyId: { } userName, ProtectedPassword: { } protectedPassword })
            return Failure.Conflict("Only active SMTP users can send a test email.");
        var owner = await userStore.FindUserAsync(user.OwnerUserId, cancellationToken);
        if (owner is null || string.IsNullOrWhiteSpace(owner.Email))
            return Failure.Conflict($"The owner '{user.OwnerUserId}' has no email address to send the test to.");
        var from = ChooseFrom(user, owner.Email);
        if (from is null)
            return Failure.Conflict($"{user.Name} may not send as any single address here: allow an exact address, or a wildcard that covers {owner.Email}.");

        var endpoint = SmtpEndpoint.Of(options.Value);
        var password = await protector.UnprotectAsync(protectedPassword, user.Id, cancellationToken);
        var outcome = await sender.SendAsync(new SmtpTestRequest(endpoint.Host, endpoint.Port, userName, password, from, owner.Email,
            $"MailRelay test email for {user.Name}",
            $"This test email was sent through {endpoint} with the SMTP credentials of {user.Name} ({userName}).\r\n" +
            "If you can read it, a mail client set up with these credentials can send as this address.\r\n",
            options.Value.TestEmailTimeout), cancellationToken);

        await audit.RecordAsync(actorId, AuditActions.SmtpUserTestEmail, id,
            $"From {from} to {owner.Email} through {endpoint}: {(outcome.Accepted ? "accepted" : "refused")}: {outcome.Answer}", cancellationToken);
        logger.LogInformation("Test email of SMTP user {SmtpUserId} through {SmtpEndpoint}: {Accepted} {Answer}", id, endpoint.ToString(), outcome.Accepted, outcome.Answer);
        return new SmtpTestEmailResult(outcome.Accepted, outcome.Answer, from, owner.Email);
    }

    /// <summary>The first exact allowed address; else the owner's address when a wildcard covers it.</summary>
    public static string? ChooseFrom(SmtpUser user, string ownerEmail)
    {
        ArgumentNullException.ThrowIfNull(user);
        var exact = user.AllowedFrom.FirstOrDefault(a => !a.StartsWith(FromAddressRules.WildcardPrefix, StringComparison.Ordinal));
        if (exact is not null) return exact;
        var owner = ownerEmail.Trim().ToLowerInvariant();
        var at = owner.LastIndexOf('@');
        return at > 0 && user.AllowedFrom.Contains(FromAddressRules.WildcardPrefix + owner[(at + 1)..]) ? owner : null;
    }
}
