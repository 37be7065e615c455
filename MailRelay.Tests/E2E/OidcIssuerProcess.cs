using System.Diagnostics;
using System.Text.RegularExpressions;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The test OIDC issuer (<c>emulators/oidc-issuer.mjs</c>, see its README) on a free loopback port.
/// Users are chosen by <c>login_hint</c>: alice, bob, carol-admin, and the broken-token hints
/// tamper-signature, wrong-audience and unsigned.
/// </summary>
public sealed partial class OidcIssuerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private OidcIssuerProcess(ChildProcess process, string authority)
    {
        _process = process;
        Authority = authority;
    }

    /// <summary>The issuer URL, exactly as its tokens' <c>iss</c> claim says: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Authority { get; }

    /// <param name="confidentialClient">When set, the token endpoint accepts only this client, authenticated with HTTP Basic as Cognito documents.</param>
    public static async Task<OidcIssuerProcess> StartAsync(CancellationToken cancellationToken, (string ClientId, string Secret)? confidentialClient = null)
    {
        var folder = RepositoryPaths.Emulators;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oauth2-mock-server")))
        {
            throw new InvalidOperationException(
                $"The test emulators' npm packages are not installed in {folder}/node_modules: run ./test.sh " +
                "(it runs `npm ci` there), or `npm ci` in MailRelay.Tests/emulators.");
        }
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder };
        start.ArgumentList.Add("oidc-issuer.mjs");
        start.ArgumentList.Add(FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (confidentialClient is var (clientId, secret)) start.ArgumentList.Add($"{clientId}:{secret}");
        var (process, ready) = await ChildProcess.StartAsync("oidc-issuer", start, Ready(), TimeSpan.FromSeconds(30), cancellationToken);
        return new OidcIssuerProcess(process, ready.Groups["url"].Value);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"^READY (?<url>http://\S+)$")]
    private static partial Regex Ready();
}
