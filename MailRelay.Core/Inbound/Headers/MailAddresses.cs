using MimeKit;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>Addresses as MailRelay accepts them for sending: MimeKit's parser, held to RFC 5322.</summary>
public static class MailAddresses
{
    // MimeKit's default (loose) parser makes a mailbox of almost any text; sending needs a real one.
    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    /// <summary>One mailbox, with or without a display name (<c>MailRelay &lt;mailrelay@example.com&gt;</c>).</summary>
    public static bool TryParseMailbox(string? text, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(text) || !MailboxAddress.TryParse(Strict, text, out var parsed) || parsed is null) return false;
        mailbox = parsed;
        return true;
    }

    /// <summary>
    /// A bare address with a dotted domain, as an envelope has it: no display name, no angle
    /// brackets, nothing MimeKit had to tidy (a trailing dot, spaces).
    /// </summary>
    public static bool IsEnvelopeAddress(string? text) =>
        TryParseMailbox(text, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && mailbox.Address == text
        && mailbox.Domain.Contains('.');
}
