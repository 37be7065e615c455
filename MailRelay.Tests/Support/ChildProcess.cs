using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MailRelay.Tests.Support;

/// <summary>
/// A process a test fixture starts: its output is captured line by line, start-up waits for the
/// line that says it is ready, and disposing kills it with every process it started.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _standardOutput = [];
    private readonly List<string> _standardError = [];
    private readonly object _gate = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The operating system's id of the process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Every line written to stdout so far.</summary>
    public IReadOnlyList<string> StandardOutput { get { lock (_gate) return [.. _standardOutput]; } }

    /// <summary>Every line written to stderr so far.</summary>
    public IReadOnlyList<string> StandardError { get { lock (_gate) return [.. _standardError]; } }

    /// <summary>
    /// Starts <paramref name="start"/> (its standard streams are redirected here) and waits until
    /// a stdout line matches <paramref name="readyLine"/>. Fails with the captured output if the
    /// process exits first or is not ready within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(ChildProcess Process, Match ReadyLine)> StartAsync(
        string name, ProcessStartInfo start, Regex readyLine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ready = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = Launch(name, start, line =>
        {
            if (readyLine.Match(line) is { Success: true } match) ready.TrySetResult(match);
        });
        var match = await child.WaitAsync(ready.Task, $"no stdout line matched /{readyLine}/", timeout, cancellationToken);
        return (child, match);
    }

    /// <summary>
    /// Starts a process that says nothing when it is ready (e.g. dynalite) and polls
    /// <paramref name="isReady"/> (e.g. "does the port answer") until it is true.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(
        string name, ProcessStartInfo start, Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var child = Launch(name, start, _ => { });
        using var stop = new CancellationTokenSource();
        var ready = Task.Run(async () =>
        {
            while (!await isReady(stop.Token)) await Task.Delay(50, stop.Token);
            return true;
        }, CancellationToken.None);
        try
        {
            await child.WaitAsync(ready, "it did not answer", timeout, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
        }
        return child;
    }

    /// <summary>
    /// Starts <paramref name="start"/> and waits for it to exit on its own; after <paramref name="timeout"/>
    /// it is killed and the wait fails with its output. The caller disposes the returned process.
    /// </summary>
    public static async Task<(int ExitCode, ChildProcess Process)> RunToExitAsync(
        string name, ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var child = Launch(name, start, _ => { });
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(timeout);
            // WaitForExitAsync also waits for the end of the redirected streams, so the transcript is complete.
            await child._process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            var transcript = child.Transcript();
            await child.DisposeAsync();
            throw new TimeoutException($"{name} did not exit within {timeout.TotalSeconds:0} s.\n{transcript}");
        }
        return (child._process.ExitCode, child);
    }

    private static ChildProcess Launch(string name, ProcessStartInfo start, Action<string> onLine)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = false;
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._gate) child._standardOutput.Add(e.Data);
            onLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._gate) child._standardError.Add(e.Data);
        };

        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new InvalidOperationException($"{name} could not be started ({start.FileName}): {e.Message}", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for <paramref name="ready"/>; if the process exits or time runs out first, kills it and fails with its output.</summary>
    private async Task<T> WaitAsync<T>(Task<T> ready, string notReady, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // WaitForExitAsync also waits for the end of the redirected streams, so the transcript is complete.
        var exited = _process.WaitForExitAsync(CancellationToken.None);
        var waited = Task.Delay(timeout, cancellationToken);
        var first = await Task.WhenAny(ready, exited, waited);
        if (ready.IsCompletedSuccessfully) return ready.Result;

        if (first == exited)
        {
            var exitCode = _process.ExitCode;
            await DisposeAsync();
            throw new InvalidOperationException($"{Name} exited with code {exitCode} before it was ready.\n{Transcript()}");
        }
        await DisposeAsync();
        throw new TimeoutException(cancellationToken.IsCancellationRequested
            ? $"Starting {Name} was cancelled before it was ready.\n{Transcript()}"
            : $"{Name} was not ready within {timeout.TotalSeconds:0} s ({notReady}).\n{Transcript()}");
    }

    /// <summary>
    /// Kills the process and every process it started at once, as a crash or the OOM killer would
    /// (SIGKILL on Unix: no shutdown code runs), and returns its exit code (128 + 9 on Unix).
    /// </summary>
    public async Task<int> KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>All captured output, for failure messages.</summary>
    public string Transcript()
    {
        var text = new StringBuilder();
        text.AppendLine($"--- {Name} stdout ---");
        foreach (var line in StandardOutput) text.AppendLine(line);
        text.AppendLine($"--- {Name} stderr ---");
        foreach (var line in StandardError) text.AppendLine(line);
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (InvalidOperationException) { /* it exited on its own meanwhile */ }
        catch (OperationCanceledException) { /* the OS did not reap it in time; nothing more a test can do */ }
        _process.Dispose();
    }
}
