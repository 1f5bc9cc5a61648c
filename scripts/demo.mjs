#!/usr/bin/env node
// npm run demo: the golden path, locally and offline, on this repository, with the bundles the
// runner executes. One job (`paved --job`), so telemetry's post step sees every action that ran:
//   telemetry (consent, dry run) → sbom → sign (ephemeral key, provenance, SBOM attestation)
//   → verify → runbook (examples/hello) → end of job: telemetry receipt.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// PAVED_DEMO_DIR lets the test suite run the demo elsewhere, so `npm test` never replaces the
// .paved/demo/ a person is looking at.
const out = resolve(process.env.PAVED_DEMO_DIR || join(root, '.paved', 'demo'));
/** A path as the demo shows it: relative inside the repository, absolute outside it. */
const shown = (path) => (path.startsWith(`${root}/`) ? relative(root, path) : path);
const job = join(out, 'job');
const bin = join(root, 'bin', 'paved.js');

if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (it is committed, so a fresh clone has it).');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() || undefined;
// The GitHub context a workflow run would have, from this checkout: provenance records it.
const env = {
  ...process.env,
  GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY ?? 'paved-dev/paved',
  GITHUB_REPOSITORY_OWNER: process.env.GITHUB_REPOSITORY_OWNER ?? 'paved-dev',
  GITHUB_SHA: process.env.GITHUB_SHA ?? git('rev-parse', 'HEAD') ?? '0'.repeat(40),
  GITHUB_REF: process.env.GITHUB_REF ?? `refs/heads/${git('rev-parse', '--abbrev-ref', 'HEAD') ?? 'main'}`,
  GITHUB_WORKFLOW: process.env.GITHUB_WORKFLOW ?? 'paved demo',
  GITHUB_WORKFLOW_REF: process.env.GITHUB_WORKFLOW_REF ?? 'paved-dev/paved/.github/workflows/demo.yml@refs/heads/main',
  GITHUB_RUN_ID: process.env.GITHUB_RUN_ID ?? String(Date.now()),
  GITHUB_RUN_ATTEMPT: process.env.GITHUB_RUN_ATTEMPT ?? '1',
  GITHUB_EVENT_NAME: process.env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
  GITHUB_SERVER_URL: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
  GITHUB_ACTOR: process.env.GITHUB_ACTOR ?? 'developer',
  GITHUB_JOB: process.env.GITHUB_JOB ?? 'demo',
  RUNNER_OS: process.env.RUNNER_OS ?? 'Linux',
  RUNNER_ARCH: process.env.RUNNER_ARCH ?? 'X64',
  RUNNER_ENVIRONMENT: process.env.RUNNER_ENVIRONMENT ?? 'self-hosted',
  PAVED_TELEMETRY: undefined,
  DO_NOT_TRACK: undefined,
};
for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

const steps = [];
function paved(title, args) {
  console.log(
    `\n\u001b[1m━━ ${steps.length + 1}. ${title}\u001b[0m\n$ paved ${args.map((a) => (a.includes('\n') || a.includes(' ') ? JSON.stringify(a.length > 60 ? `${a.slice(0, 57)}...` : a) : a)).join(' ')}\n`,
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args, '--job', job], { cwd: root, env, stdio: 'inherit' });
  steps.push({ title, code: r.status ?? 1, ms: Date.now() - started });
  if (r.status !== 0) {
    console.error(`\n${title} failed (exit ${r.status}); stopping the demo.`);
    summary();
    process.exit(r.status ?? 1);
  }
}

function summary() {
  console.log('\n\u001b[1m━━ Golden path\u001b[0m');
  for (const s of steps)
    console.log(`  ${s.code === 0 ? '✔' : '✘'} ${s.title.padEnd(58)} ${String(s.ms).padStart(6)} ms`);
  console.log(`\nEverything the demo wrote is in ${shown(out)}/`);
}

// An ephemeral signing key: never written anywhere but the demo folder, gone with it.
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' });
writeFileSync(join(out, 'signing-key.pub'), publicPem);

paved('telemetry: consent for this job, dry run (nothing is sent)', [
  'telemetry',
  '--consent',
  'granted',
  '--consent-version',
  '1',
  '--endpoint',
  'http://127.0.0.1:4318',
  '--level',
  'standard',
  '--salt',
  randomBytes(16).toString('hex'),
  '--dry-run',
  'true',
]);
paved('sbom: SPDX 2.3 + CycloneDX 1.6 of Paved itself', [
  'sbom',
  '--path',
  '.',
  // Test and benchmark fixtures are other projects' lockfiles, not Paved's dependencies.
  '--exclude',
  'test/**\nbench/**\nexamples/**',
  '--output-dir',
  shown(out),
]);
const spdx = join(shown(out), 'paved.spdx.json');
const cdx = join(shown(out), 'paved.cdx.json');
const signed = join(shown(out), 'signed');
paved('sign: ephemeral P-256 key, SLSA provenance, SBOM attestation', [
  'sign',
  '--method',
  'key',
  '--files',
  `${spdx}\n${cdx}`,
  '--private-key',
  privatePem,
  '--provenance',
  'true',
  '--sbom',
  spdx,
  '--attestation-name',
  'paved',
  '--output-dir',
  signed,
]);
paved('verify: the signatures and attestations just written', [
  'sign',
  '--command',
  'verify',
  '--method',
  'key',
  '--files',
  `${spdx}\n${cdx}`,
  '--public-key',
  publicPem,
  '--output-dir',
  signed,
]);
paved('runbook: examples/hello on the runner itself', [
  'runbook',
  '--runbook',
  'examples/hello/runbook.yml',
  '--vars',
  `dest: ${join(out, 'hello')}`,
]);
console.log('\n\u001b[1m━━ end of job: post steps (the telemetry receipt)\u001b[0m\n');
const end = spawnSync(process.execPath, [bin, 'job', 'end', '--job', job], { cwd: root, env, stdio: 'inherit' });
steps.push({ title: 'end of job: telemetry receipt (dry run)', code: end.status ?? 1, ms: 0 });
summary();
process.exit(end.status ?? 1);
