namespace MailRelay.Benchmarks;

/// <summary>Resident memory of this process from /proc (Linux): current, peak, and a reset of the peak.</summary>
public static class ProcessMemory
{
    public static long CurrentBytes => Read("VmRSS:");

    public static long PeakBytes => Read("VmHWM:");

    /// <summary>Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
