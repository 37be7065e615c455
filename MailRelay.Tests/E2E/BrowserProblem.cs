namespace MailRelay.Tests.E2E;

/// <summary>A console error or uncaught script error seen by a page; <see cref="Url"/> is where it came from.</summary>
public sealed record BrowserProblem(string Kind, string Text, string Url)
{
    public override string ToString() => $"{Kind}: {Text} ({Url})";
}
