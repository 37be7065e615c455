using MailRelay.Core.Forwarding;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Integration;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// The mailbox contract for the Gmail import, as <c>AddGmailDelivery</c> wires it over SQLite and
/// Data Protection, against the fake Google's token and upload endpoints.
/// </summary>
public sealed class GmailMailboxDeliveryContractTests : MailboxDeliveryContract
{
    private readonly Dictionary<string, FakeGoogleUser> _users = [];
    private GmailDeliveryHarness _gmail = null!;

    protected override async Task<IMailboxDelivery> CreateDeliveryAsync()
    {
        _gmail = await GmailDeliveryHarness.StartAsync();
        return _gmail.Delivery;
    }

    protected override async Task PrepareMailboxAsync(string userId) =>
        _users[userId] = await _gmail.ConnectAsync(userId, $"{userId}@gmail.example");

    protected override Task<IReadOnlyList<byte[]>> MailboxAsync(string userId) =>
        Task.FromResult<IReadOnlyList<byte[]>>([.. _gmail.Google.Mailbox(_users[userId]).Select(m => m.Raw)]);

    public override async Task DisposeAsync() => await _gmail.DisposeAsync();
}
