import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pae } from '../../actions/sign/src/attest/dsse';
import { runAction } from '../harness';
import { type KeyFiles, opensslKey, sh, status, tempDir } from './fixtures';

const { dir, cleanup } = tempDir('attest');
let key: KeyFiles;
beforeAll(() => {
  key = opensslKey(dir, 'ec');
});
afterAll(cleanup);

const GITHUB_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'cdfoundation/release',
  GITHUB_SHA: 'b'.repeat(40),
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_WORKFLOW_REF: 'cdfoundation/release/.github/workflows/publish.yml@refs/tags/v1.2.3',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_EVENT_NAME: 'release',
  GITHUB_REPOSITORY_ID: '55',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

/** PAE exactly as the DSSE protocol text defines it, written independently of the action's code. */
function specPae(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);
}

describe('DSSE PAE', () => {
  it('matches the protocol example and counts bytes, not characters', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
    const body = Buffer.from('héllo ✓');
    expect(pae('application/vnd.in-toto+json', body)).toEqual(specPae('application/vnd.in-toto+json', body));
    expect(pae('t', body).toString()).toBe(`DSSEv1 1 t ${body.length} héllo ✓`);
  });
});

function workspace(name: string): string {
  const ws = join(dir, name);
  sh('mkdir', ['-p', join(ws, 'dist')]);
  writeFileSync(join(ws, 'dist/tool-linux-amd64'), Buffer.alloc(5000, 1));
  writeFileSync(join(ws, 'dist/tool-darwin-arm64'), Buffer.alloc(6000, 2));
  return ws;
}

