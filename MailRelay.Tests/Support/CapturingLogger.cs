using Microsoft.Extensions.Logging;

namespace MailRelay.Tests.Support;

/// <summary>Keeps what was logged, with the template's named properties, for assertions.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<Entry> _entries = [];

    public sealed record Entry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);

    public IReadOnlyList<Entry> Entries { get { lock (_entries) return [.. _entries]; } }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
        lock (_entries) _entries.Add(new Entry(logLevel, formatter(state, exception), properties));
    }
}
