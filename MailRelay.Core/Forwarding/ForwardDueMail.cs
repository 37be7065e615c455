using MailRelay.Core.Common;

namespace MailRelay.Core.Forwarding;

/// <summary>Delivers due mail, batch after batch, for as long as work is due.</summary>
public sealed class ForwardDueMail(ForwardingService forwarding) : IBackgroundWork
{
    public string AfterFailure => "leased deliveries are taken over when their lease ends, and forwarding runs again at the next run";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && await forwarding.RunOnceAsync(cancellationToken) > 0)
        {
        }
    }
}
