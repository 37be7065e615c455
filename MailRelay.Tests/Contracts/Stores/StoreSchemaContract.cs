using MailRelay.Core.Storage;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IStoreSchema"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class StoreSchemaContract : StoreContract
{
    [Fact]
    public async Task Initialize_CalledAgain_KeepsData()
    {
        await Stores.Users.UpsertUserAsync("u1", "u1@example.com", "U One", [], T0, default);
        await Stores.Schema.InitializeAsync(default);
        (await Stores.Users.FindUserAsync("u1", default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task IsReachable_AfterInitialize_IsTrue() =>
        (await Stores.Schema.IsReachableAsync(default)).ShouldBeTrue();
}
