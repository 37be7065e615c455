using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>
/// Encrypts each Data Protection master key with the <see cref="ISecretProtector"/> (KMS on AWS)
/// before the key ring stores it, so whoever can read the bucket still cannot forge cookies.
/// </summary>
public sealed class SecretProtectorXmlEncryptor(Func<ISecretProtector> secretProtector) : IXmlEncryptor
{
    public SecretProtectorXmlEncryptor(ISecretProtector secrets) : this(() => secrets)
    {
    }

    /// <summary>The record id (KMS encryption context) of every key-ring secret.</summary>
    public const string Context = "dataprotection-keyring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = plaintextElement.ToString(SaveOptions.DisableFormatting);
        var ciphertext = Task.Run(() => secretProtector().ProtectAsync(plaintext, Context, CancellationToken.None)).GetAwaiter().GetResult();
        var encrypted = new XElement(SecretProtectorXmlDecryptor.ElementName,
            new XComment(" Encrypted by MailRelay's secret protector (KMS on AWS); context: " + Context + ". "),
            new XElement(SecretProtectorXmlDecryptor.ValueName, ciphertext));
        return new EncryptedXmlInfo(encrypted, typeof(SecretProtectorXmlDecryptor));
    }
}
