using MailRelay.Core.Common;
using MailRelay.Core.Inbound.Headers;

namespace MailRelay.Web.Components.Admin;

/// <summary>Envelope recipients typed by an admin: addresses separated by commas, semicolons or spaces.</summary>
public static class RecipientList
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>The addresses, lower-cased without repeats; Invalid naming the entries that are not addresses, or asking for one.</summary>
    public static Result<IReadOnlyList<string>> Parse(string? text)
    {
        var parts = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return Failure.Invalid("Enter at least one envelope recipient, such as alice@example.com.");
        var invalid = parts.Where(p => !MailAddresses.IsEnvelopeAddress(p)).ToList();
        if (invalid.Count > 0)
            return Failure.Invalid($"{string.Join(", ", invalid.Select(p => $"'{p}'"))} {(invalid.Count == 1 ? "is not an address" : "are not addresses")}; write them like alice@example.com.");
        return Result<IReadOnlyList<string>>.Ok(parts.Select(p => p.ToLowerInvariant()).Distinct().ToList());
    }
}
