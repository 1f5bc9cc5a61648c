import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign as nodeSign,
  verify as nodeVerify,
  privateEncrypt,
  publicDecrypt,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConfigurationError, registerSecret } from '../../../../shared';
import type { FileDigest } from '../hash';

export type KeyKind = 'ecdsa-p256' | 'ed25519' | 'rsa';

export interface SigningKey {
  kind: KeyKind;
  /** The key in memory; absent for a key that stays on a token (see `signDigest`). */
  privateKey?: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  /** base64(sha256(DER SubjectPublicKeyInfo)), the key hint cosign puts in bundles. */
  hint: string;
  /** Signs a SHA-256 digest where the key lives (a PKCS#11 token). */
  signDigest?: (digest: Buffer) => Promise<Buffer>;
  /** Where the key is, for the log: "PKCS#11 token/object". */
  source?: string;
}

/** A PEM private key, or an RFC 7512 `pkcs11:` URI naming a key that stays on its token. */
export async function openSigningKey(
  text: string,
  passphrase: string,
  input: string,
  passphraseInput: string,
  workspace: string,
): Promise<SigningKey> {
  const { isPkcs11Uri, pkcs11Key } = await import('./pkcs11');
  if (isPkcs11Uri(text)) return pkcs11Key(text, input, workspace);
  return loadPrivateKey(text, passphrase, input, passphraseInput);
}

/** A file's signature with whichever key this is: in memory, or on a token (over the digest). */
export function signFileWith(key: SigningKey, file: string, digest: FileDigest): Promise<Buffer> {
  if (key.signDigest) return key.signDigest(digest.sha256);
  return signFile(key.kind, key.privateKey as KeyObject, file, digest);
}

export function signBytesWith(key: SigningKey, data: Buffer): Promise<Buffer> {
  if (key.signDigest) return key.signDigest(createHash('sha256').update(data).digest());
  return signBytes(key.kind, key.privateKey as KeyObject, data);
}

/** DER prefix of an RSA PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * Parses a PEM private key, decrypting it with the passphrase. Every failure names the input to fix:
 * "wrong passphrase" and "not a key" are different mistakes with different fixes.
 */
export function loadPrivateKey(pem: string, passphrase: string, input: string, passphraseInput: string): SigningKey {
  if (/-----BEGIN (ENCRYPTED )?(SIGSTORE|COSIGN) PRIVATE KEY-----/.test(pem)) {
    throw new ConfigurationError(
      `Input ${input} holds a cosign-encrypted key (scrypt + secretbox), which is not supported; give the key as PKCS#8 PEM (openssl pkcs8 -topk8)`,
      { input },
    );
  }
  if (!pem.includes('-----BEGIN') || !/PRIVATE KEY-----/.test(pem)) {
    throw new ConfigurationError(`Input ${input} is not a PEM private key (expected -----BEGIN … PRIVATE KEY-----)`, {
      input,
    });
  }
  const encrypted = /ENCRYPTED/.test(pem);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase || undefined });
  } catch (error) {
    const reason = (error as Error).message;
    if (encrypted && !passphrase) {
      throw new ConfigurationError(`Input ${input} is encrypted; set input ${passphraseInput}`, {
        input: passphraseInput,
      });
    }
    if (encrypted) {
      throw new ConfigurationError(`Could not decrypt ${input}: wrong ${passphraseInput}?`, {
        input: passphraseInput,
      });
    }
    throw new ConfigurationError(`Input ${input} is not a readable private key (${reason})`, { input });
  }
  const kind = keyKind(privateKey, input);
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const der = publicKey.export({ format: 'der', type: 'spki' });
  // The decrypted key must never be printed either.
  registerSecret(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  return { kind, privateKey, publicKey, publicPem, hint: createHash('sha256').update(der).digest('base64') };
}

export function loadPublicKey(pem: string, input: string): { kind: KeyKind; key: KeyObject } {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new ConfigurationError(`Input ${input} is not a readable PEM public key (${(error as Error).message})`, {
      input,
    });
  }
  return { kind: keyKind(key, input), key };
}

export function keyKind(key: KeyObject, input: string): KeyKind {
  const type = key.asymmetricKeyType;
  if (type === 'ed25519') return 'ed25519';
  if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ecdsa-p256';
  if (type === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048)
      throw new ConfigurationError(`Input ${input}: RSA keys must have at least 2048 bits, got ${bits}`, { input });
    return 'rsa';
  }
  const what = type === 'ec' ? `EC curve ${key.asymmetricKeyDetails?.namedCurve}` : `${type} key`;
  throw new ConfigurationError(`Input ${input}: ${what} is not supported; use ECDSA P-256, Ed25519 or RSA`, { input });
}

