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
    /// The web project's output folder for the build the running code comes from: the running
    /// project's output path (bin/{Configuration}/{tfm}/{rid}) taken over to the web project, which
    /// the project reference has just built (the tests, or the benchmarks that reuse their harness).
    /// </summary>
    public static string WebOutput => Path.Combine(WebProject, Path.GetRelativePath(RunningProject(), AppContext.BaseDirectory));

    /// <summary>The folder right under the checkout's root that the running binaries were built into.</summary>
    private static string RunningProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir?.Parent is not null; dir = dir.Parent)
        {
            if (string.Equals(dir.Parent.FullName.TrimEnd(Path.DirectorySeparatorChar), Root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) return dir.FullName;
        }
        throw new InvalidOperationException($"{AppContext.BaseDirectory} is not inside {Root}.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailRelay.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"MailRelay.sln not found above {AppContext.BaseDirectory}.");
    }
}
