namespace MailRelay.Core.Forwarding;

/// <summary>What <see cref="IImportAllowance.ReserveAsync"/> granted, and when its window ends (the next one opens).</summary>
/// <param name="Granted">Imports the caller may make now, 0 when the window's allowance is spent.</param>
/// <param name="WindowEnds">The end of the window the grant was taken from: from then on the user has a full allowance again.</param>
public readonly record struct ImportGrant(int Granted, DateTimeOffset WindowEnds);
