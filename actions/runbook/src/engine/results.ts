export type TaskStatus = 'ok' | 'changed' | 'failed' | 'skipped' | 'cancelled';
export type HostStatus = 'ok' | 'failed' | 'unreachable' | 'cancelled' | 'not-run';

export interface TaskResult {
  id: string;
  name: string;
  module: string;
  status: TaskStatus;
  handler?: boolean;
  /** A failure that `ignore_errors` let pass. */
  ignored?: boolean;
  /** A failure inside a block that its `rescue:` recovered from. */
  rescued?: boolean;
  /** When the task began on its host (after any wait for a channel or shell of the connection). */
  startedAt: number;
  durationMs: number;
  /** Time the task waited for a channel or shell before it began (not part of durationMs). */
  queuedMs?: number;
  attempts: number;
  msg?: string;
  diff?: string;
  rc?: number;
  stdout?: string;
  stderr?: string;
  wouldRun?: string;
}

export interface HostResult {
  name: string;
  address: string;
  status: HostStatus;
  error?: string;
  startedAt?: number;
  durationMs?: number;
  tasks: TaskResult[];
}

export interface RunReport {
  runbook: string;
  name: string;
  check: boolean;
  strategy: string;
  environment?: string;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  cancelled: boolean;
  /** Set when max-fail-percentage stopped later batches. */
  stoppedEarly?: string;
  hosts: HostResult[];
  totals: Totals;
}

export interface Totals {
  hosts: number;
  ok: number;
  changed: number;
  failed: number;
  /** Failures that ignore_errors let pass: shown apart, never counted as failed. */
  ignored: number;
  skipped: number;
  failedHosts: string[];
  unreachableHosts: string[];
}

export function totals(hosts: HostResult[]): Totals {
  const t: Totals = {
    hosts: hosts.length,
    ok: 0,
    changed: 0,
    failed: 0,
    ignored: 0,
    skipped: 0,
    failedHosts: [],
    unreachableHosts: [],
  };
  for (const h of hosts) {
    for (const task of h.tasks) {
      if (task.status === 'ok') t.ok++;
      else if (task.status === 'changed') t.changed++;
      else if (task.status === 'failed' && task.ignored) t.ignored++;
      else if (task.status === 'failed') t.failed++;
      else if (task.status === 'skipped') t.skipped++;
    }
    if (h.status === 'failed' || h.status === 'unreachable') t.failedHosts.push(h.name);
    if (h.status === 'unreachable') t.unreachableHosts.push(h.name);
  }
  return t;
}
