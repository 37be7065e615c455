// The AWS provider's schema (resource and data source types, their arguments and nested blocks)
// for the Terraform schema test, taken from @cdktf/provider-aws: the CDK for Terraform bindings
// generated from `terraform providers schema -json` of one AWS provider version. The package is
// 34 MB packed and 361 MB unpacked, so it is not an npm dependency: this script fetches the pinned
// tarball with `npm pack` (the registry and npm's own cache, like npm ci), checks its sha512
// against the integrity pinned in package.json ("awsProviderSchema"), reads the generated
// JavaScript straight from the gzip stream and writes a compact JSON to .cache/ (git-ignored).
// A second run finds the cache and does nothing.
//
//   node aws-schema.mjs               # prints "SCHEMA <path of the cached JSON>" when done
//   node aws-schema.mjs <pin.json>    # the pin from that file, the cache in .cache/ beside it
//
// The cache: { "format", "package", "provider",
//              "blocks": { id: { "attributes": [...], "blocks": { name: id }, "required": [...] } },
//              "resources": { type: id }, "dataSources": { type: id }, "providerConfig": id }
// The package carries no JSON schema, but each generated block has a `...ToHclTerraform` function
// (and each resource a `synthesizeHclAttributes` method) listing every argument in Terraform's
// spelling with `isBlock`, which tells a nested block from an attribute. Computed-only attributes
// (arn, ...) are not arguments and are not listed: setting one is an error in Terraform too. The
// .d.ts config interfaces say which are required (a property without `?`).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';

/** Stops the script: the message goes to stderr, the exit code is 1 and the download is removed. */
function fail(message) {
  throw new SchemaError(message);
}

class SchemaError extends Error {}

async function cacheIsValid(file) {
  if (!existsSync(file)) return false;
  try {
    const cached = JSON.parse(await readFile(file, 'utf8'));
    return cached.format === FORMAT && cached.package === `${pin.package}@${pin.version}` && cached.integrity === pin.integrity;
  } catch {
    return false;
  }
}

async function pack(folder) {
  const spec = `${pin.package}@${pin.version}`;
  try {
    const { stdout } = await promisify(execFile)(
      'npm', ['pack', spec, '--json', '--pack-destination', folder, '--loglevel=error'],
      { cwd: folder, maxBuffer: 64 * 1024 * 1024 });
    return path.join(folder, JSON.parse(stdout)[0].filename);
  } catch (error) {
    fail(`npm pack ${spec} failed: ${error.stderr || error.message}`);
  }
}

async function verify(tarball) {
  const [algorithm, expected] = pin.integrity.split(/-(.*)/s);
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(tarball)) hash.update(chunk);
  const actual = hash.digest('base64');
  if (actual !== expected) {
    fail(`${path.basename(tarball)} has integrity ${algorithm}-${actual}, but ${path.basename(pinFile)} pins ${pin.integrity}`);
  }
}

/** Reads the tar stream entry by entry and keeps what the generated JavaScript says. */
async function extract(tarball) {
  const folders = new Map(); // lib/<folder> -> { functions: Map, roots: [] }
  let manifest;
  let buffer = Buffer.alloc(0);
  let entry = null; // { name, chunks, remaining, padding, keep, isPax }
  let longName = null;

  for await (const chunk of createReadStream(tarball).pipe(createGunzip())) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (entry) {
        const take = Math.min(entry.remaining, buffer.length);
        if (entry.keep && take > 0) entry.chunks.push(buffer.subarray(0, take));
        entry.remaining -= take;
        buffer = buffer.subarray(take);
        if (entry.remaining > 0) break;
        const skip = Math.min(entry.padding, buffer.length);
        entry.padding -= skip;
        buffer = buffer.subarray(skip);
        if (entry.padding > 0) break;
        finish(entry);
        entry = null;
      }
      if (buffer.length < 512) break;
      const header = buffer.subarray(0, 512);
      buffer = buffer.subarray(512);
      if (header.every((b) => b === 0)) continue;
      const size = parseInt(text(header, 124, 12).trim() || '0', 8);
      const type = String.fromCharCode(header[156] || 48);
      const prefix = text(header, 345, 155);
      const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
      longName = null;
      const isPax = type === 'x';
      const keep = isPax || (type === '0' && (name === 'package/package.json' || isGenerated(name)));
      entry = { name, chunks: [], remaining: size, padding: (512 - (size % 512)) % 512, keep, isPax };
    }
  }

  function finish(done) {
    if (!done.keep) return;
    const content = Buffer.concat(done.chunks).toString('utf8');
    if (done.isPax) {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(content)?.[1] ?? null;
    } else if (done.name === 'package/package.json') {
      manifest = JSON.parse(content);
    } else {
      const folder = done.name.split('/').slice(0, 3).join('/');
      if (!folders.has(folder)) folders.set(folder, { functions: new Map(), roots: [], required: new Map(), interfaces: new Map() });
      if (done.name.endsWith('.d.ts')) readDeclarations(content, folders.get(folder));
      else readGeneratedJs(content, folders.get(folder));
    }
  }

  if (!manifest || manifest.version !== pin.version) fail(`the tarball is not ${pin.package}@${pin.version}`);
  return assemble(manifest, folders);
}

