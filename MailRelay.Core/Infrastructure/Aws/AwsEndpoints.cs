using Amazon;
using Amazon.Runtime;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>Where an AWS SDK client sends its calls: the region's endpoint, or an override signed for that region.</summary>
public static class AwsEndpoints
{
    /// <summary>
    /// Points <paramref name="config"/> at <paramref name="region"/>'s endpoint, or at
    /// <paramref name="serviceUrl"/> (an emulator or a VPC endpoint) while still signing for the region.
    /// </summary>
    public static TConfig PointAt<TConfig>(this TConfig config, string? region, string? serviceUrl) where TConfig : ClientConfig
    {
        if (string.IsNullOrEmpty(serviceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = region;
        }
        return config;
    }
}
