// Cold start: from spawning `node dist/<name>/index.js` to its first byte of output, against
// `node` printing one byte. Every bundle pays this on every step of every job.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare } from '../lib.mjs';

const ACTIONS = ['runbook', 'db2', 'sbom', 'sign', 'telemetry'];

function firstOutput(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let done = false;
    const first = () => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill('SIGKILL');
      resolve(ms);
    };
    child.stdout.once('data', first);
    child.stderr.once('data', first);
    child.on('error', reject);
    child.on('close', () => {
      if (!done) reject(new Error(`${args.join(' ')} printed nothing`));
    });
  });
}

export default async function bench({ root, quick }) {
  const dir = mkdtempSync(join(tmpdir(), 'paved-coldstart-'));
  const files = {};
  for (const f of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_PATH']) {
    files[f] = join(dir, f);
    writeFileSync(files[f], '');
  }
  // No inputs at all: every action's first output is either its first log line or its error.
  const clean = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('INPUT_'))
      .map((k) => [k, undefined]),
  );
  const env = { ...clean, ...files, RUNNER_TEMP: dir, GITHUB_WORKSPACE: dir };
  const contenders = [
    {
      name: 'node',
      description: 'node -e "process.stdout.write(1)"',
      fn: () => firstOutput(['-e', 'process.stdout.write("1")'], env),
    },
  ];
  for (const action of ACTIONS) {
    const bundle = join(root, 'dist', action, 'index.js');
    if (!existsSync(bundle)) continue;
    contenders.push({
      name: action,
      description: `node dist/${action}/index.js`,
      fn: () => firstOutput([bundle], env),
    });
  }
  // `fn` returns the time to first output; report that rather than the time to kill.
  for (const c of contenders) {
    const measure = c.fn;
    c.fn = undefined;
    c.measure = measure;
  }
  try {
    return await compare({
      name: 'coldstart',
      runs: quick ? 5 : 21,
      warmup: 2,
      contenders,
      baseline: 'node',
      goals: contenders
        .slice(1)
        .map((c) => ({ contender: c.name, maxDeltaMs: 150, text: `${c.name}: first output ≤ 150 ms after node's` })),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
