namespace MailRelay.Tests.Support;

/// <summary>Finds the checkout's folders from the test binaries, whatever the build configuration.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Emulators => Path.Combine(Root, "MailRelay.Tests", "emulators");

    public static string CoreSources => Path.Combine(Root, "MailRelay.Core");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailRelay.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"MailRelay.sln not found above {AppContext.BaseDirectory}.");
    }
}
