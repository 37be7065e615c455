using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Smtp;

/// <summary>
/// An SMTP user's login in clear, for the admin who asks. The password is stored only protected,
/// so it is unprotected here, on demand, and every reveal is audited.
/// </summary>
public sealed class SmtpCredentialsReveal(
    ISmtpUserStore smtpUserStore,
    ISmtpIdentityProvisioner provisioner,
    ISecretProtector protector,
    AuditLog audit,
    IOptions<SmtpIdentityOptions> options)
{
    /// <summary>True when the credentials can sign in to SES (false on the local adapter, so the pages can say so).</summary>
    public bool IssuesRealCredentials => provisioner.IssuesRealCredentials;

    /// <summary>The SMTP user name and password in clear, for the admin who asks (audited); NotFound, or Conflict while it has none.</summary>
    public async Task<Result<SmtpCredentialsView>> RevealAsync(string actorId, string id, CancellationToken cancellationToken)
    {
        var user = await smtpUserStore.FindSmtpUserAsync(id, cancellationToken);
        if (user is null) return SmtpProvisioning.NoSuchUser;
        if (user is not { AccessKeyId: { } keyId, ProtectedPassword: { } protectedPassword })
            return Failure.Conflict("This SMTP user has no credentials yet (or any more); wait until it is active.");
        var password = await protector.UnprotectAsync(protectedPassword, user.Id, cancellationToken);
        await audit.RecordAsync(actorId, AuditActions.SmtpUserReveal, id, null, cancellationToken);
        return new SmtpCredentialsView(keyId, password, options.Value.Region, provisioner.IssuesRealCredentials, SmtpEndpoint.Of(options.Value));
    }
}
