namespace MailRelay.Tests.Infrastructure;

/// <summary>What one block of a provider's schema accepts: its arguments and its nested blocks.</summary>
public sealed class SchemaBlock(IReadOnlySet<string> attributes, IReadOnlyDictionary<string, SchemaBlock> blocks)
{
    public IReadOnlySet<string> Attributes { get; } = attributes;

    public IReadOnlyDictionary<string, SchemaBlock> Blocks { get; } = blocks;
}
