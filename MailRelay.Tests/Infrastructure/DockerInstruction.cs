namespace MailRelay.Tests.Infrastructure;

/// <summary>One Dockerfile instruction: its keyword (upper case) and the rest of the line.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments);
