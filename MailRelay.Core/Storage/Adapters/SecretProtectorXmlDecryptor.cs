using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>
/// Opens what <see cref="SecretProtectorXmlEncryptor"/> made. Data Protection creates it by the type
/// name stored with each key, through its constructor that takes the service provider.
/// </summary>
public sealed class SecretProtectorXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    internal const string ElementName = "encryptedSecret";
    internal const string ValueName = "value";

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var ciphertext = encryptedElement.Element(ValueName)?.Value
            ?? throw new CryptographicException($"The key-ring element has no <{ValueName}>; it was not made by {nameof(SecretProtectorXmlEncryptor)}.");
        var secrets = services.GetRequiredService<ISecretProtector>();
        var plaintext = Task.Run(() => secrets.UnprotectAsync(ciphertext, SecretProtectorXmlEncryptor.Context, CancellationToken.None)).GetAwaiter().GetResult();
        return XElement.Parse(plaintext);
    }
}
