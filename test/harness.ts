import { accessSync, constants } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { type RunBundleOptions, type RunBundleResult, runBundle } from '../shared/runner-protocol';
import type { ServiceInfo } from './setup/global';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Vendored reference material (schemas, large lockfiles): tests read nothing outside the repository. */
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Runs `node dist/<action>/index.js` exactly as the Actions runner would. */
export function runAction(
  action: string,
  inputs: RunBundleOptions['inputs'] = {},
  options: Omit<RunBundleOptions, 'root' | 'action' | 'inputs'> = {},
): Promise<RunBundleResult> {
  return runBundle({ root: ROOT, action, inputs, timeoutMs: 300_000, ...options });
}

/** Under CI a missing service is a failure; elsewhere a test may skip without it. */
export const IN_CI = process.env.CI === 'true';

/**
 * The service a test file needs: `describe.skipIf(!service('sshd').available)(…)`.
 * Under CI=true a missing service throws instead (the global setup has already failed the run).
 */
export function service(name: 'sshd' | 'dockerd'): ServiceInfo {
  // Only the integration project (*.int.test.ts) has the global setup that provides services.
  const info: ServiceInfo = inject(name) ?? {
    available: false,
    reason: 'no services in this vitest project: name the file *.int.test.ts',
    env: {},
  };
  if (!info.available && IN_CI) throw new Error(`${name} is required under CI=true: ${info.reason}`);
  return info;
}

/**
 * Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`
 * naming `what`. Tests wait for the event they mean (a file, a log line, a port) with a generous
 * deadline, never a fixed sleep: a busy 2-core machine can be many times slower than a laptop.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 60_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** True when `command` is an executable file in one of PATH's directories (no shell involved). */
export function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      /* not in this directory */
    }
  }
  return false;
}

/**
 * An honest skip for a test that needs a tool: `requireTool(ctx, 'slapd')` skips the test with the
 * reason (it reports "skipped", never "passed"); under CI=true a missing tool fails the test instead.
 */
export function requireTool(
  ctx: { skip: (note?: string) => never },
  tool: string,
  present: boolean = onPath(tool),
  hint = 'install it (see .ci/run for the Debian packages)',
): void {
  if (present) return;
  const reason = `${tool} is not installed: ${hint}`;
  if (IN_CI) throw new Error(`${reason} (required under CI=true)`);
  ctx.skip(reason);
}

/**
 * A port on `host` with nothing listening: one the kernel just handed out and we closed again. For an
 * "unreachable host" that stays unreachable even when another sshd serves the usual port there.
 */
export function closedPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
