namespace MailRelay.Core.Configuration;

/// <summary>
/// Where the embedded defaults keep their files. Every local path of the other options is
/// relative to <see cref="Directory"/>, which is relative to the app's content root.
/// </summary>
public sealed class LocalDataOptions
{
    public const string SectionName = "LocalData";

    public string Directory { get; set; } = "App_Data";

    /// <summary>Resolves a local path of some port against the data directory.</summary>
    public string Resolve(string contentRoot, string relativeOrAbsolute) =>
        Path.GetFullPath(Path.Combine(contentRoot, Directory, relativeOrAbsolute));
}
