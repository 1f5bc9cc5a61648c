import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness';
import {
  type GpgKey,
  gpgKey,
  type KeyFiles,
  opensslKey,
  PASSPHRASE,
  type Pki,
  pki,
  sh,
  status,
  tamper,
  tempDir,
} from './fixtures';

/**
 * `verify` checks attestations too: each DSSE envelope's signature over the PAE with the method's
 * key or certificate, the in-toto Statement v1, and every verified file's sha256 among its subjects.
 * verify.sh does the same with openssl (or gpg) alone. Both are run against tampered statements and
 * tampered files.
 */
const { dir, cleanup } = tempDir('verify-attest');
let ec: KeyFiles;
let rsa: KeyFiles;
let p: Pki;
let pgp: GpgKey;
beforeAll(() => {
  ec = opensslKey(dir, 'ec');
  rsa = opensslKey(dir, 'rsa');
  p = pki(dir);
  pgp = gpgKey(dir, 'attester');
});
afterAll(cleanup);

const GITHUB_ENV = {
  GITHUB_REPOSITORY: 'cdfoundation/release',
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_REF: 'refs/tags/v2.0.0',
  GITHUB_WORKFLOW_REF: 'cdfoundation/release/.github/workflows/publish.yml@refs/tags/v2.0.0',
  GITHUB_RUN_ID: '99',
  GITHUB_RUN_ATTEMPT: '1',
};

function workspace(name: string): string {
  const ws = join(dir, name);
  sh('mkdir', ['-p', join(ws, 'dist')]);
  writeFileSync(join(ws, 'dist/tool-linux-amd64'), Buffer.alloc(9000, 1));
  writeFileSync(join(ws, 'dist/tool-darwin-arm64'), Buffer.alloc(7000, 2));
  writeFileSync(
    join(ws, 'sbom.spdx.json'),
    JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'tool', packages: [] }),
  );
  return ws;
}

