import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
} from '@sigstore/mock';
import { TrustedRoot } from '@sigstore/protobuf-specs';

/**
 * A private Sigstore on 127.0.0.1 for the keyless tests: @sigstore/mock's Fulcio (API v2
 * `/api/v2/signingCert`), Rekor (`/api/v1/log/entries`, v1 entries with a signed entry timestamp and
 * an inclusion proof) and timestamp authority, served over real HTTP together with a GitHub-style
 * OIDC token endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL`, as actions/toolkit's core.getIDToken calls it),
 * and the trusted_root.json (sigstore/protobuf-specs TrustedRoot) that names their keys.
 *
 * Paths: `/fulcio`, `/stale-fulcio` (a CA whose clock is two hours behind, so its 10-minute
 * certificates have expired when Rekor logs them), `/rekor`, `/tsa`, `/oidc`.
 */
export const IDENTITY = 'https://github.com/paved/demo/.github/workflows/release.yml@refs/heads/main';
export const ISSUER = 'https://token.actions.githubusercontent.com';
/** What the runner gives the job in ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
export const REQUEST_TOKEN = 'request-token-xyz';

export interface Sigstore {
  /** `http://127.0.0.1:PORT` */
  base: string;
  trustedRootPath: string;
  trustedRoot: ReturnType<typeof TrustedRoot.fromJSON>;
  /** The OIDC token the endpoint hands out (a secret: it must never be printed). */
  jwt: string;
  /** `METHOD /path` of every request, in order. */
  requests: string[];
  /** A GitHub Actions job environment whose OIDC endpoint is this stand-in. */
  env(workspace: string): Record<string, string>;
  stop(): Promise<void>;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const spki = (k: KeyObject) => k.export({ format: 'der', type: 'spki' });
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Starts the services; the trusted root is written to `<dir>/trusted_root.json`. */
export async function startSigstore(dir: string): Promise<Sigstore> {
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const requests: string[] = [];
  const ctKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const tlogKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctlog = await initializeCTLog(ctKeys);
  const ca = await initializeCA(caKeys, ctlog);
  const tlog = await initializeTLog(`${base}/rekor`, tlogKeys);
  const fulcio = fulcioHandler(ca);
  const rekor = rekorHandler(tlog);
  const staleKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const staleCa = await initializeCA(staleKeys, ctlog, new Date(Date.now() - 2 * 3600_000));
  const staleFulcio = fulcioHandler(staleCa);
  // The mock TSA encodes genTime with trailing zeros of the milliseconds dropped (".5Z"), which
  // @sigstore/core refuses ("invalid time") one time in ten; a clock with 3 significant digits avoids
  // that. Three minutes ahead keeps genTime inside the 10-minute Fulcio certificates issued meanwhile.
  const tsaClock = new Date(Math.floor(Date.now() / 1000) * 1000 + 180_000 + 123);
  const tsa = await initializeTSA(generateKeyPairSync('ec', { namedCurve: 'P-256' }), tsaClock);
  const timestamps = tsaHandler(tsa);
  const jwt = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({
    iss: ISSUER,
    sub: IDENTITY,
    aud: 'sigstore',
    repository: 'paved/demo',
    ref: 'refs/heads/main',
    sha: 'a'.repeat(40),
    exp: Math.floor(Date.now() / 1000) + 600,
  })}.c2lnbmF0dXJl`;
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', base);
      requests.push(`${req.method} ${url.pathname}`);
      const reply = (status: number, body: string | ArrayBufferView, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      if (url.pathname === '/oidc') {
        if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) return reply(401, '{}');
        return reply(200, JSON.stringify({ value: jwt }));
      }
      const handler =
        url.pathname === `/fulcio${fulcio.path}`
          ? fulcio
          : url.pathname === `/stale-fulcio${staleFulcio.path}`
            ? staleFulcio
            : url.pathname === `/rekor${rekor.path}`
              ? rekor
              : url.pathname === `/tsa${timestamps.path}`
                ? timestamps
                : undefined;
      if (!handler) return reply(404, 'not found', 'text/plain');
      let body = Buffer.concat(chunks).toString('utf8');
      if (handler === rekor) body = canonicalizeDsse(body);
      const out = await handler.fn(body);
      reply(out.statusCode, out.response, out.contentType);
    });
  });
  const validFor = { start: '2020-01-01T00:00:00Z' };
  const root = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: `${base}/rekor`,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(spki(tlogKeys.publicKey)), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
        logId: { keyId: b64(createHash('sha256').update(spki(tlogKeys.publicKey)).digest()) },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: `${base}/fulcio`,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate as unknown as Uint8Array) }] },
        validFor,
      },
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: `${base}/stale-fulcio`,
        certChain: { certificates: [{ rawBytes: b64(staleCa.rootCertificate as unknown as Uint8Array) }] },
        validFor,
      },
    ],
    ctlogs: [
      {
        baseUrl: `${base}/ct`,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(spki(ctKeys.publicKey)), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
        logId: { keyId: b64(ctlog.logID as unknown as Uint8Array) },
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore-tsa' },
        uri: `${base}/tsa`,
        certChain: {
          certificates: [
            { rawBytes: b64(tsa.intCertificate as unknown as Uint8Array) },
            { rawBytes: b64(tsa.rootCertificate as unknown as Uint8Array) },
          ],
        },
        validFor,
      },
    ],
  };
  const trustedRootPath = join(dir, 'trusted_root.json');
  writeFileSync(trustedRootPath, JSON.stringify(root));
  return {
    base,
    trustedRootPath,
    trustedRoot: TrustedRoot.fromJSON(root),
    jwt,
    requests,
    env: (workspace) => ({
      GITHUB_WORKSPACE: workspace,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/oidc?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'paved/demo',
      GITHUB_REPOSITORY_ID: '1234',
      GITHUB_REPOSITORY_OWNER_ID: '99',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: 'paved/demo/.github/workflows/release.yml@refs/heads/main',
      GITHUB_RUN_ID: '777',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_EVENT_NAME: 'push',
      RUNNER_ENVIRONMENT: 'github-hosted',
    }),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * Real Rekor stores a dsse entry in canonical form (payload hash, envelope hash, signatures), which
 * is what verifiers compare with the bundle; @sigstore/mock logs the proposed entry as sent. Do
 * what the server does before handing the entry to the mock log.
 */
function canonicalizeDsse(text: string): string {
  const entry = JSON.parse(text);
  if (entry.kind !== 'dsse') return text;
  const proposed = entry.spec.proposedContent;
  const envelope = JSON.parse(proposed.envelope);
  const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  entry.spec = {
    envelopeHash: { algorithm: 'sha256', value: sha256(proposed.envelope) },
    payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelope.payload, 'base64')) },
    signatures: envelope.signatures.map((s: { sig: string }, i: number) => ({
      signature: s.sig,
      verifier: proposed.verifiers[i],
    })),
  };
  return JSON.stringify(entry);
}
