using MailRelay.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Gmail.Adapters;

public static class GmailRegistration
{
    /// <summary>
    /// The Google options (validated at start when Gmail is chosen), the access-token cache and
    /// <see cref="GmailMailboxDelivery"/> as a concrete singleton. Which adapter serves
    /// <c>IMailboxDelivery</c> is decided where the adapters are chosen, not here.
    /// </summary>
    public static IServiceCollection AddGmailDelivery(this IServiceCollection services)
    {
        services.AddOptions<GoogleOptions>().BindSection(GoogleOptions.SectionName)
            .Configure<IConfiguration>(EmptyLifetimeMeansUnknown);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleOptions>, GoogleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GoogleAccessTokens>();
        // Timeouts are per request (Google:RequestTimeout), so a long upload is not cut by the client's own.
        // The factory's request logging is removed: at Trace it writes the bearer token, and at
        // Information the resumable session URL, which is itself a credential for the upload.
        // GmailMailboxDelivery logs every outcome instead.
        services.AddHttpClient(GmailMailboxDelivery.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddSingleton<GmailMailboxDelivery>();
        return services;
    }

    /// <summary>
    /// Connecting, renewing and disconnecting Gmail: Google's consent (<see cref="GoogleConsent"/>, the
    /// <see cref="IGmailConsent"/>) and the Core flow that ties it to the user's state and stored grant
    /// (<see cref="GmailConnectFlow"/>).
    /// Needs <see cref="AddGmailDelivery"/> (the options) and the Gmail services of Core.
    /// </summary>
    public static IServiceCollection AddGmailConnect(this IServiceCollection services)
    {
        // The revocation body carries a token, so this client logs nothing either.
        services.AddHttpClient(GoogleConsent.HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton<IGmailConsent, GoogleConsent>();
        services.TryAddSingleton<GmailConnectFlow>();
        return services;
    }

    /// <summary>The binder leaves a nullable's default in place for an empty value; here empty means "unknown".</summary>
    private static void EmptyLifetimeMeansUnknown(GoogleOptions options, IConfiguration configuration)
    {
        var raw = configuration.GetSection(GoogleOptions.SectionName)[nameof(GoogleOptions.RefreshTokenLifetime)];
        if (raw is not null && string.IsNullOrWhiteSpace(raw)) options.RefreshTokenLifetime = null;
    }
}
