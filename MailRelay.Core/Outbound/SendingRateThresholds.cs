namespace MailRelay.Core.Outbound;

/// <summary>
/// SES puts an account under review at a 5 % bounce or 0.1 % complaint rate and may pause its
/// sending at 10 % bounces or 0.5 % complaints. MailRelay shows a credential amber from the first
/// and red from the second, so an admin acts before SES does.
/// </summary>
public static class SendingRateThresholds
{
    public const double BounceReview = 0.05;
    public const double BouncePause = 0.10;
    public const double ComplaintReview = 0.001;
    public const double ComplaintPause = 0.005;

    /// <summary>Four fifths of the review rates: the admin dashboard warns here, while there is time to act.</summary>
    public const double BounceWarning = 0.04;
    public const double ComplaintWarning = 0.0008;

    public static SendingRateLevel Bounce(double? rate) => Level(rate, BounceReview, BouncePause);

    public static SendingRateLevel Complaint(double? rate) => Level(rate, ComplaintReview, ComplaintPause);

    /// <summary>Whether either rate has reached its warning level (and so may reach SES's review soon, or already has).</summary>
    public static bool NearReview(OutboundRates rates) =>
        rates.BounceRate >= BounceWarning || rates.ComplaintRate >= ComplaintWarning;

    private static SendingRateLevel Level(double? rate, double review, double pause) => rate switch
    {
        null => SendingRateLevel.NoData,
        >= 0 when rate >= pause => SendingRateLevel.Pause,
        >= 0 when rate >= review => SendingRateLevel.Review,
        _ => SendingRateLevel.Healthy,
    };
}
