using System.Security.Cryptography;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>
/// Secrets encrypted by AWS KMS under one key, with the record id as encryption context: KMS
/// refuses to decrypt a ciphertext for any other record, and CloudTrail shows which record each
/// decryption was for. Secrets are small (under KMS's 4 KB limit), so no envelope encryption is needed.
/// </summary>
public sealed class KmsSecretProtector(IAmazonKeyManagementService kms, string keyId) : ISecretProtector
{
    /// <summary>The encryption-context entry that carries the record id.</summary>
    public const string RecordContextKey = "mailrelay:record";

    public async Task<string> ProtectAsync(string plaintext, string recordId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(plaintext));
        var response = await kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = input, EncryptionContext = Context(recordId) }, cancellationToken);
        return Convert.ToBase64String(response.CiphertextBlob.ToArray());
    }

    public async Task<string> UnprotectAsync(string protectedValue, string recordId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        byte[] ciphertext;
        try
        {
            ciphertext = Convert.FromBase64String(protectedValue);
        }
        catch (FormatException e)
        {
            throw new CryptographicException($"The protected value for record '{recordId}' is not a KMS ciphertext (not base64).", e);
        }
        try
        {
            using var input = new MemoryStream(ciphertext);
            var response = await kms.DecryptAsync(new DecryptRequest { KeyId = keyId, CiphertextBlob = input, EncryptionContext = Context(recordId) }, cancellationToken);
            return Encoding.UTF8.GetString(response.Plaintext.ToArray());
        }
        catch (Exception e) when (e is InvalidCiphertextException or IncorrectKeyException)
        {
            // The callers treat this as "the stored secret is unusable" (reconnect, re-issue), as for Data Protection.
            throw new CryptographicException(
                $"KMS refused to decrypt the protected value for record '{recordId}' ({e.GetType().Name}): it was altered, made for another record, or under another key.", e);
        }
    }

    private static Dictionary<string, string> Context(string recordId) => new(StringComparer.Ordinal) { [RecordContextKey] = recordId };
}