function nodeSignAsync(algorithm: string | null, data: Buffer, key: KeyObject): Promise<Buffer> {
  // The callback form runs in libuv's thread pool, so files sign in parallel on every core.
  return new Promise((ok, fail) => nodeSign(algorithm, data, key, (e, sig) => (e ? fail(e) : ok(sig))));
}

function nodeVerifyAsync(algorithm: string | null, data: Buffer, key: KeyObject, sig: Buffer): Promise<boolean> {
  return new Promise((ok, fail) => nodeVerify(algorithm, data, key, sig, (e, r) => (e ? fail(e) : ok(r))));
}

let p256: typeof import('@noble/curves/nist.js').p256 | undefined;

/**
 * @noble/curves, loaded on the first signature over a streamed (large) file's digest: a run of small
 * files, signed by OpenSSL from their bytes, never parses its 350 KiB.
 */
async function noble() {
  if (!p256) {
    p256 = (await import('@noble/curves/nist.js')).p256;
    // A run makes a handful of prehashed signatures: building the default base-point table (window 6)
    // costs more than it saves (first signature ~30 ms with it, ~10 ms without).
    p256.Point.BASE.precompute(1);
  }
  return p256;
}

function jwk(key: KeyObject): { d?: string; x?: string; y?: string } {
  return key.export({ format: 'jwk' }) as { d?: string; x?: string; y?: string };
}

/**
 * Signs a file as cosign does: ECDSA and RSA over SHA-256 of the content, Ed25519 over the content.
 * Small files are in memory and go through OpenSSL; large ones were hashed once while streaming,
 * so the signature is made from that digest (ECDSA by @noble/curves, RSA by PKCS#1 DigestInfo)
 * instead of reading the file a second time.
 */
export async function signFile(
  kind: KeyKind,
  privateKey: KeyObject,
  file: string,
  digest: FileDigest,
): Promise<Buffer> {
  if (kind === 'ed25519') return nodeSignAsync(null, digest.data ?? (await readFile(file)), privateKey);
  if (digest.data) return nodeSignAsync('sha256', digest.data, privateKey);
  if (kind === 'rsa') return privateEncrypt(privateKey, Buffer.concat([SHA256_DIGEST_INFO, digest.sha256]));
  const p256 = await noble();
  const secret = Buffer.from(jwk(privateKey).d ?? '', 'base64url');
  return Buffer.from(p256.sign(digest.sha256, secret, { prehash: false, format: 'der', lowS: false }));
}

export async function verifyFile(
  kind: KeyKind,
  publicKey: KeyObject,
  file: string,
  digest: FileDigest,
  signature: Buffer,
): Promise<boolean> {
  try {
    if (kind === 'ed25519')
      return await nodeVerifyAsync(null, digest.data ?? (await readFile(file)), publicKey, signature);
    if (digest.data) return await nodeVerifyAsync('sha256', digest.data, publicKey, signature);
    if (kind === 'rsa') {
      return publicDecrypt(publicKey, signature).equals(Buffer.concat([SHA256_DIGEST_INFO, digest.sha256]));
    }
    const p256 = await noble();
    const { x, y } = jwk(publicKey);
    const point = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(x ?? '', 'base64url'),
      Buffer.from(y ?? '', 'base64url'),
    ]);
    return p256.verify(signature, digest.sha256, point, { prehash: false, format: 'der', lowS: false });
  } catch {
    // A malformed signature is a failed verification, not a crash.
    return false;
  }
}

/** Small in-memory payloads (DSSE PAE, CMS signed attributes). */
export function signBytes(kind: KeyKind, privateKey: KeyObject, data: Buffer): Promise<Buffer> {
  return nodeSignAsync(kind === 'ed25519' ? null : 'sha256', data, privateKey);
}

export async function verifyBytes(
  kind: KeyKind,
  publicKey: KeyObject,
  data: Buffer,
  signature: Buffer,
): Promise<boolean> {
  try {
    return await nodeVerifyAsync(kind === 'ed25519' ? null : 'sha256', data, publicKey, signature);
  } catch {
    return false;
  }
}
