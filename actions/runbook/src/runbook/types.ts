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
  /** `loop:` (a list, or `${var}` naming one) with `loop_control`. */
  loop?: LoopSpec;
  /** `run_once: true`: the first host runs it, every host gets its result. */
  runOnce?: boolean;
  /** `delegate_to: <host>`: runs on that host (or `localhost`, the runner) for this host. */
  delegateTo?: string;
  /** `become_user:` the user sudo switches to (implies become). */
  becomeUser?: string;
}

export interface LoopSpec {
  /** A list (items may hold `${}`), or a string `${var}` naming a list. */
  items: unknown;
  loc: Loc;
  loopVar: string;
  indexVar?: string;
  /** Text shown per item instead of the whole item (may hold `${}`). */
  label?: string;
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
  /** `block:` with `rescue:` (runs when a task of the block failed) and `always:` (runs regardless). */
  rescue?: Task[];
  always?: Task[];
}

export type Task = ModuleTask | BlockTask;

export interface Runbook {
  file: string;
  dir: string;
  name: string;
  description?: string;
  hosts?: { pattern: string; loc: Loc };
  become: boolean;
  /** `gather_facts: true`: `${facts.…}` with Ansible's fact names, gathered in one round trip per host. */
  gatherFacts?: boolean;
  /** `force_handlers: true`: notified handlers run even on a host that failed. */
  forceHandlers?: boolean;
  vars: Record<string, unknown>;
  tasks: Task[];
  handlers: Task[];
  /** Every file read while loading (the runbook and its includes). */
  files: string[];
}

export function* leaves(tasks: readonly Task[]): Generator<ModuleTask> {
  for (const t of tasks) {
    if (t.kind === 'module') yield t;
    else yield* leaves(subtasks(t));
  }
}

export function* allTasks(tasks: readonly Task[]): Generator<Task> {
  for (const t of tasks) {
    yield t;
    if (t.kind !== 'module') yield* allTasks(subtasks(t));
  }
}

/** A block's tasks, its rescue and its always sections, in that order. */
export function subtasks(t: BlockTask): Task[] {
  return t.rescue || t.always ? [...t.children, ...(t.rescue ?? []), ...(t.always ?? [])] : t.children;
}
