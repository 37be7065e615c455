using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace MailRelay.Tests.Support;

/// <summary>Keeps Serilog's own events, with what only they carry (the trace id), for assertions.</summary>
public sealed class CapturingLogEventSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
