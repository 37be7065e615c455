namespace MailRelay.Core.Common;

/// <summary>A range of whole UTC days, both ends included.</summary>
public sealed record DayRange(DateOnly From, DateOnly To)
{
    /// <summary>The longest range a report covers, so one request cannot scan years of data.</summary>
    public const int MaxDays = 366;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the range.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A sentence for the user when the range is unusable; null when valid.</summary>
    public string? Problem() =>
        From > To ? "The first day must be on or before the last day."
        : To.DayNumber - From.DayNumber >= MaxDays ? $"Choose at most {MaxDays} days."
        : null;
}
