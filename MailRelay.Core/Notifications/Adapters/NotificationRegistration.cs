using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Notifications.Adapters;

/// <summary>User notices and the notification sender chosen by <c>Notifications:Provider</c>.</summary>
internal static class NotificationRegistration
{
    /// <summary>
    /// The sender is chosen when first resolved, from the validated options. The email composer
    /// (<see cref="IEmailComposer"/>) renders Razor components, so the web project registers it.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<INotificationSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.UsesSmtp
                ? new SmtpNotificationSender(options.Smtp, options.From, time)
                : new PickupNotificationSender(sp.LocalPath(options.PickupPath), options.From, time);
        });
        // The Outbox page lists the pickup folder whichever provider is chosen (and says so for Smtp).
        services.AddSingleton(sp => new OutboxFolder(sp.LocalPath(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.PickupPath)));
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxFolder>());
        services.AddSingleton<OutboxView>();
        services.AddSingleton<UserNotices>();
        return services;
    }
}
