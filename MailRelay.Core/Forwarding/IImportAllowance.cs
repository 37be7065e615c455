namespace MailRelay.Core.Forwarding;

/// <summary>
/// A user's Gmail import allowance, shared by every instance that delivers the user's mail: at most
/// <c>limit</c> imports per user in each <see cref="ImportWindow"/> (a UTC minute), counted where all
/// instances see it (the DynamoDB table; memory for the one process an SQLite store serves).
/// </summary>
public interface IImportAllowance
{
    /// <summary>
    /// Reserves up to <paramref name="wanted"/> imports for <paramref name="userId"/> in the window
    /// that holds <paramref name="now"/>, out of <paramref name="limit"/> for that window. Grants all
    /// of them while enough are left, else what is left (possibly none); callers reserving at once,
    /// from one instance or several, are never granted more than <paramref name="limit"/> in total.
    /// A grant is spent whether or not it is used: nothing is given back.
    /// </summary>
    Task<ImportGrant> ReserveAsync(string userId, int wanted, int limit, DateTimeOffset now, CancellationToken cancellationToken);
}