/** sh verify.sh: exit status and stdout. */
function script(path: string): { code: number; out: string } {
  try {
    return { code: 0, out: sh('sh', [path]) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

/** Rewrites the statement in line `index` of an .intoto.jsonl, keeping the original signature. */
function forgeStatement(path: string, index: number, change: (statement: Record<string, unknown>) => void): string {
  const original = readFileSync(path, 'utf8');
  const lines = original.trim().split('\n');
  const envelope = JSON.parse(lines[index] as string);
  const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  change(statement);
  envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
  lines[index] = JSON.stringify(envelope);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return original;
}

const flipHex = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;

describe('verify with method key checks attestations and Sigstore bundles', () => {
  it('accepts them, and rejects a forged statement, a modified file and a bundle signed by another key', async () => {
    const ws = workspace('key');
    const signed = await runAction(
      'sign',
      {
        method: 'key',
        files: 'dist/tool-*',
        'private-key': readFileSync(ec.plain, 'utf8'),
        provenance: 'true',
        sbom: 'sbom.spdx.json',
        'attestation-name': 'release',
        'output-dir': 'sigs',
      },
      { env: { GITHUB_WORKSPACE: ws, ...GITHUB_ENV } },
    );
    expect(signed.exitCode, signed.stdout).toBe(0);
    const attestation = join(ws, 'sigs/release.intoto.jsonl');

    // verify.sh (openssl only) checks both envelopes and the subjects.
    const good = script(join(ws, 'sigs/verify.sh'));
    expect(good.out).toContain('OK      release.intoto.jsonl (2 signed statement(s) covering every file)');
    expect(good.code, good.out).toBe(0);

    // Each v0.3 bundle verifies with sigstore-js's verifier given only the public key.
    const pub = createPublicKey(readFileSync(ec.publicPem));
    const der = pub.export({ format: 'der', type: 'spki' });
    const hint = createHash('sha256').update(der).digest('base64');
    const emptyRoot = TrustedRoot.fromJSON({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: [],
    });
    const keyVerifier = new Verifier(
      toTrustMaterial(emptyRoot, {
        [hint]: { rawBytes: der, keyDetails: 'PKIX_ECDSA_P256_SHA_256' } as never,
      }),
      { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 },
    );
    for (const file of ['tool-linux-amd64', 'tool-darwin-arm64']) {
      const bundle = bundleFromJSON(JSON.parse(readFileSync(join(ws, `sigs/${file}.sigstore.json`), 'utf8')));
      keyVerifier.verify(toSignedEntity(bundle, readFileSync(join(ws, 'dist', file))));
    }

    const verify = (publicKey = ec.publicPem) =>
      runAction(
        'sign',
        { command: 'verify', method: 'key', files: 'dist/tool-*', 'output-dir': 'sigs', 'public-key': publicKey },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const ok = await verify();
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.verified ?? '[]')).toEqual([
      'dist/tool-darwin-arm64',
      'dist/tool-linux-amd64',
      'sigs/release.intoto.jsonl',
    ]);
    expect(ok.summary).toContain('Verified 2 files and 1 attestation file (key)');
    expect(ok.summary).toContain('https://slsa.dev/provenance/v1');

    // Another key: every signature and the attestation fail.
    const other = await verify(rsa.publicPem);
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toMatch(/::error.*sigs\/release\.intoto\.jsonl: line 1: the DSSE signature does not verify/);

    // A statement rewritten to name another digest, keeping the signature.
    const original = forgeStatement(attestation, 1, (s) => {
      const subject = s.subject as { digest: { sha256: string } }[];
      (subject[0] as { digest: { sha256: string } }).digest.sha256 = flipHex(
        (subject[0] as { digest: { sha256: string } }).digest.sha256,
      );
    });
    const forged = await verify();
    expect(forged.exitCode).toBe(1);
    expect(forged.stdout).toContain(
      '1 of 3 files failed verification; sigs/release.intoto.jsonl: line 2: the DSSE signature does not verify with the public key',
    );
    expect(JSON.parse(forged.outputs.verified ?? '[]')).toEqual(['dist/tool-darwin-arm64', 'dist/tool-linux-amd64']);
    const forgedScript = script(join(ws, 'sigs/verify.sh'));
    expect(forgedScript.code).toBe(1);
    expect(forgedScript.out).toContain('FAILED  release.intoto.jsonl line 2: the DSSE signature does not verify');
    writeFileSync(attestation, original);

    const unchanged = readFileSync(attestation, 'utf8');
    // A modified file: its signature fails, and the attestation no longer covers it.
    tamper(join(ws, 'dist/tool-linux-amd64'));
    const modified = await verify();
    expect(modified.exitCode).toBe(1);
    expect(modified.stdout).toContain('dist/tool-linux-amd64: signature does not match');
    expect(modified.stdout).toMatch(
      /sigs\/release\.intoto\.jsonl: line 1: dist\/tool-linux-amd64 has sha256 [0-9a-f]{64}, but the https:\/\/slsa\.dev\/provenance\/v1 statement records [0-9a-f]{64}/,
    );
    const modifiedScript = script(join(ws, 'sigs/verify.sh'));
    expect(modifiedScript.code).toBe(1);
    expect(modifiedScript.out).toMatch(
      /FAILED {2}release\.intoto\.jsonl line 1: \.\.\/dist\/tool-linux-amd64 \(sha256 [0-9a-f]{64}\) is not a subject/,
    );
    tamper(join(ws, 'dist/tool-linux-amd64')); // the same bit back
    expect(readFileSync(attestation, 'utf8')).toBe(unchanged);

    // Without the .sig the bundle alone is checked; a bundle carrying another file's signature fails.
    rmSync(join(ws, 'sigs/tool-linux-amd64.sig'));
    const bundleOnly = await verify();
    expect(bundleOnly.exitCode, bundleOnly.stdout).toBe(0);
    expect(JSON.parse(bundleOnly.outputs.signatures ?? '[]')).toContain('sigs/tool-linux-amd64.sigstore.json');
    tamper(join(ws, 'dist/tool-linux-amd64'));
    const bundleTampered = await verify();
    expect(bundleTampered.exitCode).toBe(1);
    expect(bundleTampered.stdout).toContain(
      'dist/tool-linux-amd64: tool-linux-amd64.sigstore.json: the file does not match the digest in the bundle',
    );
    tamper(join(ws, 'dist/tool-linux-amd64'));
    const bundlePath = join(ws, 'sigs/tool-linux-amd64.sigstore.json');
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    const donor = JSON.parse(readFileSync(join(ws, 'sigs/tool-darwin-arm64.sigstore.json'), 'utf8'));
    bundle.messageSignature.signature = donor.messageSignature.signature;
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const swapped = await verify();
    expect(swapped.exitCode).toBe(1);
    expect(swapped.stdout).toContain(
      'dist/tool-linux-amd64: tool-linux-amd64.sigstore.json: the bundle signature does not verify with the public key',
    );
  });

  it('refuses an attestation about other files, and one that is not an in-toto statement', async () => {
    const ws = workspace('other');
    const sign = (files: string, name: string) =>
      runAction(
        'sign',
        {
          method: 'key',
          files,
          'private-key': readFileSync(ec.plain, 'utf8'),
          provenance: 'true',
          'attestation-name': name,
        },
        { env: { GITHUB_WORKSPACE: ws, ...GITHUB_ENV } },
      );
    expect((await sign('dist/tool-linux-amd64', 'linux')).exitCode).toBe(0);
    writeFileSync(join(ws, 'other.bin'), 'other');
    expect((await sign('other.bin', 'other')).exitCode).toBe(0);
    sh('cp', [join(ws, 'other.intoto.jsonl'), join(ws, 'dist/other.intoto.jsonl')]);
    const verify = () =>
      runAction(
        'sign',
        { command: 'verify', method: 'key', files: 'dist/tool-linux-amd64', 'public-key': ec.publicPem },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const r = await verify();
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('dist/other.intoto.jsonl: none of the files verified matches a subject');
    expect(JSON.parse(r.outputs.verified ?? '[]')).toEqual(['dist/tool-linux-amd64', 'dist/linux.intoto.jsonl']);

    // Correctly signed, but not an in-toto Statement v1.
    rmSync(join(ws, 'dist/other.intoto.jsonl'));
    const payload = Buffer.from(JSON.stringify({ _type: 'https://example.com/not-in-toto', subject: [] }));
    const type = 'application/vnd.in-toto+json';
    writeFileSync(
      join(ws, 'pae.bin'),
      Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]),
    );
    sh('openssl', ['dgst', '-sha256', '-sign', ec.plain, '-out', join(ws, 'pae.sig'), join(ws, 'pae.bin')]);
    const envelope = {
      payloadType: type,
      payload: payload.toString('base64'),
      signatures: [{ keyid: '', sig: readFileSync(join(ws, 'pae.sig')).toString('base64') }],
    };
    writeFileSync(join(ws, 'dist/bogus.intoto.jsonl'), `${JSON.stringify(envelope)}\n`);
    const bogus = await verify();
    expect(bogus.exitCode).toBe(1);
    expect(bogus.stdout).toContain(
      'dist/bogus.intoto.jsonl: _type https://example.com/not-in-toto is not https://in-toto.io/Statement/v1',
    );
  });
});

describe('verify with method x509 checks attestations with the certificate from the .p7s', () => {
  it('accepts them with the right CA, refuses another CA and a forged statement; verify.sh agrees', async () => {
    const ws = workspace('x509');
    const signed = await runAction(
      'sign',
      {
        method: 'x509',
        files: 'dist/tool-*',
        certificate: p.chain,
        'private-key': readFileSync(p.leafKey, 'utf8'),
        provenance: 'true',
      },
      { env: { GITHUB_WORKSPACE: ws, ...GITHUB_ENV } },
    );
    expect(signed.exitCode, signed.stdout).toBe(0);
    const good = script(join(ws, 'dist/verify.sh'));
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('OK      multiple.intoto.jsonl');
    expect(status('sh', [join(ws, 'dist/verify.sh')], { env: { CA_FILE: p.otherCaCert } })).toBe(1);

    const verify = (ca: string) =>
      runAction(
        'sign',
        { command: 'verify', method: 'x509', files: 'dist/tool-*', 'ca-certificate': ca },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const ok = await verify(p.caCert);
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.verified ?? '[]')).toContain('dist/multiple.intoto.jsonl');
    const wrongCa = await verify(p.otherCaCert);
    expect(wrongCa.exitCode).toBe(1);
    expect(wrongCa.stdout).toMatch(
      /dist\/multiple\.intoto\.jsonl: signed by certificate sha256:[0-9a-f]{64}, but no \.p7s verified here carries a certificate that chains to ca-certificate/,
    );

    forgeStatement(join(ws, 'dist/multiple.intoto.jsonl'), 0, (s) => {
      (s.predicate as { runDetails: { builder: { id: string } } }).runDetails.builder.id = 'https://evil.example';
    });
    const forged = await verify(p.caCert);
    expect(forged.exitCode).toBe(1);
    expect(forged.stdout).toContain(
      'dist/multiple.intoto.jsonl: the DSSE signature does not verify with the signing certificate',
    );
    const forgedScript = script(join(ws, 'dist/verify.sh'));
    expect(forgedScript.code).toBe(1);
    expect(forgedScript.out).toContain('FAILED  multiple.intoto.jsonl line 1: the DSSE signature does not verify');
  });
});

