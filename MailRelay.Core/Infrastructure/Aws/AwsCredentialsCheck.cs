namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// Has no settings: it exists so that <see cref="AwsCredentialsCheckValidator"/> runs at start with
/// the options validators whenever an AWS adapter is configured, and reports missing credentials
/// in the same message as a missing setting.
/// </summary>
public sealed class AwsCredentialsCheck;
