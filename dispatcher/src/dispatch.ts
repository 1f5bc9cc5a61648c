import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inputEnvName } from '../../shared/action-metadata';
import * as core from '../../shared/actions-core';
import { closest } from '../../shared/suggest';

/**
 * The root action.yml runs this: it picks the bundle named by the `action` input, applies that
 * action's own input defaults (the runner only knows the root's, which has none), and loads the
 * bundle in-process so the cold start is paid once.
 */
interface ActionsIndex {
  [action: string]: { inputs: Record<string, string>; post: boolean; accepts: string[]; expressions: string[] };
}

const STATE_ACTION = 'paved-dispatched-action';
/**
 * Exported (GITHUB_ENV) when the chosen action has a post step. The root action.yml's post-if
 * reads it (`env.` is the one context a post-if sees that a step can set), so the runner starts
 * no post step for a job whose root-action steps have none to run.
 */
export const POST_ENV = 'PAVED_POST_STEP';

export async function dispatch(phase: 'main' | 'post'): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const index = JSON.parse(readFileSync(join(here, 'actions.json'), 'utf8')) as ActionsIndex;
  const action = phase === 'main' ? core.getInput('action').trim() : core.getState(STATE_ACTION);
  if (phase === 'post') {
    if (!action || !index[action]?.post) return;
  } else {
    if (!index[action]) {
      const guess = closest(action, Object.keys(index));
      core.setFailed(
        action === ''
          ? `paved: Input required and not supplied: action (one of ${Object.keys(index).join(', ')})`
          : `paved: unknown action "${action}"${guess ? `; did you mean "${guess}"?` : ''} (one of ${Object.keys(index).join(', ')})`,
      );
      return;
    }
    core.saveState(STATE_ACTION, action);
    if (index[action]?.post) core.exportVariable(POST_ENV, 'true');
    warnForeignInputs(index, action);
  }
  for (const [input, value] of Object.entries(index[action]?.inputs ?? {})) {
    const env = inputEnvName(input);
    if ((process.env[env] ?? '') === '') process.env[env] = value;
  }
  const bundle = join(here, '..', action, phase === 'main' ? 'index.js' : 'post.js');
  await import(/* webpackIgnore: true */ pathToFileURL(bundle).href);
}

/**
 * The root action.yml declares every action's inputs, so the runner accepts `image:` with
 * `action: sbom` without a word, and the value is silently ignored. Say so, naming the action
 * the input belongs to. Inputs whose root default is an expression are set on every run: skipped.
 */
export function warnForeignInputs(index: ActionsIndex, action: string): string[] {
  const chosen = new Set(index[action]?.accepts ?? []);
  const always = new Set(Object.values(index).flatMap((a) => a.expressions ?? []));
  const owners = new Map<string, string[]>();
  for (const [other, entry] of Object.entries(index)) {
    for (const input of entry.accepts ?? []) {
      if (chosen.has(input) || always.has(input) || (process.env[inputEnvName(input)] ?? '') === '') continue;
      owners.set(input, [...(owners.get(input) ?? []), other]);
    }
  }
  const foreign = [...owners.keys()].sort();
  if (foreign.length === 0) return foreign;
  const list = foreign.map((i) => `${i} (${(owners.get(i) ?? []).join(', ')})`).join(', ');
  core.warning(
    `paved: ${foreign.length === 1 ? 'input' : 'inputs'} ${list} ${foreign.length === 1 ? 'belongs' : 'belong'} to another action, not ${action}, and ${foreign.length === 1 ? 'is' : 'are'} ignored. Check the \`action\` input or remove ${foreign.length === 1 ? 'it' : 'them'}.`,
    { title: 'paved: input for another action' },
  );
  return foreign;
}
