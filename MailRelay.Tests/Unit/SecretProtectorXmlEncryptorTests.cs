using System.Security.Cryptography;
using System.Xml.Linq;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Unit;

/// <summary>The key-ring encryptor pair over a real secret protector (KMS is covered in DataProtectionKeyRingTests).</summary>
public sealed class SecretProtectorXmlEncryptorTests
{
    private const string MasterKey = "bWFzdGVyLWtleS1tYXRlcmlhbA==";
    private static readonly XElement Plaintext = new("masterKey", new XElement("value", MasterKey));
    private readonly ServiceProvider _services;

    public SecretProtectorXmlEncryptorTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        _services = services.BuildServiceProvider();
    }

    private SecretProtectorXmlEncryptor Encryptor => new(_services.GetRequiredService<ISecretProtector>());

    [Fact]
    public void Encrypt_ThenDecrypt_ReturnsTheElementAndNamesTheDecryptor()
    {
        var encrypted = Encryptor.Encrypt(Plaintext);

        encrypted.DecryptorType.ShouldBe(typeof(SecretProtectorXmlDecryptor));
        encrypted.EncryptedElement.ToString().ShouldNotContain(MasterKey);
        XNode.DeepEquals(new SecretProtectorXmlDecryptor(_services).Decrypt(encrypted.EncryptedElement), Plaintext).ShouldBeTrue();
    }

    [Fact]
    public void Decrypt_AlteredCiphertext_IsRefused()
    {
        var encrypted = Encryptor.Encrypt(Plaintext).EncryptedElement;
        var value = encrypted.Element("value")!;
        value.Value = value.Value[..^4] + (value.Value[^4] == 'A' ? "B" : "A") + value.Value[^3..];

        Should.Throw<CryptographicException>(() => new SecretProtectorXmlDecryptor(_services).Decrypt(encrypted));
    }

    [Fact]
    public void Decrypt_ElementWithoutValue_IsRefusedWithAReason()
    {
        var error = Should.Throw<CryptographicException>(() => new SecretProtectorXmlDecryptor(_services).Decrypt(new XElement("encryptedSecret")));

        error.Message.ShouldContain("no <value>");
    }
}
