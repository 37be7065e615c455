namespace MailRelay.Core.Common;

/// <summary>The bounds every paged list keeps to, whoever asks (a page, the API, a report).</summary>
public static class Paging
{
    /// <summary>The most items one page holds.</summary>
    public const int MaxTake = 500;

    /// <summary><see cref="Page{T}.Total"/> of a list the store did not count.</summary>
    public const int UnknownTotal = -1;

    public static int Skip(int skip) => Math.Max(0, skip);

    public static int Take(int take) => Math.Clamp(take, 1, MaxTake);
}
