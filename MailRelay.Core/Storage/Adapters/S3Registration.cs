using Amazon.Runtime;
using Amazon.S3;
using MailRelay.Core.Infrastructure.Aws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Storage.Adapters;

public static class S3Registration
{
    /// <summary>
    /// Makes <see cref="S3BlobStore"/> the <see cref="IBlobStore"/> (the <c>Blobs</c> options are
    /// bound and validated by Core). Credentials come from AWSSDK.Core's default chain unless an
    /// <see cref="AWSCredentials"/> is registered already.
    /// </summary>
    public static IServiceCollection AddS3Blobs(this IServiceCollection services)
    {
        services.TryAddAwsCredentials();
        services.TryAddSingleton<IAmazonS3>(sp => CreateClient(sp.GetRequiredService<IOptions<BlobStoreOptions>>().Value, sp.GetRequiredService<AWSCredentials>()));
        services.Replace(ServiceDescriptor.Singleton<IBlobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BlobStoreOptions>>().Value;
            return new S3BlobStore(sp.GetRequiredService<IAmazonS3>(), options.BucketName!, options.KeyPrefix);
        }));
        return services;
    }

    /// <summary>An S3 client for the configured region, or for <see cref="BlobStoreOptions.ServiceUrl"/> with path-style addressing.</summary>
    public static AmazonS3Client CreateClient(BlobStoreOptions options, AWSCredentials credentials)
    {
        // Emulators and private endpoints have no bucket sub-domains.
        var config = new AmazonS3Config { ForcePathStyle = !string.IsNullOrEmpty(options.ServiceUrl) }.PointAt(options.Region, options.ServiceUrl);
        return new AmazonS3Client(credentials, config);
    }
}
