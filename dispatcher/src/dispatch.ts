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
  [action: string]: { inputs: Record<string, string>; post: boolean };
}

const STATE_ACTION = 'paved-dispatched-action';

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
  }
  for (const [input, value] of Object.entries(index[action]?.inputs ?? {})) {
    const env = inputEnvName(input);
    if ((process.env[env] ?? '') === '') process.env[env] = value;
  }
  const bundle = join(here, '..', action, phase === 'main' ? 'index.js' : 'post.js');
  await import(/* webpackIgnore: true */ pathToFileURL(bundle).href);
}
