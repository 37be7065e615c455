
namespace MailRelay.Core.Routing;

public sealed class DuplicateRouteException(string pattern) : Exception($"A route for '{pattern}' already exists.")
{
    public string Pattern { get; } = pattern;
}
