import type { Loc, ModuleTask } from '../runbook/types';
import type { Connection } from '../transport/types';

/** What a module sees when it runs on one host. */
export interface ModuleContext {
  host: { name: string; address: string; vars: Record<string, unknown> };
  conn: Connection;
  /** Arguments with every `${}` resolved for this host. */
  args: unknown;
  task: ModuleTask;
  check: boolean;
  become: boolean;
  signal: AbortSignal;
  timeoutMs?: number;
  workspace: string;
  /** Directory of the file that declared the task (sources resolve against it). */
  baseDir: string;
  /** The host's variables, for modules that render text (template, systemd). */
  scope: Record<string, unknown>;
  /** Interpolates text with this host's variables (and `extra`), masking lines built from secrets. */
  render(text: string, extra: Record<string, unknown>, source: Loc, what: string): string;
  /** Reads a controller-side file the runbook names, refusing paths outside the workspace. */
  readSource(path: string, what: string): Buffer;
  log(line: string): void;
}

export interface ModuleResult {
  changed: boolean;
  failed?: boolean;
  skipped?: boolean;
  msg?: string;
  /** Unified diff of what changed (or would change in check mode). */
  diff?: string;
  rc?: number;
  stdout?: string;
  stderr?: string;
  /** In check mode: the command a shell/command task would run. */
  wouldRun?: string;
  [extra: string]: unknown;
}

/** Argument checks run before anything runs on any host; `at(key)` points at the key. */
export interface ArgCheck {
  args: unknown;
  at(key?: string): Loc;
  fail(message: string, key?: string): never;
}

export interface ModuleDef {
  name: string;
  /** Validates raw arguments (which may still hold `${}` strings) before the run. */
  validate(check: ArgCheck): void;
  run(ctx: ModuleContext): Promise<ModuleResult>;
  /** Controller-side files the task reads (checked to exist and to be inside the workspace up front). */
  sources?(args: unknown): string[];
}
