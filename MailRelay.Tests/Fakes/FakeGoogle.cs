using System.Collections.Concurrent;
using MailRelay.Core.Gmail.Adapters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailRelay.Tests.Fakes;

/// <summary>
/// Google's OAuth endpoints (consent, token, revocation, signing keys) and the Gmail import upload endpoints, on an in-process Kestrel
/// at http://127.0.0.1:{random port}, speaking the real protocol to the real client code.
/// Accounts, tokens, mailboxes and scripts live in memory and are thread-safe.
/// </summary>
public sealed partial class FakeGoogle : IAsyncDisposable
{
    public const string ClientId = "fake-client-id.apps.googleusercontent.com";
    public const string ClientSecret = "fake-client-secret";

    private readonly object _gate = new();
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Account> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessToken> _accessTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refreshCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeGoogleScript> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly FakeGoogleScript _everyone = new();
    private WebApplication _app = null!;
    private long _uploadBytes;
    private int _importRequests;
    private readonly ConcurrentQueue<DateTimeOffset> _importRequestTimes = new();

    private FakeGoogle()
    {
    }

    /// <summary>The root of every endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How long issued access tokens live (<c>expires_in</c>); Google's is 3599 s.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>Bytes of upload bodies read so far, counted as they arrive (shows that uploads stream).</summary>
    public long UploadBytesReceived => Interlocked.Read(ref _uploadBytes);

    /// <summary>Every request to an import upload endpoint, answered or refused.</summary>
    public int ImportRequests => Volatile.Read(ref _importRequests);

    /// <summary>When each import request arrived, in order (before it was read or answered).</summary>
    public IReadOnlyList<DateTimeOffset> ImportRequestTimes => [.. _importRequestTimes];

    /// <summary>When set, only this many leading bytes of each message are kept (the benchmark measures memory).</summary>
    public int? KeepBytesPerMessage { get; set; }

    public static async Task<FakeGoogle> StartAsync()
    {
        var fake = new FakeGoogle();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        fake._app = builder.Build();
        fake.MapTokenEndpoints(fake._app);
        fake.MapConsentEndpoints(fake._app);
        fake.MapImportEndpoints(fake._app);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Google options whose every URL points at this fake, with its client.</summary>
    public GoogleOptions CreateOptions() => new()
    {
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        AuthorizationUrl = new Uri(BaseUrl, "o/oauth2/v2/auth").ToString(),
        TokenUrl = new Uri(BaseUrl, "token").ToString(),
        RevokeUrl = new Uri(BaseUrl, "revoke").ToString(),
        GmailApiBaseUrl = BaseUrl.ToString().TrimEnd('/'),
        CertificatesUrl = new Uri(BaseUrl, CertificatesPath.TrimStart('/')).ToString(),
        IdTokenIssuer = Issuer,
    };

    /// <summary>The same as configuration keys, for hosts built from <c>IConfiguration</c>.</summary>
    public Dictionary<string, string?> CreateSettings()
    {
        var o = CreateOptions();
        return new()
        {
            ["Google:ClientId"] = o.ClientId,
            ["Google:ClientSecret"] = o.ClientSecret,
            ["Google:AuthorizationUrl"] = o.AuthorizationUrl,
            ["Google:TokenUrl"] = o.TokenUrl,
            ["Google:RevokeUrl"] = o.RevokeUrl,
            ["Google:GmailApiBaseUrl"] = o.GmailApiBaseUrl,
            ["Google:CertificatesUrl"] = o.CertificatesUrl,
            ["Google:IdTokenIssuer"] = o.IdTokenIssuer,
        };
    }

    /// <summary>Creates an account (or reuses it) and grants it a new refresh token.</summary>
    public FakeGoogleUser AddUser(string email)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(email, out var account)) _accounts[email] = account = new Account(email);
            var refreshToken = $"1//fake-refresh-{Guid.NewGuid():N}";
            _refreshTokens[refreshToken] = account;
            return new FakeGoogleUser(account.Email, refreshToken);
        }
    }

    /// <summary>
    /// A one-time authorization code for the account, for <c>grant_type=authorization_code</c>,
    /// as if consent had been given without PKCE and for any redirect URI (the consent endpoint binds both).
    /// </summary>
    public string IssueAuthorizationCode(string email)
    {
        lock (_gate)
        {
            if (!_accounts.ContainsKey(email)) _accounts[email] = new Account(email);
            var code = $"4/fake-code-{Guid.NewGuid():N}";
            _codes[code] = new PendingCode(email, "https://www.googleapis.com/auth/gmail.insert openid email", null, null, "", true, ClientId);
            return code;
        }
    }

    /// <summary>What the account's mailbox received, oldest first.</summary>
    public IReadOnlyList<FakeGmailMessage> Mailbox(string email)
    {
        lock (_gate) return _accounts.TryGetValue(email, out var account) ? account.Messages.ToList() : [];
    }

    public IReadOnlyList<FakeGmailMessage> Mailbox(FakeGoogleUser user) => Mailbox(user.Email);

    /// <summary>How many <c>grant_type=refresh_token</c> requests named this refresh token, answered or refused.</summary>
    public int RefreshCount(string refreshToken) => _refreshCounts.GetValueOrDefault(refreshToken);

    public int RefreshCount(FakeGoogleUser user) => RefreshCount(user.RefreshToken);

    /// <summary>
    /// The script for an account (by email) or a single refresh token; without a key, for everyone.
    /// Refresh tokens consult their own script, then their account's, then everyone's.
    /// </summary>
    public FakeGoogleScript Script(string? emailOrRefreshToken = null) =>
        emailOrRefreshToken is null ? _everyone : _scripts.GetOrAdd(emailOrRefreshToken, _ => new FakeGoogleScript());

    public FakeGoogleScript Script(FakeGoogleUser user) => Script(user.Email);

    /// <summary>
    /// Revokes what the user revoked in their Google account: an email revokes all its refresh
    /// and access tokens (token endpoint: invalid_grant; Gmail: 401); a token revokes only itself.
    /// </summary>
    public void Revoke(string emailOrToken)
    {
        lock (_gate)
        {
            if (_accounts.TryGetValue(emailOrToken, out var account))
            {
                foreach (var token in _refreshTokens.Where(t => t.Value == account).Select(t => t.Key)) _revoked.Add(token);
                foreach (var token in _accessTokens.Where(t => t.Value.Account == account).Select(t => t.Key)) _revoked.Add(token);
            }
            else
            {
                _revoked.Add(emailOrToken);
            }
        }
    }

    /// <summary>Makes the account's current access tokens invalid (Gmail answers 401) while its refresh tokens keep working.</summary>
    public void ExpireAccessTokens(string email)
    {
        lock (_gate)
        {
            foreach (var token in _accessTokens.Where(t => string.Equals(t.Value.Account.Email, email, StringComparison.OrdinalIgnoreCase)).Select(t => t.Key).ToList())
                _accessTokens.Remove(token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Account(string email)
    {
        public string Email { get; } = email;
        public List<FakeGmailMessage> Messages { get; } = [];
    }

    private sealed record AccessToken(Account Account, DateTimeOffset ExpiresAt);
}
