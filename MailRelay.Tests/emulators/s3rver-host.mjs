// Test-only S3 emulator for the MailRelay tests: s3rver 3.7.1 with the fixes the AWS SDK for .NET v4 needs.
// Usage: NODE_OPTIONS=--openssl-legacy-provider node s3rver-host.mjs <port> <directory> <bucket> [<accessKeyId>]
//   -> prints "READY <port>" once listening on 127.0.0.1; stops on SIGTERM/SIGINT. Access key S3RVER/S3RVER,
//   plus <accessKeyId> when given (so one set of test credentials can serve every fake AWS service).
import { createRequire } from 'node:module';
import { Transform } from 'node:stream';
import S3rver from 's3rver';

const [portText, directory, bucket, extraAccessKey] = process.argv.slice(2);
const port = Number.parseInt(portText ?? '', 10);
if (!Number.isInteger(port) || port < 1 || port > 65535 || !directory || !bucket) {
  console.error('usage: node s3rver-host.mjs <port> <directory> <bucket>');
  process.exit(2);
}

// The SDK v4 uploads with `Content-Encoding: aws-chunked` (chunk signatures and a trailing checksum).
// S3 decodes that framing; s3rver would store it inside the object. This undoes it:
// "<hex size>[;chunk-signature=...]\r\n<bytes>\r\n" ... "0[;...]\r\n<trailers>\r\n\r\n".
class AwsChunkDecoder extends Transform {
  constructor() {
    super();
    this.buffer = Buffer.alloc(0);
    this.remaining = -1; // bytes of the current chunk still to pass on; -1 = expecting a header line
    this.done = false;
  }

  _transform(data, _encoding, callback) {
    this.buffer = Buffer.concat([this.buffer, data]);
    try {
      this.drain();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  drain() {
    while (!this.done) {
      if (this.remaining > 0) {
        if (this.buffer.length === 0) return;
        const take = Math.min(this.remaining, this.buffer.length);
        this.push(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        this.remaining -= take;
        continue;
      }
      if (this.remaining === 0) {
        if (this.buffer.length < 2) return;
        this.buffer = this.buffer.subarray(2); // the CRLF after a chunk's bytes
        this.remaining = -1;
        continue;
      }
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) return;
      const line = this.buffer.subarray(0, end).toString('latin1');
      this.buffer = this.buffer.subarray(end + 2);
      const size = Number.parseInt(line.split(';')[0], 16);
      if (!Number.isInteger(size) || size < 0) throw new Error(`bad aws-chunked chunk header '${line}'`);
      if (size === 0) this.done = true; // what follows are trailers (x-amz-checksum-*), not content
      else this.remaining = size;
    }
  }

  _flush(callback) {
    callback(this.done ? undefined : new Error('aws-chunked body ended before its last chunk'));
  }
}

const isAwsChunked = (headers) =>
  (headers['content-encoding'] ?? '').split(',').some((e) => e.trim() === 'aws-chunked') ||
  /^STREAMING-/.test(headers['x-amz-content-sha256'] ?? '');

if (extraAccessKey) {
  // s3rver does not check V4 signatures, only that the access key is known.
  const { DUMMY_ACCOUNT } = createRequire(import.meta.url)('s3rver/lib/models/account.js');
  DUMMY_ACCOUNT.createKeyPair(extraAccessKey, 'unused');
}

const server = new S3rver({
  address: '127.0.0.1',
  port,
  directory,
  silent: true,
  configureBuckets: [{ name: bucket, configs: [] }],
});

// Runs before s3rver's own middleware (it skips V4 signature checks, so headers may be rewritten).
server.middleware.unshift(async (ctx, next) => {
  const headers = ctx.req.headers;
  if (ctx.method === 'PUT' && isAwsChunked(headers)) {
    const decoded = headers['x-amz-decoded-content-length'];
    const encodings = (headers['content-encoding'] ?? '').split(',').map((e) => e.trim()).filter((e) => e && e !== 'aws-chunked');
    if (encodings.length > 0) headers['content-encoding'] = encodings.join(', ');
    else delete headers['content-encoding'];
    if (decoded !== undefined) headers['content-length'] = decoded;
    delete headers['x-amz-decoded-content-length'];
    delete headers['transfer-encoding'];
    const body = ctx.req.pipe(new AwsChunkDecoder());
    ctx.req.on('error', (error) => body.destroy(error));
    body.headers = headers;
    ctx.req = body; // s3rver's controllers read the body from ctx.req; ctx.request keeps the original
  }
  // s3rver decodes the copy source with decodeURI, which leaves "%2F" in keys with slashes.
  const source = headers['x-amz-copy-source'];
  if (source) headers['x-amz-copy-source'] = source.replace(/%2F/gi, '/');
  await next();
});

const shutdown = async () => {
  try {
    await server.close();
  } finally {
    process.exit(0);
  }
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await server.run();
process.stdout.write(`READY ${port}\n`);
