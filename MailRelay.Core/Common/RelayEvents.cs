namespace MailRelay.Core.Common;

/// <summary>
/// The in-process stream of "something changed" signals that open pages listen to, so they
/// refresh when work happens instead of polling the store per circuit.
/// </summary>
public sealed class RelayEvents
{
    public event Action<RelayChange>? Changed;

    public void Publish(RelayChange change) => Changed?.Invoke(change);
}

/// <summary>What changed: a message arrived, or a user's deliveries moved; <see cref="UserId"/> null means several or unknown.</summary>
public sealed record RelayChange(string Kind, string? UserId, string? MessageId);
