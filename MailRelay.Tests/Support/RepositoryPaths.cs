namespace MailRelay.Tests.Support;

/// <summary>Finds the checkout's folders from the test binaries, whatever the build configuration.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Emulators => Path.Combine(Root, "MailRelay.Tests", "emulators");

    public static string CoreSources => Path.Combine(Root, "MailRelay.Core");

    /// <summary>The web project's folder: the app's content root (appsettings.json, wwwroot).</summary>
    public static string WebProject => Path.Combine(Root, "MailRelay.Web");

    /// <summary>
    /// The web project's output folder for the build these tests come from: the test project's
    /// output path (bin/{Configuration}/{tfm}/{rid}) taken over to the web project, which the
    /// project reference has just built.
    /// </summary>
    public static string WebOutput =>
        Path.Combine(WebProject, Path.GetRelativePath(Path.Combine(Root, "MailRelay.Tests"), AppContext.BaseDirectory));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailRelay.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"MailRelay.sln not found above {AppContext.BaseDirectory}.");
    }
}
