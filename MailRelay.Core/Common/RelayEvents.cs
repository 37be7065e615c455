namespace MailRelay.Core.Common;

/// <summary>
/// The in-process stream of "something changed" signals that open pages listen to, so they
/// refresh when work happens instead of polling the store per circuit. With several instances,
/// the cluster change relay sends this instance's changes (<see cref="ChangedHere"/>) to the
/// others and republishes theirs here (<see cref="PublishFromElsewhere"/>), so a page sees the work of all.
/// </summary>
public sealed class RelayEvents
{
    /// <summary>Every change: this instance's and the other instances'. Pages listen to this.</summary>
    public event Action<RelayChange>? Changed;

    /// <summary>Only the changes this instance made: what it tells the other instances.</summary>
    public event Action<RelayChange>? ChangedHere;

    /// <summary>A change this instance made.</summary>
    public void Publish(RelayChange change)
    {
        ChangedHere?.Invoke(change);
        Changed?.Invoke(change);
    }

    /// <summary>A change another instance made; it is not sent on again, so it never echoes back.</summary>
    public void PublishFromElsewhere(RelayChange change) => Changed?.Invoke(change);
}

/// <summary>What changed: a message arrived, or a user's deliveries moved; <see cref="UserId"/> null means several or unknown.</summary>
public sealed record RelayChange(string Kind, string? UserId, string? MessageId);
