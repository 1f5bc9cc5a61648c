import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { RunBundleResult } from '../../shared/runner-protocol';
import { runAction, service } from '../harness';

/** A throwaway workspace holding the given files (paths relative to it). */
export function workspace(files: Record<string, string>, prefix = 'rb-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    if (text.startsWith('#!')) chmodSync(full, 0o755);
  }
  return dir;
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** SSH inputs for the test sshd (key text, pinned known_hosts, port, user). */
export function sshInputs(): Record<string, string> {
  const env = service('sshd').env;
  return {
    'ssh-key': readFileSync(env.PAVED_SSH_KEY as string, 'utf8'),
    'known-hosts': readFileSync(env.PAVED_SSH_KNOWN_HOSTS as string, 'utf8'),
    'ssh-user': env.PAVED_SSH_USER as string,
    'ssh-port': env.PAVED_SSH_PORT as string,
    'connect-timeout': '3s',
  };
}

/**
 * The test sshd's host key (scripts/services/sshd.sh): `type base64` for known_hosts lines of
 * other addresses and ports, and the private key file, for stand-in servers that present it.
 */
export function sshHostKey(): { pub: string; privateKeyFile: string } {
  const privateKeyFile = join(dirname(service('sshd').env.PAVED_SSH_KEY as string), 'host_ed25519');
  const pub = readFileSync(`${privateKeyFile}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  return { pub, privateKeyFile };
}

export function sshPort(): number {
  return Number(service('sshd').env.PAVED_SSH_PORT ?? 2222);
}

/** Runs the built bundle in `dir` as the workspace. */
export function runbook(
  dir: string,
  inputs: Record<string, string | undefined>,
  env: Record<string, string | undefined> = {},
): Promise<RunBundleResult> {
  return runAction('runbook', inputs, {
    cwd: dir,
    env: { GITHUB_WORKSPACE: dir, RUNNER_TEMP: join(dir, '.runner-temp'), ...env },
  });
}

/** stdout without the runner's ::add-mask:: commands (those carry the secrets by design). */
export function visibleLog(result: RunBundleResult): string {
  return `${result.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')}\n${result.stderr}`;
}

export function report(result: RunBundleResult): {
  hosts: {
    name: string;
    status: string;
    error?: string;
    startedAt?: number;
    durationMs?: number;
    tasks: {
      id: string;
      status: string;
      diff?: string;
      msg?: string;
      attempts: number;
      handler?: boolean;
      startedAt: number;
      durationMs: number;
    }[];
  }[];
  totals: { ok: number; changed: number; failed: number; skipped: number };
  cancelled: boolean;
  durationMs: number;
} {
  return JSON.parse(readFileSync(result.outputs.report as string, 'utf8'));
}

export function reportText(result: RunBundleResult): string {
  return readFileSync(result.outputs.report as string, 'utf8');
}

/**
 * Writes `text` as bad.yml in `dir`, runs it, and expects a refusal before any host is touched:
 * a non-zero exit whose log has `message` and points at bad.yml line `line`.
 */
export async function expectRefused(dir: string, text: string, message: string, line: number): Promise<void> {
  writeFileSync(join(dir, 'bad.yml'), text);
  const result = await runbook(dir, { runbook: 'bad.yml' });
  expect(result.exitCode).not.toBe(0);
  const log = visibleLog(result);
  expect(log).toContain(message);
  expect(log).toMatch(new RegExp(`bad\\.yml[:,]\\D*${line}\\b`));
}
