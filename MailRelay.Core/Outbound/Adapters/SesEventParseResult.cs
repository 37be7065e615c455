namespace MailRelay.Core.Outbound.Adapters;

/// <summary>
/// A parsed SES event; or an event of a type MailRelay does not count (<see cref="Ignored"/>, safe to
/// acknowledge); or why the body is unusable (<see cref="Error"/>, safe to log: it quotes no content).
/// </summary>
public sealed record SesEventParseResult(OutboundEvent? Event, string? Ignored, string? Error)
{
    public static SesEventParseResult Success(OutboundEvent outboundEvent) => new(outboundEvent, null, null);

    public static SesEventParseResult Skip(string why) => new(null, why, null);

    public static SesEventParseResult Failure(string error) => new(null, null, error);
}
