namespace MailRelay.Core.Routing;

/// <summary>An envelope address in the forms routing compares: whole, without +tag, and its domain.</summary>
public sealed record RecipientAddress(string Address, string Untagged, string Domain)
{
    public static RecipientAddress? Parse(string? value)
    {
        var address = value?.Trim().Trim('<', '>').Trim().ToLowerInvariant();
        var at = address?.LastIndexOf('@') ?? -1;
        if (address is null || at <= 0 || at == address.Length - 1) return null;
        var local = address[..at];
        var domain = address[(at + 1)..];
        var plus = local.IndexOf('+');
        var untagged = plus > 0 ? $"{local[..plus]}@{domain}" : address;
        return new RecipientAddress(address, untagged, domain);
    }
}
