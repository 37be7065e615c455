using MailRelay.Core.Services.Mime;

namespace MailRelay.Web.Components.Admin;

/// <summary>Envelope recipients typed by an admin: addresses separated by commas, semicolons or spaces.</summary>
public static class RecipientList
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    public static (IReadOnlyList<string> Addresses, string? Error) Parse(string? text)
    {
        var parts = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return ([], "Enter at least one envelope recipient, such as alice@example.com.");
        var invalid = parts.Where(p => !MailAddresses.IsEnvelopeAddress(p)).ToList();
        if (invalid.Count > 0)
            return ([], $"{string.Join(", ", invalid.Select(p => $"'{p}'"))} {(invalid.Count == 1 ? "is not an address" : "are not addresses")}; write them like alice@example.com.");
        return (parts.Select(p => p.ToLowerInvariant()).Distinct().ToList(), null);
    }
}
