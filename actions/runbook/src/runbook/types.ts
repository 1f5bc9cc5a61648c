import type { Expr } from '../expr';

/** Where something was written: every error about a runbook points here. */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

interface TaskBase {
  /** Unique path of the task in the runbook, e.g. `install app and configs › configure`. */
  id: string;
  name: string;
  loc: Loc;
  when?: { expr: Expr; text: string; loc: Loc };
  register?: string;
  retries: number;
  delayMs: number;
  timeoutMs?: number;
  ignoreErrors: boolean;
  noLog: boolean;
  /** Own tags plus every enclosing block's. */
  tags: string[];
  notify: string[];
  become?: boolean;
  changedWhen?: { expr: Expr; text: string; loc: Loc };
  failedWhen?: { expr: Expr; text: string; loc: Loc };
  /** Variables of an include or block, visible to its children. */
  vars?: Record<string, unknown>;
}

export interface ModuleTask extends TaskBase {
  kind: 'module';
  module: string;
  /** Raw arguments (still holding `${}` references); interpolated per host when the task runs. */
  args: unknown;
  argsLoc: Loc;
  /** For `uses:` tasks: the resolved module file or package. */
  uses?: { spec: string; resolved: string };
  creates?: string;
  removes?: string;
}

export interface BlockTask extends TaskBase {
  kind: 'serial' | 'parallel';
  children: Task[];
  /** Set when the block came from `include: file`. */
  include?: string;
}

export type Task = ModuleTask | BlockTask;

export interface Runbook {
  file: string;
  dir: string;
  name: string;
  description?: string;
  hosts?: { pattern: string; loc: Loc };
  become: boolean;
  vars: Record<string, unknown>;
  tasks: Task[];
  handlers: Task[];
  /** Every file read while loading (the runbook and its includes). */
  files: string[];
}

export function* leaves(tasks: readonly Task[]): Generator<ModuleTask> {
  for (const t of tasks) {
    if (t.kind === 'module') yield t;
    else yield* leaves(t.children);
  }
}

export function* allTasks(tasks: readonly Task[]): Generator<Task> {
  for (const t of tasks) {
    yield t;
    if (t.kind !== 'module') yield* allTasks(t.children);
  }
}
