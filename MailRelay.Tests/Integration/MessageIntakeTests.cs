using System.Text;
using MailRelay.Core.Inbound;
using MailRelay.Core.Storage;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Intake on the embedded defaults: what is stored of a message is the same whether its source can
/// rewind (read once: header block, then everything) or not (the header block is read back from the blob).
/// </summary>
public sealed class MessageIntakeTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private RelayHost _host = null!;

    public async Task InitializeAsync() => _host = await RelayHost.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AcceptAsync_SourceThatCanOrCannotRewind_StoresTheBytesUntouchedWithTheirSummaryAndSize(bool canRewind)
    {
        var raw = Encoding.ASCII.GetBytes(MessageFiles.Raw("alice@example.com", "Lunch?", new string('x', 100_000)));
        var item = new InboundItem("handle", "intake-1", "test", ["alice@example.com"], Verdicts.Unknown, DateTimeOffset.UtcNow, null,
            _ => Task.FromResult(canRewind ? new MemoryStream(raw) : (Stream)new CountingStream(raw)));

        (await _host.Services.GetRequiredService<MessageIntake>().AcceptAsync(item, default)).ShouldBe(IntakeResult.Accepted);

        var stored = (await _host.Store.Messages.FindMessageAsync("intake-1", default)).ShouldNotBeNull();
        stored.Summary.Subject.ShouldBe("Lunch?");
        stored.Summary.SizeBytes.ShouldBe(raw.Length);
        await using var blob = await _host.Services.GetRequiredService<IBlobStore>().OpenReadAsync(stored.BlobKey, default);
        using var copy = new MemoryStream();
        await blob.CopyToAsync(copy);
        copy.ToArray().ShouldBe(raw);
    }
}
