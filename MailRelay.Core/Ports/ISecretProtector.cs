namespace MailRelay.Core.Ports;

/// <summary>
/// Encrypts secrets (refresh tokens, SMTP passwords) before they are stored. The record id is
/// bound to the ciphertext (KMS encryption context; Data Protection purpose), so a ciphertext
/// copied onto another record does not decrypt.
/// </summary>
public interface ISecretProtector
{
    Task<string> ProtectAsync(string plaintext, string recordId, CancellationToken cancellationToken);

    Task<string> UnprotectAsync(string protectedValue, string recordId, CancellationToken cancellationToken);
}
