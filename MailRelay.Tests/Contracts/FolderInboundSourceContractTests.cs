using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailRelay.Tests.Contracts;

public sealed class FolderInboundSourceContractTests : InboundSourceContract
{
    private readonly TempDirectory _directory = new();

    private string Inbox => Path.Combine(_directory.Path, "inbox");

    /// <summary>The folder source re-reads an item that was neither acknowledged nor abandoned at once; an unreadable one after 30 s.</summary>
    protected override TimeSpan RedeliveryAfter => TimeSpan.FromSeconds(30);

    protected override Task<IInboundSource> CreateSourceAsync() =>
        Task.FromResult<IInboundSource>(new FolderInboundSource(Inbox, Clock, NullLogger<FolderInboundSource>.Instance));

    protected override async Task EnqueueAsync(string recipient)
    {
        Directory.CreateDirectory(Inbox);
        var name = Path.Combine(Inbox, $"{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(name, $"From: sender@example.com\r\nTo: {recipient}\r\nSubject: for {recipient}\r\n\r\nbody\r\n");
    }

    /// <summary>The dropped file's own content, opened from the item.</summary>
    protected override async Task ShouldLeadToTheRawMessageAsync(InboundItem item, string recipient)
    {
        await using var raw = await item.OpenRaw.ShouldNotBeNull()(default);
        using var reader = new StreamReader(raw);
        (await reader.ReadToEndAsync()).ShouldBe($"From: sender@example.com\r\nTo: {recipient}\r\nSubject: for {recipient}\r\n\r\nbody\r\n");
    }

    /// <summary>A message whose envelope sidecar is not JSON.</summary>
    protected override async Task EnqueueMalformedAsync()
    {
        Directory.CreateDirectory(Inbox);
        var name = Path.Combine(Inbox, $"{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(name, "From: sender@example.com\r\nTo: someone@mail.example.com\r\n\r\nbody\r\n");
        await File.WriteAllTextAsync(name + ".json", "{ recipients: not json");
    }

    public override Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