/** Checks one envelope line with openssl over the PAE computed from the spec. */
function verifyEnvelopeWithOpenssl(
  ws: string,
  envelope: { payloadType: string; payload: string; signatures: { sig: string }[] },
) {
  const paeFile = join(ws, 'pae.bin');
  const sigFile = join(ws, 'pae.sig');
  writeFileSync(paeFile, specPae(envelope.payloadType, Buffer.from(envelope.payload, 'base64')));
  writeFileSync(sigFile, Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64'));
  const ok = status('openssl', ['dgst', '-sha256', '-verify', key.publicPem, '-signature', sigFile, paeFile]);
  const changed = Buffer.from(readFileSync(paeFile));
  changed[changed.length - 2] = (changed[changed.length - 2] as number) ^ 1;
  writeFileSync(paeFile, changed);
  const tampered = status('openssl', ['dgst', '-sha256', '-verify', key.publicPem, '-signature', sigFile, paeFile]);
  return { ok, tampered };
}

describe('attestations with method key', () => {
  it('writes SLSA provenance v1 and an SPDX attestation in DSSE envelopes that openssl verifies', async () => {
    const ws = workspace('prov');
    writeFileSync(
      join(ws, 'sbom.spdx.json'),
      JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'tool', packages: [] }),
    );
    const r = await runAction(
      'sign',
      {
        method: 'key',
        files: 'dist/tool-*',
        'private-key': readFileSync(key.plain, 'utf8'),
        provenance: 'true',
        sbom: 'sbom.spdx.json',
        'attestation-name': 'tool',
      },
      { env: { GITHUB_WORKSPACE: ws, ...GITHUB_ENV } },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs.attestation).toBe('dist/tool.intoto.jsonl');
    const lines = readFileSync(join(ws, 'dist/tool.intoto.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const digests = JSON.parse(r.outputs.digests ?? '{}') as Record<string, string>;
    const statements = lines.map((line) => {
      const envelope = JSON.parse(line);
      expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
      expect(verifyEnvelopeWithOpenssl(ws, envelope)).toEqual({ ok: 0, tampered: 1 });
      return JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    });
    for (const s of statements) {
      expect(Object.keys(s)).toEqual(['_type', 'subject', 'predicateType', 'predicate']);
      expect(s._type).toBe('https://in-toto.io/Statement/v1');
      expect(s.subject).toEqual(Object.entries(digests).map(([name, sha256]) => ({ name, digest: { sha256 } })));
      for (const subject of s.subject) expect(subject.digest.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const [provenance, sbom] = statements;
    expect(provenance.predicateType).toBe('https://slsa.dev/provenance/v1');
    const p = provenance.predicate;
    expect(p.buildDefinition.buildType).toBe('https://actions.github.io/buildtypes/workflow/v1');
    expect(p.buildDefinition.externalParameters.workflow).toEqual({
      ref: 'refs/tags/v1.2.3',
      repository: 'https://github.com/cdfoundation/release',
      path: '.github/workflows/publish.yml',
    });
    expect(p.buildDefinition.resolvedDependencies[0]).toEqual({
      uri: 'git+https://github.com/cdfoundation/release@refs/tags/v1.2.3',
      digest: { gitCommit: 'b'.repeat(40) },
    });
    expect(p.buildDefinition.internalParameters.github).toMatchObject({
      event_name: 'release',
      runner_environment: 'github-hosted',
    });
    expect(p.runDetails.builder.id).toBe('https://github.com/actions/runner/github-hosted');
    expect(p.runDetails.metadata.invocationId).toBe(
      'https://github.com/cdfoundation/release/actions/runs/4242/attempts/1',
    );
    expect(sbom.predicateType).toBe('https://spdx.dev/Document/v2.3');
    expect(sbom.predicate.name).toBe('tool');
    expect(r.summary).toContain('https://slsa.dev/provenance/v1');
  });

  it('uses the CycloneDX predicate type, and references a document over 16 MiB by digest', async () => {
    const ws = workspace('cdx');
    const components = Array.from({ length: 90_000 }, (_, i) => ({
      type: 'library',
      name: `component-${i}`,
      version: '1.0.0',
      purl: `pkg:npm/component-${i}@1.0.0`,
      description: 'x'.repeat(100),
    }));
    const big = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components });
    expect(big.length).toBeGreaterThan(16 * 1024 * 1024);
    writeFileSync(join(ws, 'big.cdx.json'), big);
    writeFileSync(
      join(ws, 'small.cdx.json'),
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [] }),
    );
    const run = (sbom: string) =>
      runAction(
        'sign',
        { method: 'key', files: 'dist/tool-linux-amd64', 'private-key': readFileSync(key.plain, 'utf8'), sbom },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const small = await run('small.cdx.json');
    expect(small.exitCode, small.stdout).toBe(0);
    const read = () => {
      const envelope = JSON.parse(readFileSync(join(ws, 'dist/tool-linux-amd64.intoto.jsonl'), 'utf8'));
      return JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    };
    expect(read().predicateType).toBe('https://cyclonedx.org/bom');
    const large = await run('big.cdx.json');
    expect(large.exitCode, large.stdout).toBe(0);
    const s = read();
    expect(s.predicateType).toBe('https://in-toto.io/attestation/reference/v0.1');
    expect(s.predicate.references[0]).toEqual({
      name: 'big.cdx.json',
      downloadLocation: 'big.cdx.json',
      digest: { sha256: createHash('sha256').update(big).digest('hex') },
      mediaType: 'application/vnd.cyclonedx+json',
      annotations: { predicateType: 'https://cyclonedx.org/bom' },
    });
    expect(large.summary).toContain('referenced by sha256');
  });

  it('refuses provenance outside a GitHub run, and an SBOM that is not SPDX or CycloneDX, before signing', async () => {
    const ws = workspace('bad');
    const noContext = await runAction(
      'sign',
      { method: 'key', files: 'dist/*', 'private-key': readFileSync(key.plain, 'utf8'), provenance: 'true' },
      { env: { GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: undefined, GITHUB_SHA: undefined, GITHUB_RUN_ID: undefined } },
    );
    expect(noContext.exitCode).toBe(1);
    expect(noContext.stdout).toMatch(
      /::error::sign: Input provenance needs the GitHub Actions run context; not set: GITHUB_REPOSITORY, GITHUB_SHA/,
    );
    writeFileSync(join(ws, 'x.json'), '{\n  "name": "x",\n  oops\n}');
    const invalid = await runAction(
      'sign',
      { method: 'key', files: 'dist/*', 'private-key': readFileSync(key.plain, 'utf8'), sbom: 'x.json' },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stdout).toMatch(/::error .*file=x\.json,line=3,col=3::.*x\.json is not valid JSON/);
    expect(status('ls', [join(ws, 'dist/tool-linux-amd64.sig')])).not.toBe(0);
  });
});
