using MailRelay.Tests.E2E;

namespace MailRelay.Tests.Integration;

/// <summary>The real MailRelay.Web process, started with configuration it must refuse in a sentence.</summary>
public class StartupRefusalTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Run_UnparseableValues_ExitsNonZeroNamingEachKeyWithoutStackTrace()
    {
        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string?>
        {
            ["Forwarding__LeaseDuration"] = "abc",
            ["Forwarding__BatchSize"] = "lots",
            ["Google__RefreshTokenLifetime"] = "7days",
            ["SignIn__Oidc__RequireHttpsMetadata"] = "maybe",
            // A validation failure of another section belongs in the same message.
            ["Inbound__Provider"] = "Pop3",
        }, ExitWithin, CancellationToken.None);

        var transcript = string.Join('\n', output);
        exitCode.ShouldNotBe(0, transcript);
        transcript.ShouldContain("MailRelay cannot start because of its configuration:");
        transcript.ShouldContain("Forwarding:LeaseDuration is 'abc', which is not a time span such as 00:05:00");
        transcript.ShouldContain("Forwarding:BatchSize is 'lots', which is not a whole number.");
        transcript.ShouldContain("Google:RefreshTokenLifetime is '7days', which is not a time span such as 00:05:00");
        transcript.ShouldContain("SignIn:Oidc:RequireHttpsMetadata is 'maybe', which is not true or false.");
        transcript.ShouldContain("Inbound:Provider 'Pop3' is not known; use one of: Folder, Sqs.");
        output.ShouldNotContain(line => line.StartsWith("   at ", StringComparison.Ordinal), transcript);
        output.ShouldNotContain(line => line.Contains("Unhandled exception", StringComparison.Ordinal), transcript);
    }

    [Fact]
    public async Task Run_AwsAdapterWithoutCredentials_ExitsNonZeroSayingWhatToSet()
    {
        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string?>
        {
            ["Store__Provider"] = "DynamoDb",
            ["Store__TableName"] = "mailrelay",
            ["Store__Region"] = "eu-west-1",
            // Nothing listens there: the app must stop before it tries.
            ["Store__ServiceUrl"] = "http://127.0.0.1:9",
            // An empty default chain: no keys, no profile files, no container or instance role.
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
            ["AWS_CONFIG_FILE"] = "/nonexistent/config",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        }, ExitWithin, CancellationToken.None);

        var transcript = string.Join('\n', output);
        exitCode.ShouldNotBe(0, transcript);
        transcript.ShouldContain("MailRelay cannot start because of its configuration:");
        transcript.ShouldContain("No AWS credentials were found, and the AWS adapters need them: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        output.ShouldNotContain(line => line.StartsWith("   at ", StringComparison.Ordinal), transcript);
    }
}
