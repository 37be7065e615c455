namespace MailRelay.Core.Inbound;

/// <summary>An item intake cannot read, left in the inbound source for an admin.</summary>
/// <param name="Name">The item's name in the source (a file name in the drop folder).</param>
/// <param name="Reason">Why intake cannot read it, in a sentence an admin can act on.</param>
public sealed record StuckInboxItem(string Name, string Reason, long SizeBytes, DateTimeOffset Since);
