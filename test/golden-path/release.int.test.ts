import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAction } from '../harness';

/**
 * The release path of workflows-examples/release.yml, on this repository, with the shipped
 * bundles in sequence as the runner would run them: sbom → sign (key, provenance, SBOM
 * attestation) → verify; then the results checked by openssl, not by our own code.
 */
const work = mkdtempSync(join(tmpdir(), 'paved-release-'));
const github = {
  GITHUB_REPOSITORY: 'paved-dev/paved',
  GITHUB_REPOSITORY_OWNER: 'paved-dev',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REF: 'refs/tags/v1.0.0',
  GITHUB_WORKFLOW: 'release',
  GITHUB_WORKFLOW_REF: 'paved-dev/paved/.github/workflows/release.yml@refs/tags/v1.0.0',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SERVER_URL: 'https://github.com',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  RUNNER_ENVIRONMENT: 'github-hosted',
};
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const openssl = (...args: string[]) => spawnSync('openssl', args, { encoding: 'utf8' });

let spdx: string;
let cdx: string;
let signed: string;
let publicKey: string;

describe('release path: sbom → sign → verify → attest', () => {
  beforeAll(() => {
    execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(work, 'ec.pem')]);
    execFileSync('openssl', [
      'pkcs8',
      '-topk8',
      '-nocrypt',
      '-in',
      join(work, 'ec.pem'),
      '-out',
      join(work, 'key.pem'),
    ]);
    execFileSync('openssl', ['pkey', '-in', join(work, 'key.pem'), '-pubout', '-out', join(work, 'pub.pem')]);
    publicKey = readFileSync(join(work, 'pub.pem'), 'utf8');
    signed = join(work, 'signed');
  });

  it('sbom writes both formats for this repository', async () => {
    const r = await runAction('sbom', {
      path: '.',
      exclude: 'test/**\nbench/**\nexamples/**',
      'output-dir': relative(ROOT, work),
    });
    expect(r.exitCode, r.stdout).toBe(0);
    spdx = resolve(ROOT, r.outputs['spdx-file'] as string);
    cdx = resolve(ROOT, r.outputs['cyclonedx-file'] as string);
    expect(Number(r.outputs.components)).toBeGreaterThan(100);
    const doc = JSON.parse(readFileSync(spdx, 'utf8'));
    expect(doc.spdxVersion).toBe('SPDX-2.3');
    const names = new Set(doc.packages.map((p: { name: string }) => p.name));
    for (const dep of ['yaml', 'ssh2', '@actions/core']) expect(names).toContain(dep);
    expect(JSON.parse(readFileSync(cdx, 'utf8')).specVersion).toBe('1.6');
  });

  it('sign (key) signs both SBOMs, attests provenance and the SBOM, and openssl agrees', async () => {
    const r = await runAction(
      'sign',
      {
        method: 'key',
        files: `${spdx}\n${cdx}`,
        'private-key': readFileSync(join(work, 'key.pem'), 'utf8'),
        provenance: true,
        sbom: spdx,
        'attestation-name': 'release',
        'output-dir': signed,
      },
      { env: github },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    const digests = JSON.parse(r.outputs.digests as string) as Record<string, string>;
    expect(Object.values(digests).sort()).toEqual([sha256(spdx), sha256(cdx)].sort());
    // ::add-mask:: is how the key reaches the runner's masker; nothing else may carry it.
    const logged = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain('PRIVATE KEY');

    for (const file of [spdx, cdx]) {
      const name = file.split('/').pop() as string;
      const der = join(work, `${name}.der`);
      writeFileSync(der, Buffer.from(readFileSync(join(signed, `${name}.sig`), 'utf8').trim(), 'base64'));
      const v = openssl('dgst', '-sha256', '-verify', join(work, 'pub.pem'), '-signature', der, file);
      expect(v.stdout.trim(), v.stderr).toBe('Verified OK');
    }
    const script = spawnSync('sh', [join(signed, 'verify.sh')], { encoding: 'utf8' });
    expect(script.status, script.stdout + script.stderr).toBe(0);

    // Attestations: DSSE envelopes whose PAE signature openssl verifies, over in-toto statements
    // naming both SBOMs with their sha256.
    const lines = readFileSync(join(signed, 'release.intoto.jsonl'), 'utf8').trim().split('\n');
    const types = [];
    for (const line of lines) {
      const envelope = JSON.parse(line) as { payloadType: string; payload: string; signatures: { sig: string }[] };
      const payload = Buffer.from(envelope.payload, 'base64');
      const pae = Buffer.concat([
        Buffer.from(`DSSEv1 ${Buffer.byteLength(envelope.payloadType)} ${envelope.payloadType} ${payload.length} `),
        payload,
      ]);
      writeFileSync(join(work, 'pae'), pae);
      writeFileSync(join(work, 'pae.sig'), Buffer.from(envelope.signatures[0]!.sig, 'base64'));
      const v = openssl(
        'dgst',
        '-sha256',
        '-verify',
        join(work, 'pub.pem'),
        '-signature',
        join(work, 'pae.sig'),
        join(work, 'pae'),
      );
      expect(v.stdout.trim(), v.stderr).toBe('Verified OK');
      const statement = JSON.parse(payload.toString('utf8'));
      expect(statement._type).toBe('https://in-toto.io/Statement/v1');
      expect(statement.subject.map((s: { digest: { sha256: string } }) => s.digest.sha256).sort()).toEqual(
        [sha256(spdx), sha256(cdx)].sort(),
      );
      types.push(statement.predicateType);
      if (statement.predicateType === 'https://slsa.dev/provenance/v1') {
        expect(JSON.stringify(statement.predicate)).toContain('paved-dev/paved');
        expect(JSON.stringify(statement.predicate)).toContain('4242');
      }
    }
    expect(types.sort()).toEqual(['https://slsa.dev/provenance/v1', 'https://spdx.dev/Document/v2.3']);
  });

  it('verify accepts the release, and rejects it after a one-byte change', async () => {
    const inputs = {
      command: 'verify',
      method: 'key',
      files: `${spdx}\n${cdx}`,
      'public-key': publicKey,
      'output-dir': signed,
    };
    const ok = await runAction('sign', inputs);
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.verified as string).length).toBeGreaterThanOrEqual(2);

    const bytes = readFileSync(spdx);
    const at = bytes.length - 2;
    bytes[at] = (bytes[at] as number) ^ 1;
    writeFileSync(spdx, bytes);
    const bad = await runAction('sign', inputs);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('paved.spdx.json');
  });
});

