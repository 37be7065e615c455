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
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = false;
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(name, process);
        var ready = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._gate) child._standardOutput.Add(e.Data);
            if (readyLine.Match(e.Data) is { Success: true } match) ready.TrySetResult(match);
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

        // WaitForExitAsync also waits for the end of the redirected streams, so the transcript is complete.
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var waited = Task.Delay(timeout, cancellationToken);
        var first = await Task.WhenAny(ready.Task, exited, waited);
        if (ready.Task.IsCompletedSuccessfully) return (child, ready.Task.Result);

        if (first == exited)
        {
            var exitCode = process.ExitCode;
            await child.DisposeAsync();
            throw new InvalidOperationException($"{name} exited with code {exitCode} before it was ready.\n{child.Transcript()}");
        }
        await child.DisposeAsync();
        throw new TimeoutException(cancellationToken.IsCancellationRequested
            ? $"Starting {name} was cancelled before it was ready.\n{child.Transcript()}"
            : $"{name} was not ready within {timeout.TotalSeconds:0} s (no stdout line matched /{readyLine}/).\n{child.Transcript()}");
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
