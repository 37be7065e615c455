namespace MailRelay.Web.Components.Admin;

/// <summary>The create form's values; SmtpProvisioning decides what is valid.</summary>
public sealed class SmtpUserDraft
{
    public string Name { get; set; } = "";

    public string? OwnerUserId { get; set; }

    /// <summary>One address or *@domain per line (commas and spaces also separate).</summary>
    public string AllowedFrom { get; set; } = "";

    public IReadOnlyList<string> AllowedFromList() =>
        AllowedFrom.Split(['\n', '\r', ',', ' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
