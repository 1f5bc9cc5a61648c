// What telemetry costs, side by side in one run (issue 7):
//   telemetry-hook:     the core hook per action run, in-process: no hook at all (a bundle without
//                       telemetry) vs the hook without consent (every bundle's default) vs with consent
//                       (one append to the job journal).
//   telemetry-action:   a real action bundle (dist/sbom on a small lockfile) as a process: no telemetry
//                       variables vs consent recorded vs DO_NOT_TRACK overriding it.
//   telemetry-export:   the post step exporting a job of 20 action runs and 2 deployments: dry run (no
//                       network) vs http/protobuf and http/json to a real OTLP/HTTP receiver on loopback.
// There is no offline OpenTelemetry CI/CD GitHub Action that could run here as a peer (the known ones
// call the GitHub API for the workflow run), so the contenders are Paved with and without telemetry.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compare } from '../lib.mjs';

export default async function bench({ root, quick }) {
  const dir = mkdtempSync('/tmp/paved-bench-telemetry-');
  const temp = join(dir, 'runner-temp');
  mkdirSync(temp);
  const journal = join(temp, 'journal.jsonl');
  const consentEnv = {
    RUNNER_TEMP: temp,
    PAVED_TELEMETRY_JOURNAL: journal,
    PAVED_TELEMETRY_POLICY: '1',
    DO_NOT_TRACK: '',
    PAVED_TELEMETRY: '',
  };
  const server = await receiver();
  try {
    // 1. The hook in-process: shared/telemetry.ts itself (Node 24 strips its types on import), the
    //    very module every bundle includes.
    const hook = await import(pathToFileURL(join(root, 'shared', 'telemetry.ts')).href);
    const calls = quick ? 2_000 : 10_000;
    const run = { action: 'sbom', version: '0.1.0', durationMs: 1234, outcome: 'success' };
    const saved = { ...process.env };
    const setEnv = (env) => {
      for (const k of Object.keys(consentEnv)) delete process.env[k];
      Object.assign(process.env, env);
    };
    const hookReport = await compare({
      name: 'telemetry-hook',
      runs: quick ? 3 : 7,
      contenders: [
        {
          name: 'no hook (bundle without telemetry)',
          fn: async () => {
            for (let i = 0; i < calls; i++) await Promise.resolve();
          },
        },
        {
          name: 'hook, no consent',
          before: async () => setEnv({ RUNNER_TEMP: temp }),
          fn: async () => {
            for (let i = 0; i < calls; i++) await hook.recordActionRun(run);
          },
        },
        {
          name: 'hook, DO_NOT_TRACK=1 over consent',
          before: async () => setEnv({ ...consentEnv, DO_NOT_TRACK: '1' }),
          fn: async () => {
            for (let i = 0; i < calls; i++) await hook.recordActionRun(run);
          },
        },
        {
          name: 'hook, consent (append to journal)',
          before: async () => {
            setEnv(consentEnv);
            writeFileSync(journal, '');
          },
          fn: async () => {
            for (let i = 0; i < calls; i++) await hook.recordActionRun(run);
          },
        },
      ],
      baseline: 'no hook (bundle without telemetry)',
      extra: {
        calls_per_sample: calls,
        note: 'each sample is calls_per_sample hook calls; divide the median by it for the cost of one action run',
      },
    });
    process.env = saved;
    const perCall = Object.fromEntries(
      Object.entries(hookReport.results).map(([k, r]) => [
        k,
        r.median_ms === null ? null : Math.round((r.median_ms / calls) * 1e6) / 1e3,
      ]),
    );
    console.log('µs per action run:', perCall);

    // 2. A real bundle as a process, with and without telemetry.
    const project = join(dir, 'project');
    cpSync(join(root, 'test', 'telemetry', 'fixtures', 'cargo'), project, { recursive: true });
    const files = () => {
      for (const f of ['out', 'summary']) writeFileSync(join(dir, f), '');
      writeFileSync(journal, '');
    };
    const base = {
      INPUT_PATH: project,
      GITHUB_OUTPUT: join(dir, 'out'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      GITHUB_WORKSPACE: project,
    };
    const sbom = ['node', join(root, 'dist', 'sbom', 'index.js')];
    await compare({
      name: 'telemetry-action',
      runs: quick ? 3 : 7,
      contenders: [
        { name: 'node -e 0', command: ['node', '-e', '0'] },
        {
          name: 'sbom, telemetry off',
          command: sbom,
          cwd: project,
          env: { ...base, RUNNER_TEMP: temp, PAVED_TELEMETRY_JOURNAL: '', PAVED_TELEMETRY_POLICY: '' },
          before: files,
        },
        { name: 'sbom, consent recorded', command: sbom, cwd: project, env: { ...base, ...consentEnv }, before: files },
        {
          name: 'sbom, DO_NOT_TRACK=1',
          command: sbom,
          cwd: project,
          env: { ...base, ...consentEnv, DO_NOT_TRACK: '1' },
          before: files,
        },
      ],
      baseline: 'sbom, telemetry off',
      goals: [
        {
          contender: 'sbom, consent recorded',
          maxRatio: 1.1,
          text: 'an action run with consent within 10% of one without telemetry (machine noise; the in-process hook table is the precise cost)',
        },
        { contender: 'sbom, DO_NOT_TRACK=1', maxRatio: 1.1, text: 'opted out costs nothing measurable (within 10%)' },
      ],
      extra: { fixture: 'test/telemetry/fixtures/cargo (shared/fixtures/lockfiles/cargo)' },
    });

    // 3. The export at the end of the job.
    const lines = [{ kind: 'job', policy: 1, startedAt: Date.now() - 600_000 }];
    for (let i = 0; i < 20; i++) {
      lines.push({
        kind: 'run',
        action: ['sbom', 'sign', 'runbook', 'db2'][i % 4],
        version: '0.1.0',
        startedAt: Date.now() - 500_000 + i * 10_000,
        durationMs: 8_000,
        outcome: i === 7 ? 'failure' : 'success',
        errorClass: i === 7 ? 'OperationError' : undefined,
      });
    }
    for (const result of ['success', 'failure'])
      lines.push({
        kind: 'deployment',
        action: 'runbook',
        environment: 'production',
        result,
        startedAt: Date.now() - 300_000,
        finishedAt: Date.now() - 200_000,
        commitTimestamp: Date.now() - 3_600_000,
      });
    // Signed with the job's key, as the hook writes them; the post step verifies with the key in its state.
    const key = 'b'.repeat(64);
    const resetJournal = async () => {
      writeFileSync(journal, `${lines.map((l) => hook.journalLine(l, key)).join('\n')}\n`);
      writeFileSync(join(dir, 'summary'), '');
    };
    const postEnv = (extra) => ({
      RUNNER_TEMP: temp,
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      GITHUB_OUTPUT: join(dir, 'out'),
      'STATE_telemetry-enabled': 'true',
      'STATE_telemetry-journal': journal,
      'STATE_telemetry-key': key,
      INPUT_CONSENT: 'granted',
      'INPUT_CONSENT-VERSION': '1',
      INPUT_ENDPOINT: server.url,
      INPUT_LEVEL: 'standard',
      INPUT_SALT: 'bench-salt-0123456789abcdef',
      INPUT_PROTOCOL: 'http/protobuf',
      'INPUT_DRY-RUN': 'false',
      INPUT_HEADERS: '',
      GITHUB_REPOSITORY: 'org/repo',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_ACTOR: 'someone',
      GITHUB_RUN_ID: '1',
      DO_NOT_TRACK: '',
      PAVED_TELEMETRY: '',
      ...extra,
    });
    const post = ['node', join(root, 'dist', 'telemetry', 'post.js')];
    const before = server.requests;
    await compare({
      name: 'telemetry-export',
      runs: quick ? 3 : 7,
      contenders: [
        { name: 'post step, dry run', command: post, env: postEnv({ 'INPUT_DRY-RUN': 'true' }), before: resetJournal },
        { name: 'post step, http/protobuf to loopback', command: post, env: postEnv({}), before: resetJournal },
        {
          name: 'post step, http/json to loopback',
          command: post,
          env: postEnv({ INPUT_PROTOCOL: 'http/json' }),
          before: resetJournal,
        },
        {
          name: 'post step, http/protobuf + gzip to loopback',
          command: post,
          env: postEnv({ INPUT_COMPRESSION: 'gzip' }),
          before: resetJournal,
        },
      ],
      baseline: 'post step, dry run',
      goals: [
        {
          contender: 'post step, http/protobuf to loopback',
          maxDeltaMs: 250,
          text: 'sending costs under 250 ms over building the payload',
        },
      ],
      extra: {
        job: '20 action runs, 2 deployments, level standard with salt',
        peer: 'none: no offline OpenTelemetry CI/CD action exists to run side by side here',
      },
    });
    console.log(`receiver got ${server.requests - before} requests`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function receiver() {
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests++;
      res.writeHead(200, { 'Content-Type': String(req.headers['content-type'] ?? 'application/x-protobuf') });
      res.end(String(req.headers['content-type']).includes('json') ? '{}' : '');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}
