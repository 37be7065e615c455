using System.Security.Cryptography;
using System.Text;
using MailRelay.Core.Storage;

namespace MailRelay.Tests.Contracts;

/// <summary>What every <see cref="ISecretProtector"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class SecretProtectorContract : IAsyncLifetime
{
    protected const string Secret = "1//0refresh-token-Ünïcode-€-value";

    protected ISecretProtector Secrets { get; private set; } = null!;

    protected abstract Task<ISecretProtector> CreateProtectorAsync();

    public async Task InitializeAsync() => Secrets = await CreateProtectorAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Secret)]
    [InlineData("")]
    public async Task Unprotect_SameRecord_ReturnsThePlaintext(string plaintext)
    {
        var protectedValue = await Secrets.ProtectAsync(plaintext, "user-1", default);

        (await Secrets.UnprotectAsync(protectedValue, "user-1", default)).ShouldBe(plaintext);
    }

    [Fact]
    public async Task Protect_LongValue_RoundTrips()
    {
        var plaintext = new string('p', 3000);

        (await Secrets.UnprotectAsync(await Secrets.ProtectAsync(plaintext, "smtp-1", default), "smtp-1", default)).ShouldBe(plaintext);
    }

    [Fact]
    public async Task Protect_CiphertextNeverContainsThePlaintext()
    {
        var protectedValue = await Secrets.ProtectAsync(Secret, "user-1", default);

        protectedValue.ShouldNotContain("refresh-token");
        protectedValue.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret))[..12]);
        // Encrypting the same secret twice does not reveal that it is the same.
        (await Secrets.ProtectAsync(Secret, "user-1", default)).ShouldNotBe(protectedValue);
    }

    [Fact]
    public async Task Unprotect_OtherRecordId_IsRefused()
    {
        var protectedValue = await Secrets.ProtectAsync(Secret, "user-1", default);

        await Should.ThrowAsync<CryptographicException>(() => Secrets.UnprotectAsync(protectedValue, "user-2", default));
    }

    [Fact]
    public async Task Unprotect_TamperedValue_IsRefusedWithACryptographicException()
    {
        var protectedValue = await Secrets.ProtectAsync(Secret, "user-1", default);
        var middle = protectedValue.Length / 2;
        var tampered = protectedValue[..middle] + (protectedValue[middle] == 'A' ? 'B' : 'A') + protectedValue[(middle + 1)..];

        var error = await Should.ThrowAsync<CryptographicException>(() => Secrets.UnprotectAsync(tampered, "user-1", default));

        error.Message.ShouldNotContain("refresh-token");
    }

    [Theory]
    [InlineData("not a protected value")]
    [InlineData("AAAA")]
    public async Task Unprotect_Garbage_IsRefusedWithACryptographicException(string garbage) =>
        await Should.ThrowAsync<CryptographicException>(() => Secrets.UnprotectAsync(garbage, "user-1", default));
}
