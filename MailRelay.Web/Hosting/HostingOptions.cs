namespace MailRelay.Web.Hosting;

/// <summary>How the build output is hosted (<c>Hosting</c> section); read while the host is built.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>Serve Radzen's <c>_content/</c> files from the static web assets manifest outside Development.</summary>
    public bool StaticWebAssets { get; set; }
}
