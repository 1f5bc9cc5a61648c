import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError, exec, OperationError, registerSecret } from '../../../../shared';
import { keyKind, type SigningKey } from './keys';

/**
 * Keys that never leave a PKCS#11 token (an HSM, a cloud KMS's PKCS#11 library, SoftHSM), named by an
 * RFC 7512 URI as cosign takes them: `pkcs11:token=…;object=…?module-path=…&pin-value=…`.
 *
 * Signing runs `openssl pkeyutl` with the libp11 pkcs11 engine (Debian libengine-pkcs11-openssl):
 * the token computes the signature over our SHA-256 digest, so the file is hashed once and the key is
 * never exported. No native addon is needed in the bundle. The PIN goes to the engine through an
 * OpenSSL config file in a private temp directory, never on a command line, and is masked.
 */
export interface Pkcs11Uri {
  /** Path attributes (token, object, id, …), percent-decoded to bytes: an id is any bytes (`id=%a3%f1`), not text. */
  path: Map<string, Buffer>;
  /** Query attributes (module-path, pin-value, pin-source, …), percent-decoded. */
  query: Map<string, string>;
}

const PATH_ATTRIBUTES = new Set([
  'id',
  'library-description',
  'library-manufacturer',
  'library-version',
  'manufacturer',
  'model',
  'object',
  'serial',
  'slot-description',
  'slot-id',
  'slot-manufacturer',
  'token',
  'type',
]);
const QUERY_ATTRIBUTES = new Set(['module-name', 'module-path', 'pin-source', 'pin-value']);

export function isPkcs11Uri(text: string): boolean {
  return /^pkcs11:/i.test(text.trim());
}

/** RFC 7512 §2.3: `pkcs11:` path-attrs (`;`) [`?` query-attrs (`&`)], values percent-encoded. */
export function parsePkcs11Uri(text: string, input: string): Pkcs11Uri {
  const uri = text.trim();
  const bad = (why: string) => new ConfigurationError(`Input ${input}: not a valid PKCS#11 URI (${why})`, { input });
  if (!/^pkcs11:/i.test(uri)) throw bad('it must start with pkcs11:');
  const body = uri.slice('pkcs11:'.length);
  const q = body.indexOf('?');
  const parse = (part: string, separator: string, known: Set<string>, kind: string) => {
    const out = new Map<string, Buffer>();
    for (const item of part.split(separator)) {
      if (!item) continue;
      const eq = item.indexOf('=');
      if (eq <= 0) throw bad(`${kind} attribute "${item}" has no name=value`);
      const name = item.slice(0, eq).toLowerCase();
      if (!known.has(name) && !name.startsWith('x-')) throw bad(`unknown ${kind} attribute "${name}"`);
      if (out.has(name)) throw bad(`attribute "${name}" appears twice`);
      const value = percentDecode(item.slice(eq + 1));
      if (!value) throw bad(`attribute "${name}" has a broken percent-encoding`);
      out.set(name, value);
    }
    return out;
  };
  const path = parse(q < 0 ? body : body.slice(0, q), ';', PATH_ATTRIBUTES, 'path');
  const query = new Map<string, string>();
  for (const [name, bytes] of parse(q < 0 ? '' : body.slice(q + 1), '&', QUERY_ATTRIBUTES, 'query')) {
    // Paths and PINs are text: bytes that are not UTF-8 would be silently replaced, so refuse them.
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) throw bad(`attribute "${name}" is not UTF-8 text`);
    query.set(name, text);
  }
  if (query.has('pin-value') && query.has('pin-source')) throw bad('give pin-value or pin-source, not both');
  if (!path.has('object') && !path.has('id')) throw bad('name the key with object=<label> or id=<hex>');
  const type = path.get('type')?.toString('utf8');
  if (type && type !== 'private') throw bad(`type=${type}: the URI must name the private key`);
  return { path, query };
}

/** The URI the engine gets: path attributes only (no PIN, no module), re-encoded, for one object type. */
function engineUri(uri: Pkcs11Uri, type: 'private' | 'public'): string {
  const parts: string[] = [];
  for (const [name, value] of uri.path) {
    if (name === 'type') continue;
    parts.push(`${name}=${percentEncode(value)}`);
  }
  parts.push(`type=${type}`);
  return `pkcs11:${parts.join(';')}`;
}

/** RFC 3986 percent-decoding to bytes; undefined when a `%` is not followed by two hex digits. */
function percentDecode(text: string): Buffer | undefined {
  if (/%(?![0-9a-f]{2})/i.test(text)) return undefined;
  return Buffer.concat(
    text
      .split(/(%[0-9a-f]{2})/i)
      .map((part) =>
        /^%[0-9a-f]{2}$/i.test(part) ? Buffer.from([Number.parseInt(part.slice(1), 16)]) : Buffer.from(part, 'utf8'),
      ),
  );
}