function text(header, offset, length) {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function isGenerated(name) {
  return name.startsWith('package/lib/') && (name.endsWith('.js') || name.endsWith('.d.ts')) && name.split('/').length >= 4;
}

/** Raised when the cache's shape changes, so that an older cache is rebuilt. */
const FORMAT = 2;

const structFunction = /^function (\w+)ToHclTerraform\(struct\) \{$/gm;
const rootClass = /^class (\w+) extends cdktf\.(TerraformResource|TerraformDataSource|TerraformProvider) \{$/gm;
const argument = /^ +(\w+): \{\n +value: ([^\n]*),\n +isBlock: (true|false),/gm;
const nestedFunction = /(?<!cdktf\.)\b([A-Za-z0-9]+)ToHclTerraform\b/;
const property = /(?:struct\.|this\._)(\w+)/;
const declaredInterface = /^export interface (\w+)(?: extends [^{]+)? \{$([\s\S]*?)^\}$/gm;
const declaredProperty = /^ +readonly (\w+)(\?)?:/gm;
const declaredFunction = /^export declare function (\w+)ToHclTerraform\(struct\?: ([^)]*)\)/gm;
const declaredClass = /^export declare class (\w+) extends cdktf\.Terraform(?:Resource|DataSource|Provider) \{$[\s\S]*?^ +constructor\(scope: Construct, id: string, config\??: (\w+)\);$/gm;

/** The arguments listed in the `const attrs = { ... };` that follows position <paramref name="from"/>. */
function argumentsAfter(js, from) {
  const start = js.indexOf('const attrs = {', from);
  // A block with no arguments (all of them computed) is generated as `const attrs = {};`.
  if (js.startsWith('const attrs = {};', start)) return [];
  const end = js.indexOf('// remove undefined attributes', start);
  if (start < 0 || end < 0) return [];
  return [...js.slice(start, end).matchAll(argument)].map(([, name, value, isBlock]) => ({
    name,
    block: isBlock === 'true' ? nestedFunction.exec(value)?.[1] ?? null : null,
    property: property.exec(value)?.[1] ?? null,
  }));
}

/**
 * The config interfaces: a property without `?` is required (Terraform's `Required`, or a nested
 * block with a minimum of one). Each generated function and class says which interface it takes
 * (`s3BucketCorsRuleToHclTerraform(struct?: S3BucketCorsRule)`, `constructor(..., config: S3BucketConfig)`).
 */
function readDeclarations(dts, folder) {
  for (const [, name, body] of dts.matchAll(declaredInterface)) {
    folder.required.set(name, new Set([...body.matchAll(declaredProperty)].filter((p) => !p[2]).map((p) => p[1])));
  }
  for (const [, fn, types] of dts.matchAll(declaredFunction)) {
    // `S3BucketLoggingOutputReference | S3BucketLogging`, `S3BucketCorsRule | cdktf.IResolvable`
    const name = types.split(' | ').find((t) => /^\w+$/.test(t) && !t.endsWith('OutputReference'));
    folder.interfaces.set(`function ${fn}`, name);
  }
  for (const [, className, name] of dts.matchAll(declaredClass)) folder.interfaces.set(`class ${className}`, name);
}

function readGeneratedJs(js, folder) {
  for (const match of js.matchAll(structFunction)) {
    folder.functions.set(match[1], argumentsAfter(js, match.index));
  }
  for (const match of js.matchAll(rootClass)) {
    const [, className, kind] = match;
    const type = new RegExp(`^${className}\\.tfResourceType = "([^"]+)";$`, 'm').exec(js)?.[1];
    const synthesize = js.indexOf('synthesizeHclAttributes() {', match.index);
    if (!type || synthesize < 0) fail(`cannot read the generated class ${className}`);
    folder.roots.push({ kind, type, className, arguments: argumentsAfter(js, synthesize) });
  }
}

/** Resolves every nested block to its struct function and numbers the distinct ones. */
function assemble(manifest, folders) {
  const blocks = {};
  const ids = new Map();
  const schema = {
    format: FORMAT,
    package: `${pin.package}@${pin.version}`,
    integrity: pin.integrity,
    provider: `${manifest.cdktf?.provider?.name ?? 'unknown'} ${manifest.cdktf?.provider?.version ?? 'unknown'}`,
    blocks,
    resources: {},
    dataSources: {},
    providerConfig: null,
  };

  function define(key, args, folder, generated, declaredBy) {
    const { functions, required, interfaces } = generated;
    if (ids.has(key)) return ids.get(key);
    const id = String(ids.size);
    ids.set(key, id);
    const body = { attributes: [], blocks: {}, required: [] };
    blocks[id] = body;
    const mandatory = required.get(interfaces.get(declaredBy));
    if (!mandatory) fail(`${key}: the declarations give no config interface for ${declaredBy}`);
    for (const arg of args) {
      if (arg.property && mandatory.has(arg.property)) body.required.push(arg.name);
      if (!arg.block) {
        body.attributes.push(arg.name);
        continue;
      }
      const nested = functions.get(arg.block);
      if (!nested) fail(`${key}: nested block ${arg.name} refers to ${arg.block}ToHclTerraform, which is not in the package`);
      // Keyed by the generated function: one struct, one entry, wherever it is nested.
      body.blocks[arg.name] = define(`${folder}:${arg.block}`, nested, folder, generated, `function ${arg.block}`);
    }
    body.attributes.sort();
    body.required.sort();
    return id;
  }

  for (const [folder, generated] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    for (const root of generated.roots) {
      const id = define(`${folder}:${root.type}`, root.arguments, folder, generated, `class ${root.className}`);
      if (root.kind === 'TerraformResource') schema.resources[root.type] = id;
      else if (root.kind === 'TerraformDataSource') schema.dataSources[root.type] = id;
      else schema.providerConfig = id;
    }
  }
  if (Object.keys(schema.resources).length < 100 || !schema.providerConfig) {
    fail(`only ${Object.keys(schema.resources).length} resource types were read: has the generated code changed shape?`);
  }
  return schema;
}

// Last, so that every declaration above is initialised before it runs.
const here = path.dirname(fileURLToPath(import.meta.url));
// Another pin file (with its own .cache beside it) is for the test that a wrong integrity is refused.
const pinFile = process.argv[2] ? path.resolve(process.argv[2]) : path.join(here, 'package.json');
const pin = JSON.parse(await readFile(pinFile, 'utf8')).awsProviderSchema;
if (!pin?.package || !pin?.version || !pin?.integrity) {
  console.error(`aws-schema: ${pinFile} has no "awsProviderSchema": { "package", "version", "integrity" }`);
  process.exit(1);
}

const cacheFile = path.join(path.dirname(pinFile), '.cache', `aws-provider-schema-${pin.version}.json`);
if (await cacheIsValid(cacheFile)) {
  console.log(`SCHEMA ${cacheFile}`);
  process.exit(0);
}

const work = await mkdtemp(path.join(os.tmpdir(), 'aws-schema-'));
try {
  const tarball = await pack(work);
  await verify(tarball);
  const schema = await extract(tarball);
  await mkdir(path.dirname(cacheFile), { recursive: true });
  // Written aside and renamed, so a test running at the same time never reads half a file.
  const partial = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(schema));
  await rename(partial, cacheFile);
  console.log(`SCHEMA ${cacheFile}`);
} catch (error) {
  if (!(error instanceof SchemaError)) throw error;
  console.error(`aws-schema: ${error.message}`);
  process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
