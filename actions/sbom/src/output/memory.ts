import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this many components the heap stays small and a full collection would only cost time. */
export const LARGE_GRAPH = 10_000;

let collector: (() => void) | null | undefined;

/**
 * A full garbage collection now, at a phase boundary where what the previous phase allocated (the
 * lockfile text, its parsed JSON, the per-lockfile graphs, a finished document) has just become
 * garbage. V8 sizes its next collection from the last one, so a 60,000-entry lockfile otherwise
 * reaches ~350 MB of mostly dead heap (and ~500-600 MB RSS on a busy machine) before the first
 * full collection; collecting at the boundaries keeps the peak near the live data (~100-190 MB).
 * Only for large graphs. `gc` is taken from a fresh context with --expose-gc set just for that
 * (the documented way to reach it without a command-line flag), and never put on globalThis.
 */
export function collectGarbage(components: number): void {
  if (components < LARGE_GRAPH) return;
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    } catch {
      collector = null;
    }
  }
  collector?.();
}
