// Test-only OIDC issuer for the MailRelay Playwright tests. Never use outside tests.
// Usage: node oidc-issuer.mjs <port> [<client_id>:<client_secret>]
//   -> prints "READY http://127.0.0.1:<port>" once listening.
// With a confidential client given, the token endpoint demands exactly its HTTP Basic credentials
// (client_secret_basic, as Cognito documents) and refuses a client_secret in the form body.
import { OAuth2Server } from 'oauth2-mock-server';

const port = Number.parseInt(process.argv[2] ?? '', 10);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: node oidc-issuer.mjs <port> [<client_id>:<client_secret>]');
  process.exit(2);
}
const confidentialClient = process.argv[3];
const origin = `http://127.0.0.1:${port}`;

// Claims shaped like Cognito's, since production sign-in goes through Cognito.
const USERS = {
  alice: { email: 'alice@example.com', name: 'Alice Example', groups: [] },
  bob: { email: 'bob@example.com', name: 'Bob Example', groups: [] },
  'carol-admin': { email: 'carol@example.com', name: 'Carol Admin', groups: ['mailrelay-admins'] },
};
// Negative-test hints: alice's identity, but with a broken token.
const TAMPER = { 'tamper-signature': 'alice', 'wrong-audience': 'alice', unsigned: 'alice' };

// The mock's /authorize never shows a login page, so login_hint picks the user.
// It is remembered per code (and per refresh token) so later token requests know who it is.
const hintByCode = new Map();
const hintByRefreshToken = new Map();

const userClaims = (hint) => {
  const key = Object.hasOwn(TAMPER, hint) ? TAMPER[hint] : hint;
  const u = USERS[key];
  return {
    sub: `sub-${key}`, // stable, so the app can key users on it
    email: u.email,
    email_verified: true,
    name: u.name,
    'cognito:username': key,
    'cognito:groups': [...u.groups],
  };
};

const server = new OAuth2Server();
// Set before start(): otherwise the mock advertises "localhost", which would not match
// the 127.0.0.1 authority the app is configured with.
server.issuer.url = origin;
await server.issuer.keys.generate('RS256');
const svc = server.service;

svc.on('beforeAuthorizeRedirect', ({ url }, req) => {
  const hint = typeof req.query.login_hint === 'string' && req.query.login_hint !== '' ? req.query.login_hint : 'alice';
  const code = url.searchParams.get('code');
  if (!code) return; // the mock already redirects with an error (e.g. bad response_type)
  if (!Object.hasOwn(USERS, hint) && !Object.hasOwn(TAMPER, hint)) {
    // Fail loudly on a typo instead of silently signing in someone else.
    url.searchParams.delete('code');
    url.searchParams.set('error', 'access_denied');
    url.searchParams.set('error_description', `unknown login_hint '${hint}'`);
    return;
  }
  hintByCode.set(code, hint);
});

const hintFor = (body) => hintByCode.get(body.code) ?? hintByRefreshToken.get(body.refresh_token) ?? 'alice';

// Fires for the access token and the id_token. The mock puts `scope` only into the access
// token and already sets id_token aud = client_id and nonce (from /authorize), so keep those.
svc.on('beforeTokenSigning', (token, req) => {
  if (req.body.grant_type === 'client_credentials') return;
  const hint = hintFor(req.body);
  Object.assign(token.payload, userClaims(hint));
  const isIdToken = !('scope' in token.payload);
  if (isIdToken && hint === 'wrong-audience') token.payload.aud = 'someone-else';
  if (!isIdToken) token.payload.client_id = req.body.client_id;
});

const clientAuthenticationProblem = (req) => {
  if (!confidentialClient) return null;
  if ('client_secret' in req.body) return 'client_secret must not be sent in the form body';
  const expected = `Basic ${Buffer.from(confidentialClient).toString('base64')}`;
  return req.headers.authorization === expected ? null : 'missing or wrong HTTP Basic client credentials';
};

svc.on('beforeResponse', (res, req) => {
  const problem = clientAuthenticationProblem(req);
  if (problem) {
    res.statusCode = 401;
    res.body = { error: 'invalid_client', error_description: problem };
    return;
  }
  const body = res.body;
  if (res.statusCode !== 200 || !body.id_token) return;
  const hint = hintFor(req.body);
  if (body.refresh_token) hintByRefreshToken.set(body.refresh_token, hint);
  if (hint === 'tamper-signature') {
    // Change a leading signature character: the last one can carry only padding bits,
    // which lenient base64url decoders ignore, leaving the signature valid.
    const [h, p, s] = body.id_token.split('.');
    body.id_token = `${h}.${p}.${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`;
  }
  if (hint === 'unsigned') {
    // alg "none" and no signature: the claims are right, nothing vouches for them.
    const [, p] = body.id_token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    body.id_token = `${none}.${p}.`;
  }
});

// The OIDC client compares userinfo's sub with the id_token's, so answer for the token's user.
svc.on('beforeUserinfo', (res, req) => {
  const jwt = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
    const key = payload['cognito:username'];
    if (Object.hasOwn(USERS, key ?? '')) res.body = userClaims(key);
  } catch {
    res.statusCode = 401;
    res.body = { error: 'invalid_token' };
  }
});

await server.start(port, '127.0.0.1');
process.stdout.write(`READY ${origin}\n`);

const shutdown = async () => {
  // Don't hang on keep-alive connections held by the browser.
  setTimeout(() => process.exit(0), 2000).unref();
  try { await server.stop(); } catch { /* already stopped */ }
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