describe('verify with method openpgp checks attestations', () => {
  it('accepts them, and refuses a forged statement; verify.sh (gpg) agrees', async () => {
    const ws = workspace('pgp');
    const signed = await runAction(
      'sign',
      {
        method: 'openpgp',
        files: 'dist/tool-*',
        'private-key': pgp.secretArmored,
        passphrase: PASSPHRASE,
        sbom: 'sbom.spdx.json',
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(signed.exitCode, signed.stdout).toBe(0);
    const good = script(join(ws, 'dist/verify.sh'));
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('OK      multiple.intoto.jsonl');
    const verify = () =>
      runAction(
        'sign',
        { command: 'verify', method: 'openpgp', files: 'dist/tool-*', 'openpgp-public-key': pgp.publicArmored },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const ok = await verify();
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.verified ?? '[]')).toContain('dist/multiple.intoto.jsonl');

    forgeStatement(join(ws, 'dist/multiple.intoto.jsonl'), 0, (s) => {
      (s.subject as unknown[]).push({ name: 'dist/backdoor', digest: { sha256: 'f'.repeat(64) } });
    });
    const forged = await verify();
    expect(forged.exitCode).toBe(1);
    expect(forged.stdout).toContain(
      'dist/multiple.intoto.jsonl: the DSSE signature does not verify with the OpenPGP key',
    );
    const forgedScript = script(join(ws, 'dist/verify.sh'));
    expect(forgedScript.code).toBe(1);
    expect(forgedScript.out).toContain('FAILED  multiple.intoto.jsonl line 1: the DSSE signature does not verify');
  });
});
