import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * When a task really began on its host. A task that has to wait for a channel or a shell of its
 * connection (parallel siblings holding every worker, a delegate_to host shared by many hosts)
 * has not started yet: that wait is queue time, reported apart, not run time on the Gantt chart.
 * Only waits before the task's first operation count; contention once it is running is running.
 */
export interface TaskClock {
  /** Set by the task's first operation that got its channel or shell. */
  begun: boolean;
  /** Time spent waiting before that. */
  queuedMs: number;
}

const current = new AsyncLocalStorage<TaskClock>();

/** Runs a task's work with a clock its connection operations report to. */
export function withTaskClock<T>(clock: TaskClock, fn: () => Promise<T>): Promise<T> {
  return current.run(clock, fn);
}

/** An operation of the current task got what it needed at once: the task has begun. */
export function began(): void {
  const clock = current.getStore();
  if (clock) clock.begun = true;
}

/** An operation of the current task waits for `wait` (a channel, a shell) before it can start. */
export async function queued<T>(wait: Promise<T>): Promise<T> {
  const clock = current.getStore();
  if (!clock || clock.begun) return wait;
  const from = performance.now();
  try {
    return await wait;
  } finally {
    if (!clock.begun) clock.queuedMs += performance.now() - from;
    clock.begun = true;
  }
}
