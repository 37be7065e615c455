namespace MailRelay.Tests.Support;

/// <summary>One dynalite for every test class that needs DynamoDB; each test uses a table of its own.</summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteProcess>
{
    public const string Name = "dynalite";
}
