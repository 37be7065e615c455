using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Storage.Adapters;

public static class KeyRingRegistration
{
    /// <summary>
    /// ASP.NET Core Data Protection with its key ring where <c>Secrets:KeyRing</c> says: a folder with
    /// the other local data (one machine), or the blob store with each key encrypted by the secret
    /// protector (every instance of a scaled-out or redeployed service shares it).
    /// </summary>
    public static IServiceCollection AddDataProtectionKeyRing(this IServiceCollection services, bool inBlobStore)
    {
        services.AddDataProtection().SetApplicationName("MailRelay");
        if (inBlobStore)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            {
                // Resolved at first use, not here: building the request pipeline already asks for Data Protection,
                // and resolving S3 or KMS then would fail on the first bad setting instead of letting start-up
                // validation list every missing key at once.
                o.XmlRepository = new BlobStoreXmlRepository(sp.GetRequiredService<IBlobStore>);
                o.XmlEncryptor = new SecretProtectorXmlEncryptor(sp.GetRequiredService<ISecretProtector>);
            }));
            return services;
        }
        // The key ring lives with the other local data (resolved lazily, like every local path).
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(sp.LocalPath(sp.GetRequiredService<IOptions<SecretProtectionOptions>>().Value.KeysPath)),
                NullLoggerFactory.Instance)));
        return services;
    }
}