/** Every byte but RFC 3986 unreserved characters as %XX, which libp11 decodes back to the same bytes. */
function percentEncode(bytes: Buffer): string {
  return [...bytes]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** Characters OpenSSL's config parser treats specially (variables, comments, quotes) are escaped. */
function confValue(value: string): string {
  return value.replace(/[\\$"'#;\s]/g, (c) => `\\${c}`);
}

async function readPin(uri: Pkcs11Uri, input: string, workspace: string): Promise<string | undefined> {
  const value = uri.query.get('pin-value');
  if (value !== undefined) return value;
  const source = uri.query.get('pin-source');
  if (source === undefined) return undefined;
  let path: string;
  try {
    path = source.startsWith('file:')
      ? fileURLToPath(source)
      : isAbsolute(source)
        ? source
        : resolve(workspace, source);
  } catch {
    throw new ConfigurationError(`Input ${input}: pin-source ${source} is not a file path or file: URI`, { input });
  }
  try {
    return (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    throw new ConfigurationError(
      `Input ${input}: cannot read pin-source ${source} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { input },
    );
  }
}

/** Opens the key the URI names: checks the module, reads the public key from the token, and returns a signer. */
export async function pkcs11Key(text: string, input: string, workspace: string): Promise<SigningKey> {
  const uri = parsePkcs11Uri(text, input);
  const modulePath = uri.query.get('module-path');
  if (!modulePath) {
    throw new ConfigurationError(
      `Input ${input}: the PKCS#11 URI needs ?module-path=<the token's PKCS#11 library>, e.g. module-path=/usr/lib/softhsm/libsofthsm2.so`,
      { input },
    );
  }
  if (!existsSync(modulePath) || !statSync(modulePath).isFile()) {
    throw new ConfigurationError(`Input ${input}: module-path ${modulePath} is not a file`, { input });
  }
  const pin = await readPin(uri, input, workspace);
  if (pin) registerSecret(pin);
  registerSecret(text.trim());

  const dir = mkdtempSync(join(tmpdir(), 'paved-pkcs11-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const config = join(dir, 'openssl.cnf');
  writeFileSync(
    config,
    [
      'openssl_conf = openssl_init',
      '[openssl_init]',
      'engines = engine_section',
      '[engine_section]',
      'pkcs11 = pkcs11_section',
      '[pkcs11_section]',
      'engine_id = pkcs11',
      `MODULE_PATH = ${confValue(modulePath)}`,
      ...(pin ? [`PIN = ${confValue(pin)}`] : []),
      'init = 0',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const env = { OPENSSL_CONF: config };
  const attr = (name: string) => uri.path.get(name)?.toString('utf8');
  const label = [attr('token'), attr('object') ?? `id ${uri.path.get('id')?.toString('hex')}`]
    .filter(Boolean)
    .join('/');
  const pub = await exec(
    'openssl',
    ['pkey', '-engine', 'pkcs11', '-inform', 'engine', '-pubin', '-in', engineUri(uri, 'public'), '-pubout'],
    { env, quiet: true, ignoreReturnCode: true, timeoutMs: 60_000 },
  );
  if (pub.exitCode !== 0 || !pub.stdout.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new ConfigurationError(
      `Input ${input}: could not read the public key of ${label} from the token (${engineError(pub.stderr)}); check token=, object= or id=, and that the openssl pkcs11 engine (libengine-pkcs11-openssl) is installed`,
      { input },
    );
  }
  const publicPem = pub.stdout.slice(pub.stdout.indexOf('-----BEGIN PUBLIC KEY-----'));
  const publicKey = createPublicKey(publicPem);
  const kind = keyKind(publicKey, input);
  if (kind === 'ed25519') {
    throw new ConfigurationError(`Input ${input}: Ed25519 keys on PKCS#11 tokens are not supported; use P-256 or RSA`, {
      input,
    });
  }
  const der = publicKey.export({ format: 'der', type: 'spki' });
  let n = 0;
  // One token operation at a time: tokens serialise sessions anyway, and SoftHSM's file store loses
  // objects ("object not found") when several processes log in at once.
  let queue: Promise<unknown> = Promise.resolve();
  const signDigest = (digest: Buffer): Promise<Buffer> => {
    const next = queue.then(() => signOnce(digest));
    queue = next.catch(() => undefined);
    return next;
  };
  const signOnce = async (digest: Buffer): Promise<Buffer> => {
    const out = join(dir, `sig-${++n}`);
    // ECDSA signs the digest as it is; RSA PKCS#1 v1.5 wraps it in a SHA-256 DigestInfo first.
    const r = await exec(
      'openssl',
      [
        'pkeyutl',
        '-engine',
        'pkcs11',
        '-keyform',
        'engine',
        '-inkey',
        engineUri(uri, 'private'),
        '-sign',
        ...(kind === 'rsa' ? ['-pkeyopt', 'digest:sha256'] : []),
        '-out',
        out,
      ],
      { env, input: digest, quiet: true, ignoreReturnCode: true, timeoutMs: 60_000 },
    );
    if (r.exitCode !== 0) {
      const why = engineError(r.stderr);
      if (/PIN|login|CKR_PIN/i.test(r.stderr)) {
        throw new ConfigurationError(`Input ${input}: the token refused the PIN for ${label} (${why})`, { input });
      }
      throw new OperationError(`The PKCS#11 token could not sign with ${label}: ${why}`);
    }
    const signature = readFileSync(out);
    rmSync(out, { force: true });
    return signature;
  };
  return {
    kind,
    publicKey,
    publicPem,
    hint: createHash('sha256').update(der).digest('base64'),
    signDigest,
    source: `PKCS#11 ${label}`,
  };
}

function engineError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Engine "pkcs11" set\.?$/.test(l));
  return (lines.find((l) => /error|fail|CKR_/i.test(l)) ?? lines[0] ?? 'no message').slice(0, 300);
}
