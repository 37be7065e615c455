using MailRelay.Core.Inbound;
using MailRelay.Core.Users;

namespace MailRelay.Core.Storage;

/// <summary>
/// The store as a whole, apart from any one area's data: its schema (tables, migrations) and
/// whether it answers. The data itself is behind one port per area (<see cref="IUserStore"/>,
/// <see cref="IMessageStore"/>, …), each implemented by its own class per technology.
/// </summary>
public interface IStoreSchema
{
    /// <summary>Creates or migrates what the store needs before anything reads or writes; safe to run on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Whether the store answers right now (for <c>/readyz</c>); false rather than an exception when it does not.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
