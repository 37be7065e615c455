// Test-only SMTP server for the MailRelay notification tests. Never use outside tests.
// Usage: node smtp-sink.mjs <port> <user> <pass> [cert.pem key.pem]
//   -> prints "READY <port>" once listening on 127.0.0.1, then one JSON line per accepted message:
//      {"from": "...", "to": ["..."], "size": 1234, "user": "...", "tls": true, "raw": "<base64>"}
// STARTTLS is offered on the plain port and AUTH (PLAIN, LOGIN) only after it, as the SES SMTP
// endpoint does. The certificate is the one given (the tests make a fresh self-signed one);
// without one, smtp-server's built-in localhost certificate is used (it expired in 2025).
import { readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

const [portArg, user, pass, certFile, keyFile] = process.argv.slice(2);
const port = Number.parseInt(portArg ?? '', 10);
if (!Number.isInteger(port) || port < 1 || port > 65535 || !user || !pass || Boolean(certFile) !== Boolean(keyFile)) {
  console.error('usage: node smtp-sink.mjs <port> <user> <pass> [cert.pem key.pem]');
  process.exit(2);
}
const tls = certFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : {};

const server = new SMTPServer({
  ...tls,
  secure: false, // plain connection first, upgraded by STARTTLS
  banner: 'MailRelay test SMTP sink',
  authMethods: ['PLAIN', 'LOGIN'],
  allowInsecureAuth: false, // AUTH before STARTTLS is refused
  authOptional: false, // MAIL FROM without AUTH is refused
  size: 10 * 1024 * 1024,
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
    return callback(new Error('Invalid username or password')); // answered with 535
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      if (stream.sizeExceeded) return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
      const raw = Buffer.concat(chunks);
      process.stdout.write(JSON.stringify({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        size: raw.length,
        user: session.user ?? null,
        tls: Boolean(session.secure),
        raw: raw.toString('base64'),
      }) + '\n');
      callback();
    });
  },
});
server.on('error', (err) => console.error(`smtp-sink: ${err.message}`));
server.listen(port, '127.0.0.1', () => process.stdout.write(`READY ${port}\n`));

const shutdown = () => {
  setTimeout(() => process.exit(0), 2000).unref();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
