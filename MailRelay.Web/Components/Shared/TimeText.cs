using System.Globalization;

namespace MailRelay.Web.Components.Shared;

/// <summary>The ways pages write times: exact in UTC or in a time zone, or as an age.</summary>
public static class TimeText
{
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset? at) => at is { } value ? Utc(value) : "—";

    /// <summary>The wall-clock time in <paramref name="zone"/>, to the second, without the zone's name.</summary>
    public static string In(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a time element's datetime attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"just now", "12 min", "3 h", "2 days".</summary>
    public static string Age(TimeSpan age) => age switch
    {
        _ when age < TimeSpan.FromMinutes(1) => "just now",
        _ when age < TimeSpan.FromHours(1) => $"{(int)age.TotalMinutes} min",
        _ when age < TimeSpan.FromDays(2) => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} days",
    };

    /// <summary>"1.2 MB", "640 KB", "312 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => $"{bytes} bytes",
    };
}
