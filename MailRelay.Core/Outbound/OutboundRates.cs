namespace MailRelay.Core.Outbound;

/// <summary>
/// One credential's SES event counts over a window, and the bounce and complaint rates SES judges
/// an account by. The base is the number of sends; when no Send events arrive (the event destination
/// may leave them out) it is deliveries plus bounces.
/// </summary>
public sealed record OutboundRates(string SmtpUserId, int Sends, int Deliveries, int Bounces, int Complaints)
{
    public int Base => Math.Max(Sends, Deliveries + Bounces);

    /// <summary>Null when nothing was sent, so no rate can be told.</summary>
    public double? BounceRate => Base == 0 ? null : (double)Bounces / Base;

    public double? ComplaintRate => Base == 0 ? null : (double)Complaints / Base;
}