describe('npm run demo', () => {
  it('walks the whole golden path offline and prints the telemetry receipt as a table', () => {
    // Its own directory: the suite never replaces the .paved/demo/ a person is looking at.
    const out = mkdtempSync(join(tmpdir(), 'paved-demo-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PAVED_DEMO_DIR: out },
      timeout: 480_000,
    });
    expect(r.status, r.stdout.slice(-3000) + r.stderr).toBe(0);
    for (const step of ['telemetry', 'sbom', 'sign', 'verify', 'runbook', 'end of job']) {
      expect(r.stdout).toMatch(new RegExp(`✔ ${step}`));
    }
    expect(r.stdout).toContain('Telemetry dry run: nothing was sent');
    expect(r.stdout).toContain(`Everything the demo wrote is in ${out}/`);
    expect(existsSync(join(out, 'paved.spdx.json'))).toBe(true);
    // The receipt is a table a person reads, not raw OTLP JSON.
    const end = r.stdout.slice(r.stdout.indexOf('end of job: post steps'));
    expect(end).not.toContain('"resourceSpans"');
    expect(end).not.toContain('"resourceMetrics"');
    expect(end).toMatch(/^Signal\s+/m);
    // The demo's runbook names no environment, so it is not a deployment.
    expect(end).not.toMatch(/deployment/i);
  });
});
