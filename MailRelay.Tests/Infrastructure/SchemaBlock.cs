namespace MailRelay.Tests.Infrastructure;

/// <summary>What one block of a provider's schema accepts: its arguments and nested blocks, and which of them must be set.</summary>
public sealed class SchemaBlock(IReadOnlySet<string> attributes, IReadOnlyDictionary<string, SchemaBlock> blocks, IReadOnlySet<string> required)
{
    public IReadOnlySet<string> Attributes { get; } = attributes;

    public IReadOnlyDictionary<string, SchemaBlock> Blocks { get; } = blocks;

    /// <summary>Required arguments, and nested blocks that must appear at least once.</summary>
    public IReadOnlySet<string> Required { get; } = required;
}
