import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { type RunBundleOptions, type RunBundleResult, runBundle } from '../shared/runner-protocol';
import type { ServiceInfo } from './setup/global';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared beside the checkout: reference material (schemas, lockfiles). */
export const REFERENCE = join(ROOT, '..', 'shared');

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
  const info = inject(name);
  if (!info.available && IN_CI) throw new Error(`${name} is required under CI=true: ${info.reason}`);
  return info;
}
