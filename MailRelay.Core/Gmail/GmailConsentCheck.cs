namespace MailRelay.Core.Gmail;

/// <summary>The answer to a callback's state: the flow's ticket, or why the callback is refused.</summary>
public sealed class GmailConsentCheck
{
    private GmailConsentCheck(GmailConsentTicket? ticket, GmailConnectOutcome? refusal)
    {
        Ticket = ticket;
        Refusal = refusal;
    }

    public GmailConsentTicket? Ticket { get; }

    public GmailConnectOutcome? Refusal { get; }

    public static GmailConsentCheck Valid(GmailConsentTicket ticket) => new(ticket, null);

    public static GmailConsentCheck Refused(GmailConnectOutcome refusal) => new(null, refusal);
}
