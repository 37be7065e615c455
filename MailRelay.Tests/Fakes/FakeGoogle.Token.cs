using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailRelay.Tests.Fakes;

/// <summary>
/// The OAuth side: <c>POST /token</c> (refresh_token; authorization_code with the redirect URI and
/// PKCE verifier checked, answering refresh_token only for offline access, scope and a signed
/// id_token) and <c>POST /revoke</c> (<c>token=</c> in the query or the form).
/// </summary>
public sealed partial class FakeGoogle
{
    private void MapTokenEndpoints(WebApplication app)
    {
        app.MapPost("/token", (RequestDelegate)TokenAsync);
        app.MapPost("/revoke", (RequestDelegate)RevokeAsync);
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            await WriteAsync(context, FakeResponse.TokenError(401, "invalid_client", "Unauthorized"));
            return;
        }
        switch (form["grant_type"].ToString())
        {
            case "refresh_token":
                await RefreshAsync(context, form["refresh_token"].ToString());
                break;
            case "authorization_code":
                await ExchangeCodeAsync(context, form["code"].ToString(), form["redirect_uri"].ToString(), form["code_verifier"].ToString());
                break;
            default:
                await WriteAsync(context, FakeResponse.TokenError(400, "unsupported_grant_type", $"Invalid grant_type: {form["grant_type"]}"));
                break;
        }
    }

    private async Task RefreshAsync(HttpContext context, string refreshToken)
    {
        _refreshCounts.AddOrUpdate(refreshToken, 1, (_, n) => n + 1);
        Account? account;
        bool revoked;
        lock (_gate)
        {
            _refreshTokens.TryGetValue(refreshToken, out account);
            revoked = _revoked.Contains(refreshToken);
        }
        var scripts = TokenScripts(refreshToken, account);
        var scripted = scripts.Select(s => s.NextToken()).FirstOrDefault(a => a is not null);
        await Task.Delay(scripts.Select(s => s.TokenLatency).Max() + (scripted?.Delay ?? TimeSpan.Zero), context.RequestAborted);
        if (scripted is { PassThrough: false })
        {
            await WriteAsync(context, scripted);
            return;
        }
        if (account is null)
        {
            await WriteAsync(context, FakeResponse.TokenError(400, "invalid_grant", "Bad Request"));
            return;
        }
        if (revoked)
        {
            await WriteAsync(context, FakeResponse.InvalidGrant());
            return;
        }
        await WriteJsonAsync(context, 200, new Dictionary<string, object>
        {
            ["access_token"] = IssueAccessToken(account),
            ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
            ["scope"] = "https://www.googleapis.com/auth/gmail.insert",
            ["token_type"] = "Bearer",
        });
    }

    private async Task ExchangeCodeAsync(HttpContext context, string code, string redirectUri, string codeVerifier)
    {
        PendingCode? pending;
        lock (_gate) _codes.Remove(code, out pending); // a code works once, right or wrong
        if (pending is null)
        {
            await WriteAsync(context, FakeResponse.TokenError(400, "invalid_grant", "Malformed auth code."));
            return;
        }
        if (pending.RedirectUri is not null && pending.RedirectUri != redirectUri)
        {
            await WriteAsync(context, FakeResponse.TokenError(400, "redirect_uri_mismatch", "Bad Request"));
            return;
        }
        if (!PkceMatches(pending, codeVerifier))
        {
            await WriteAsync(context, FakeResponse.TokenError(400, "invalid_grant", codeVerifier.Length == 0 ? "Missing code verifier." : "Invalid code verifier."));
            return;
        }
        Account account;
        lock (_gate) account = _accounts[pending.Email];
        var answer = new Dictionary<string, object>
        {
            ["access_token"] = IssueAccessToken(account),
            ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
            ["scope"] = pending.Scopes,
            ["token_type"] = "Bearer",
            ["id_token"] = IdToken(account.Email, pending.Audience, pending.ForgedIdToken),
        };
        if (pending.Offline) answer["refresh_token"] = AddUser(pending.Email).RefreshToken;
        await WriteJsonAsync(context, 200, answer);
    }

    private async Task RevokeAsync(HttpContext context)
    {
        var token = context.Request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token) && context.Request.HasFormContentType)
            token = (await context.Request.ReadFormAsync(context.RequestAborted))["token"].ToString();
        _revocations.Enqueue(token);
        bool known;
        lock (_gate) known = _refreshTokens.ContainsKey(token) || _accessTokens.ContainsKey(token);
        if (!known)
        {
            await WriteAsync(context, FakeResponse.TokenError(400, "invalid_token", "Token expired or revoked"));
            return;
        }
        Revoke(token);
        context.Response.StatusCode = 200;
    }

    private string IssueAccessToken(Account account)
    {
        var token = $"ya29.fake-{Guid.NewGuid():N}";
        lock (_gate) _accessTokens[token] = new AccessToken(account, DateTimeOffset.UtcNow + AccessTokenLifetime);
        return token;
    }

    private List<FakeGoogleScript> TokenScripts(string refreshToken, Account? account)
    {
        var scripts = new List<FakeGoogleScript>();
        if (_scripts.TryGetValue(refreshToken, out var own)) scripts.Add(own);
        if (account is not null && _scripts.TryGetValue(account.Email, out var ofAccount)) scripts.Add(ofAccount);
        scripts.Add(_everyone);
        return scripts;
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
            context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (answer.Body is null) return;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
