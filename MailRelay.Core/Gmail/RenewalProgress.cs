namespace MailRelay.Core.Gmail;

/// <summary>
/// How far the delivery of what waited at the last renewal has come: <see cref="Total"/> deliveries
/// were waiting then, <see cref="Remaining"/> of those still wait now.
/// </summary>
public sealed record RenewalProgress(DateTimeOffset Since, int Total, int Remaining)
{
    /// <summary>Delivered (or otherwise finished) since the renewal.</summary>
    public int Done => Math.Clamp(Total - Remaining, 0, Total);

    public bool IsComplete => Remaining == 0;
}
