using System.Globalization;
using System.Text.RegularExpressions;
using MailRelay.Core.Common;

namespace MailRelay.Core.Domains;

/// <summary>What the DNS page accepts as a domain: a real host name, stored lower-cased without the trailing dot.</summary>
public static partial class DomainName
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The normalized name, or Invalid with a sentence saying why the text is not a domain.</summary>
    public static Result<string> Normalize(string? input)
    {
        var text = (input ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        if (text.Length == 0) return Failure.Invalid("Enter a domain name, such as example.com.");
        if (text.Contains('@', StringComparison.Ordinal)) return Failure.Invalid($"'{text}' is an address; enter only the part after the @.");
        if (!text.All(c => char.IsLetterOrDigit(c) || c is '-' or '.'))
            return Failure.Invalid($"'{text}' is not a domain name: use letters, digits, hyphens and dots.");
        if (text.Split('.').Length < 2) return Failure.Invalid($"'{text}' is not a domain name: it needs at least two parts, such as example.com.");
        var badParts = $"'{text}' is not a domain name: each part must be 1–63 letters, digits or hyphens, not starting or ending with a hyphen.";
        string ascii;
        try
        {
            // Internationalized names are stored in their DNS (punycode) form, which is what records use.
            ascii = Idn.GetAscii(text);
        }
        catch (ArgumentException)
        {
            return Failure.Invalid(badParts);
        }
        if (ascii.Length > 253 || ascii.Split('.').Any(l => !Label().IsMatch(l))) return Failure.Invalid(badParts);
        if (ascii.Split('.')[^1].All(char.IsAsciiDigit)) return Failure.Invalid($"'{text}' looks like an IP address, not a domain name.");
        return ascii;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();
}
