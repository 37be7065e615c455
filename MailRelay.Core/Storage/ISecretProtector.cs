namespace MailRelay.Core.Storage;

/// <summary>
/// Encrypts secrets (refresh tokens, SMTP passwords) before they are stored. The record id is
/// bound to the ciphertext (KMS encryption context; Data Protection purpose), so a ciphertext
/// copied onto another record does not decrypt.
/// </summary>
public interface ISecretProtector
{
    Task<string> ProtectAsync(string plaintext, string recordId, CancellationToken cancellationToken);

    /// <summary>
    /// The plaintext of a value made by <see cref="ProtectAsync"/> for the same record id. Throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/> when the value was altered,
    /// made for another record, or its key is gone.
    /// </summary>
    Task<string> UnprotectAsync(string protectedValue, string recordId, CancellationToken cancellationToken);
}
