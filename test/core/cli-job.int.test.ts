import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentSocket } from '../../cli/src/job-agent';
import { ROOT, waitFor } from '../harness';

/** The CLI a newcomer meets: version, help, files that outlive a run, and a job that keeps no secret on disk. */
const paved = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'paved.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1', COLUMNS: '80', ...env },
    cwd,
    timeout: 300_000,
  });

describe('paved CLI for a newcomer', () => {
  it('prints its version, and its help names `job` and `--version`', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const v = paved(ROOT, ['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(`paved ${version}`);
    const help = paved(ROOT, ['--help']);
    expect(help.stdout).toContain('paved job end --job DIR');
    expect(help.stdout).toContain('paved --version');
    const job = paved(ROOT, ['job', '--help']);
    expect(job.status).toBe(0);
    expect(job.stdout).toContain('paved job end --job DIR');
  });

  it('wraps action help to the terminal and prints no empty defaults', () => {
    for (const action of ['runbook', 'db2', 'sbom', 'sign', 'telemetry']) {
      const r = paved(ROOT, [action, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('(default: )');
      expect(r.stdout).not.toMatch(/default: \)/);
      for (const line of r.stdout.split('\n')) {
        // A single word longer than the terminal (a URL) may overflow; prose may not.
        if (line.trim().includes(' ')) expect(line.length, line).toBeLessThanOrEqual(80);
      }
    }
  });

  it('keeps a local run’s report under the workspace’s .paved/, ignored by git', () => {
    const work = mkdtempSync(join(tmpdir(), 'paved-cli-'));
    writeFileSync(join(work, 'book.yml'), 'name: local\ntasks:\n  - name: say\n    shell: echo hello\n');
    const r = paved(work, ['runbook', '--runbook', 'book.yml']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(work, '.paved', '.gitignore'), 'utf8')).toBe('*\n');
    const runs = readdirSync(join(work, '.paved', 'runs'));
    expect(runs).toHaveLength(1);
    expect(r.stdout).toContain(`Files this run kept: .paved/runs/${runs[0]}/`);
    // The report output names a file that still exists after the CLI exited.
    const report = /report\s+(\S+\.json)/.exec(r.stdout)?.[1];
    expect(report, r.stdout).toBeDefined();
    expect(existsSync(report as string)).toBe(true);
    expect(report).toContain(join(work, '.paved', 'runs'));
  });

  it('keeps a job’s secrets off disk (0600 job.json) and still runs its post step', () => {
    const work = mkdtempSync(join(tmpdir(), 'paved-job-'));
    const job = join(work, 'job');
    // Hostile on purpose: JSON and shell would each write this differently from the raw text.
    const salt = `s4lt"\\<\${x}>'-${randomBytes(12).toString('hex')}`;
    const encodings = [
      salt,
      JSON.stringify(salt).slice(1, -1),
      Buffer.from(salt).toString('base64'),
      encodeURIComponent(salt),
    ];
    const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' };
    const step = paved(
      work,
      [
        'telemetry',
        ...['--consent', 'granted', '--consent-version', '1', '--endpoint', 'http://127.0.0.1:9'],
        ...['--level', 'standard', '--salt', salt, '--dry-run', 'true', '--job', job],
      ],
      env,
    );
    expect(step.status, step.stdout + step.stderr).toBe(0);
    const file = join(job, 'job.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, 'utf8');
    for (const form of encodings) expect(stored).not.toContain(form);
    expect(JSON.parse(stored).secrets.some((k: string) => k.endsWith('.inputs.salt'))).toBe(true);
    for (const name of readdirSync(job, { recursive: true }) as string[]) {
      const path = join(job, name);
      if (statSync(path).isFile())
        for (const form of encodings) expect(readFileSync(path, 'utf8'), path).not.toContain(form);
    }
    const end = paved(work, ['job', 'end', '--job', job], env);
    expect(end.status, end.stdout + end.stderr).toBe(0);
    expect(end.stdout).toContain('Post telemetry');
    for (const form of encodings) expect(end.stdout + end.stderr).not.toContain(form);
    // The agent ends with the job: its socket is gone.
    expect(existsSync(agentSocket(job))).toBe(false);
  });

  it('says what is lost when the job agent is gone, instead of running a post step without its secrets', () => {
    const work = mkdtempSync(join(tmpdir(), 'paved-job-'));
    const job = join(work, 'job');
    const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' };
    const args = ['--consent', 'granted', '--consent-version', '1', '--endpoint', 'http://127.0.0.1:9'];
    const step = paved(
      work,
      ['telemetry', ...args, '--salt', randomBytes(16).toString('hex'), '--dry-run', 'true', '--job', job],
      env,
    );
    expect(step.status, step.stdout + step.stderr).toBe(0);
    // Stop the agent as a reboot would.
    const stop = spawnSync(process.execPath, [
      '-e',
      `const n=require('node:net');const s=n.createConnection(${JSON.stringify(agentSocket(job))});s.on('data',()=>{});s.end(JSON.stringify({op:'stop'})+'\\n')`,
    ]);
    expect(stop.status).toBe(0);
    const end = paved(work, ['job', 'end', '--job', job], env);
    expect(end.status).toBe(1);
    expect(end.stderr).toContain('no longer running');
  });

  it('does not hang when the job agent accepts a connection and never answers', async () => {
    const work = mkdtempSync(join(tmpdir(), 'paved-job-'));
    const job = join(work, 'job');
    const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' };
    const args = ['--consent', 'granted', '--consent-version', '1', '--endpoint', 'http://127.0.0.1:9'];
    const step = paved(
      work,
      ['telemetry', ...args, '--salt', randomBytes(16).toString('hex'), '--dry-run', 'true', '--job', job],
      env,
    );
    expect(step.status, step.stdout + step.stderr).toBe(0);
    const path = agentSocket(job);
    // Replace the agent with one that accepts and stays silent (a hung process).
    spawnSync(process.execPath, [
      '-e',
      `const n=require('node:net');const s=n.createConnection(${JSON.stringify(path)});s.on('data',()=>{});s.end(JSON.stringify({op:'stop'})+'\\n')`,
    ]);
    await waitFor('the real agent to let go of its socket', () => !existsSync(path));
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(path, resolve));
    try {
      const end = await pavedAsync(work, ['job', 'end', '--job', job], env);
      expect(end.code).toBe(1);
      expect(end.stderr).toContain('did not answer');
    } finally {
      silent.close();
    }
  });
});

/** `paved` without blocking this process, so a server in the test can keep accepting. */
function pavedAsync(
  cwd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'paved.js'), ...args], {
      cwd,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
