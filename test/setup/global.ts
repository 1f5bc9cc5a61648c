import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Starts the real services the integration tests use (sshd on loopback, the Docker engine),
 * once per test run. PAVED_SERVICES picks them (default all; `none` for a quick unit run).
 * Under CI=true a service that cannot start fails the run: tests never silently skip there.
 */
export interface ServiceInfo {
  available: boolean;
  reason?: string;
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sshd: ServiceInfo;
    dockerd: ServiceInfo;
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVICES = ['sshd', 'dockerd'] as const;

function wanted(): Set<string> {
  const value = (process.env.PAVED_SERVICES ?? 'all').trim();
  if (value === 'all' || value === '') return new Set(SERVICES);
  if (value === 'none') return new Set();
  return new Set(value.split(',').map((s) => s.trim()));
}

function start(service: (typeof SERVICES)[number]): ServiceInfo {
  try {
    const out = execFileSync('bash', [join(root, 'scripts', 'services', `${service}.sh`)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 540_000,
    });
    const env: Record<string, string> = {};
    for (const line of out.split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return { available: true, env };
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return { available: false, reason: (e.stderr || e.message).trim().split('\n').slice(-5).join('\n'), env: {} };
  }
}

export default function setup(project: TestProject): void {
  const want = wanted();
  for (const service of SERVICES) {
    const info: ServiceInfo = want.has(service)
      ? start(service)
      : { available: false, reason: `not started (PAVED_SERVICES=${process.env.PAVED_SERVICES})`, env: {} };
    if (!info.available && process.env.CI === 'true') {
      throw new Error(`${service} is required under CI=true and could not start: ${info.reason}`);
    }
    project.provide(service, info);
  }
}
