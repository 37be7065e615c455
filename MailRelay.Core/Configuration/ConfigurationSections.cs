using Microsoft.Extensions.Configuration;

namespace MailRelay.Core.Configuration;

public static class ConfigurationSections
{
    /// <summary>
    /// A section's values read while the host is being built (for choices fixed then: adapters, schemes,
    /// job intervals), or the defaults when the section is absent. The same values are validated at start,
    /// so a value that does not convert gives the defaults here and is reported then (see <c>BindSection</c>).
    /// </summary>
    public static T Section<T>(this IConfiguration configuration, string section) where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            return new T();
        }
    }
}
