using System.Diagnostics;
using System.Text.RegularExpressions;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The real MailRelay.Web, started as its own process from the self-contained apphost that the
/// project reference builds, on a free loopback port and with a data folder of its own (or one the
/// caller keeps, so a second process can start over what a killed one left).
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly TempDirectory? _ownedData;

    private AppProcess(ChildProcess process, string dataDirectory, TempDirectory? ownedData, string baseUrl)
    {
        _process = process;
        _ownedData = ownedData;
        DataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    /// <summary>The app's process id, which its lease owner names carry (<c>…-PID-…</c>).</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>Where the app listens, without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The app's <c>LocalData:Directory</c>: its SQLite file, blobs and the inbox drop folder.</summary>
    public string DataDirectory { get; }

    /// <summary>How many stdout lines the app has written so far; pass it to <see cref="ErrorsLoggedSince"/>.</summary>
    public int OutputMark => _process.StandardOutput.Count;

    /// <summary>
    /// Starts the app in the Development environment with <paramref name="settings"/> as
    /// <c>--Key=Value</c> arguments (they win over appsettings.json), and waits for its
    /// "MailRelay is running at" line.
    /// </summary>
    public static Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken) =>
        StartAsync(settings, environmentName: null, new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// Starts the app with <c>ASPNETCORE_ENVIRONMENT=<paramref name="environmentName"/></c> (Development when null)
    /// and <paramref name="environment"/> added to its environment variables, as a platform such as App Runner configures it.
    /// </summary>
    public static Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? environmentName,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        StartAsync(settings, environmentName, environment, dataDirectory: null, cancellationToken);

    /// <summary>
    /// Starts the app in the Development environment over <paramref name="dataDirectory"/>, which the
    /// caller owns and which outlives the process: a second process can start over what the first left.
    /// </summary>
    public static Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string dataDirectory, CancellationToken cancellationToken) =>
        StartAsync(settings, environmentName: null, new Dictionary<string, string>(), dataDirectory, cancellationToken);

    private static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? environmentName,
        IReadOnlyDictionary<string, string> environment, string? dataDirectory, CancellationToken cancellationToken)
    {
        var ownedData = dataDirectory is null ? new TempDirectory() : null;
        var data = dataDirectory ?? ownedData!.Path;
        var start = StartInfo(settings.Append(new("LocalData:Directory", data)), environmentName,
            environment.Select(variable => KeyValuePair.Create(variable.Key, (string?)variable.Value)));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{FreePort.Next()}");

        try
        {
            var (process, ready) = await ChildProcess.StartAsync("MailRelay.Web", start, RunningAt(), StartTimeout, cancellationToken);
            return new AppProcess(process, data, ownedData, ready.Groups["url"].Value.TrimEnd('/'));
        }
        catch
        {
            ownedData?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the app in the Development environment with <paramref name="environment"/> added to its
    /// environment variables (a null value removes one), for a configuration it must refuse: waits for
    /// it to exit (killing it after <paramref name="timeout"/>) and returns its exit code and everything it wrote.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunToExitAsync(
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var data = new TempDirectory();
        var start = StartInfo([new("LocalData:Directory", data.Path)], environmentName: null, environment);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{FreePort.Next()}");
        var (exitCode, process) = await ChildProcess.RunToExitAsync("MailRelay.Web", start, timeout, cancellationToken);
        await using (process) return (exitCode, [.. process.StandardOutput, .. process.StandardError]);
    }

    private static ProcessStartInfo StartInfo(IEnumerable<KeyValuePair<string, string>> settings, string? environmentName,
        IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var executable = Path.Combine(RepositoryPaths.WebOutput, OperatingSystem.IsWindows() ? "MailRelay.Web.exe" : "MailRelay.Web");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"The MailRelay.Web apphost is not at {executable}. The test project's reference builds it there; " +
                "build the solution (dotnet build MailRelay.sln) with the same configuration as the tests.");
        }

        // The content root is the project folder: appsettings.json and wwwroot come from there, and
        // in Development the static web assets manifest next to the apphost serves _content/...
        var start = new ProcessStartInfo(executable) { WorkingDirectory = RepositoryPaths.WebProject };
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        // ASPNETCORE_ENVIRONMENT wins over DOTNET_ENVIRONMENT in this app (MailRelayHostOptions):
        // a stray one in the test runner's environment must not turn these runs into Production.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        if (environmentName is not null) start.Environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>
    /// Error and Fatal log events (Serilog JSON lines on stdout) and any stderr line written since
    /// <paramref name="outputMark"/>: a page that looks fine in the browser may still have failed on the server.
    /// </summary>
    public IReadOnlyList<string> ErrorsLoggedSince(int outputMark) =>
    [
        .. _process.StandardOutput.Skip(outputMark).Where(line => ErrorLevel().IsMatch(line)),
        .. _process.StandardError,
    ];

    /// <summary>Everything the app wrote to stdout (its JSON log) and stderr since <paramref name="outputMark"/>, for tests that search it.</summary>
    public IReadOnlyList<string> OutputSince(int outputMark) => [.. _process.StandardOutput.Skip(outputMark), .. _process.StandardError];

    /// <summary>Warnings and errors logged since <paramref name="outputMark"/>, for a test's output.</summary>
    public IEnumerable<string> WarningsLoggedSince(int outputMark) =>
        _process.StandardOutput.Skip(outputMark).Where(line => WarningOrWorse().IsMatch(line)).Concat(_process.StandardError);

    /// <summary>Kills the app at once (SIGKILL on Unix), as a crash would, and returns its exit code.</summary>
    public Task<int> KillAsync(CancellationToken cancellationToken) => _process.KillAsync(cancellationToken);

    /// <summary>All the app wrote to stdout and stderr, for failure messages.</summary>
    public string Transcript() => _process.Transcript();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _ownedData?.Dispose();
    }

    [GeneratedRegex(@"^MailRelay is running at (?<url>https?://\S+)$")]
    private static partial Regex RunningAt();

    [GeneratedRegex("\"Level\":\"(Error|Fatal)\"")]
    private static partial Regex ErrorLevel();

    [GeneratedRegex("\"Level\":\"(Warning|Error|Fatal)\"")]
    private static partial Regex WarningOrWorse();
}
