namespace MailRelay.Core.Outbound;

/// <summary>How a credential's bounce or complaint rate stands against SES's thresholds.</summary>
public enum SendingRateLevel
{
    /// <summary>Nothing sent in the window, so there is no rate.</summary>
    NoData,
    Healthy,
    /// <summary>At or above SES's review threshold (amber).</summary>
    Review,
    /// <summary>At or above the rate at which SES may pause sending (red).</summary>
    Pause,
}
