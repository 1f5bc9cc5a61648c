import { chmodSync, constants, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ConfigurationError } from '../../../shared';
import { fsError } from './fs-errors';
import type { PendingWrite } from './methods/types';
import { Inputs } from './names';

/**
 * Finds, before anything is signed, a destination that cannot be written: output-dir being a file,
 * or a directory (or its nearest existing parent) that is read-only for this user.
 */
export async function checkDestinations(dirs: Iterable<string>, workspace: string, outputDir?: string): Promise<void> {
  for (const dir of new Set(dirs)) {
    const shown = relative(workspace, dir) || '.';
    const input = outputDir && dir === outputDir ? Inputs.outputDir : undefined;
    let existing = dir;
    for (;;) {
      const info = await stat(existing).catch(() => undefined);
      if (info?.isDirectory()) break;
      if (info) {
        throw new ConfigurationError(
          `${input ? `Input ${input}: ` : ''}${relative(workspace, existing) || existing} is a file, not a directory; signatures cannot be written to ${shown}`,
          input ? { input } : undefined,
        );
      }
      if (dirname(existing) === existing) break;
      existing = dirname(existing);
    }
    try {
      await access(existing, constants.W_OK);
    } catch (error) {
      throw fsError(error, 'write signatures to', shown, input);
    }
  }
}

/**
 * Writes every file into a staging directory beside its destination (same file system), then
 * renames them all into place: a failed write (disk full, permissions) leaves no half-written set.
 *
 * The calls are synchronous, one after the other: nothing else runs at this point, and the same
 * 2,000 writes and renames sent through libuv's thread pool cost about three times the CPU in
 * hand-offs between threads (1,000 files, bench/sign).
 */
export async function writeAll(writes: PendingWrite[], workspace: string, executable?: string): Promise<void> {
  // Each write's directory and name, worked out once: 2,000 writes make path calls add up.
  const plan = writes.map((write) => ({ write, dir: dirname(write.path), name: basename(write.path) }));
  const byDir = new Map<string, typeof plan>();
  for (const entry of plan) {
    const list = byDir.get(entry.dir);
    if (list) list.push(entry);
    else byDir.set(entry.dir, [entry]);
  }
  const staging = new Map<string, string>();
  const temp = (e: (typeof plan)[number]) => `${staging.get(e.dir)}${sep}${e.name}`;
  const shown = (path: string) => relative(workspace, path) || path;
  try {
    for (const dir of byDir.keys()) {
      try {
        mkdirSync(dir, { recursive: true });
        staging.set(dir, mkdtempSync(join(dir, '.paved-sign-')));
      } catch (error) {
        throw fsError(error, 'write signatures to', shown(dir));
      }
    }
    for (const e of plan) {
      try {
        writeFileSync(temp(e), e.write.content);
        if (e.write.path === executable) chmodSync(temp(e), 0o755);
      } catch (error) {
        throw fsError(error, 'write', shown(e.write.path));
      }
    }
    // A directory where a signature goes would fail its rename after others succeeded: refuse first
    // (one readdir per destination, not a stat per file).
    for (const [dir, list] of byDir) {
      const entries = readdirSync(dir, { withFileTypes: true });
      const directories = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
      const clash = list.find((e) => directories.has(e.name));
      if (clash) throw new ConfigurationError(`Cannot write ${shown(clash.write.path)}: it is a directory`);
    }
    for (const e of plan) {
      try {
        renameSync(temp(e), e.write.path);
      } catch (error) {
        throw fsError(error, 'write', shown(e.write.path));
      }
    }
  } finally {
    for (const d of staging.values()) rmSync(d, { recursive: true, force: true });
  }
}
