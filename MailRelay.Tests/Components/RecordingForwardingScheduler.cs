using MailRelay.Core.Forwarding;

namespace MailRelay.Tests.Components;

/// <summary>Stands in for the Quartz job trigger: counts how often forwarding was asked to run.</summary>
public sealed class RecordingForwardingScheduler : IForwardingScheduler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task RunSoonAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.CompletedTask;
    }
}
